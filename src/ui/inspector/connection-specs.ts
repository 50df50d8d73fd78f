import type { NumberSpec } from './field-spec';

/* The number fields of connections: a link's connection policy, a database's limit and a pooler. */

export const CONNECTION_SPECS = {
  handshakeRoundTrips: { unit: 'round trips', scale: 1, min: 0, max: 10, integer: true },
  tlsCpu: { unit: 'ms', scale: 1000, min: 0 },
  poolSize: { unit: 'connections', scale: 1, min: 1, max: 100_000, integer: true },
  idleTimeout: { unit: 's', scale: 1, min: 0, minExclusive: true, emptyMeans: 'never closed' },
  waitTimeout: { unit: 'ms', scale: 1000, min: 0, minExclusive: true, emptyMeans: 'wait forever' },
  maxConnections: { unit: 'connections', scale: 1, min: 1, max: 100_000, integer: true, emptyMeans: 'no limit' },
  maxClientConnections: { unit: 'connections', scale: 1, min: 1, max: 1_000_000, integer: true },
  serverConnections: { unit: 'connections', scale: 1, min: 1, max: 10_000, integer: true },
  overhead: { unit: 'ms', scale: 1000, min: 0 },
} satisfies Record<string, NumberSpec>;
