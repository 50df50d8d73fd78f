import { z } from 'zod';
import { nodeFields } from './node-fields';

/*
 * The connection pooler node kind (PgBouncer-style). It lives apart from
 * schema.ts, which imports it into NodeSchema; the fields every node has
 * come from node-fields.ts.
 */

/**
 * A pooler in transaction mode: it accepts many client connections and
 * multiplexes their requests onto a few connections to the database it
 * links to. A request holds a server connection only while the database
 * answers it; one that finds them all busy waits, first come first served.
 */
export const PoolerNodeSchema = z.object({
  ...nodeFields,
  kind: z.literal('pooler'),
  /** Client connections it accepts at once (callers' links with a `connection` policy open them); a new one beyond it is refused. */
  maxClientConnections: z.number().int().min(1).max(1_000_000).default(10_000),
  /** Connections it keeps to the database (opened as needed, then kept); each counts against the database's maxConnections. */
  serverConnections: z.number().int().min(1, 'a pooler needs at least 1 server connection').max(10_000).default(20),
  /** Seconds a request may wait for a free server connection before it fails with "pool timeout"; null: forever. */
  waitTimeout: z.number().finite().positive().nullable().default(null),
  /** Seconds the pooler adds to each request (parsing, routing), a fixed delay. */
  overhead: z.number().finite().nonnegative().default(0.0001),
});
export type PoolerNode = z.infer<typeof PoolerNodeSchema>;
