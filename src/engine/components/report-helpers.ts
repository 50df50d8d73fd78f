import type { LatencySummary } from '../types';

/** The latency summary of a node that measured nothing. */
export function emptyLatency(): LatencySummary {
  return { count: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };
}
