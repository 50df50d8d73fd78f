import type { ConnectionPolicy } from '../../scenario/schema';

/**
 * Seconds between a caller deciding to open a connection and its first
 * request leaving on it: each handshake round trip is the link's latency
 * there and back, and the callee's TLS work (`tlsCpu`) is a fixed delay at
 * its end, not queued on its workers. So a call on a new connection arrives
 * `handshakeDelay` later than on an open one, and nothing else changes: no
 * random draw moves, which keeps the difference exact.
 */
export function handshakeDelay(policy: ConnectionPolicy, latency: number): number {
  return policy.handshakeRoundTrips * 2 * latency + policy.tlsCpu;
}

/** Seconds until a caller hears a refused connection: the handshake's round trips (the refusal comes at its end), no TLS. */
export function refusalDelay(policy: ConnectionPolicy, latency: number): number {
  return policy.handshakeRoundTrips * 2 * latency;
}
