import { z } from 'zod';
import { nodeFields } from './node-fields';

/*
 * The service registry node kind (format version 4): instances of the server
 * groups it links to register with it and leave it (scale-in at once, a
 * crash once its heartbeats have stopped for `heartbeatTimeout`), and callers
 * find them through it: from a cached list (client-side), through a caching
 * DNS resolver, or by asking it on every request (server-side). It lives
 * apart from schema.ts, which imports it into NodeSchema; the fields every
 * node has come from node-fields.ts.
 */

const nonNegative = z.number().finite().nonnegative();

/** How callers learn the registry's list. */
export const DISCOVERY_MODES = ['clientSide', 'serverSide', 'dns'] as const;
export type DiscoveryMode = (typeof DISCOVERY_MODES)[number];


export const RegistryNodeSchema = z.object({
  ...nodeFields,
  kind: z.literal('registry'),
  /** clientSide: each caller caches the list; serverSide: every request is routed with the live list; dns: resolvers cache it. */
  mode: z.enum(DISCOVERY_MODES).default('clientSide'),
  /** Seconds a caller's cached list (clientSide) or a resolver's record (dns) lives before the next call looks it up again. */
  ttl: nonNegative.default(30),
  /** dns: caching resolvers the client addresses are spread over, each holding the record for its own TTL. */
  resolvers: z.number().int().min(1).max(64).default(4),
  /** Seconds without a heartbeat after which a crashed instance is taken off the list. */
  heartbeatTimeout: nonNegative.default(10),
  /** Seconds a look-up of the list costs the call that makes it (a refresh; serverSide: every call). */
  lookupLatency: nonNegative.default(0.002),
});
export type RegistryNode = z.infer<typeof RegistryNodeSchema>;
