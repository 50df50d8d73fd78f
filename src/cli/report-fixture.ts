import type { LatencySummary, NodeReport } from '../engine/types';

/*
 * Hand-made report parts for the CLI formatters' tests, so each test states
 * only the figures it prints. Only tests import this module.
 */

/** A latency summary of no requests. */
export const emptyLatency: LatencySummary = { count: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };

/** What a kind reports beyond the common figures, empty, for tests that state only the figures they print. */
function kindFigures(kind: NodeReport['kind']): Partial<NodeReport> {
  if (kind === 'loadBalancer') return { targets: [], probesSent: 0, healthTimeline: [] };
  if (kind === 'server' || kind === 'database' || kind === 'sessionStore') return { replicas: 1, sessions: { held: 0, lost: 0 }, perReplica: [] };
  return {};
}

/** A node's report with every figure zero but those given (a fresh latency summary each, so a test may change it). */
export const nodeReport = (fields: Partial<NodeReport> & Pick<NodeReport, 'id' | 'kind'>): NodeReport => ({
  ...kindFigures(fields.kind),
  label: fields.id,
  arrivals: 0,
  served: 0,
  dropped: 0,
  throughput: 0,
  utilization: 0,
  meanQueueLength: 0,
  meanInSystem: 0,
  waitProbability: 0,
  meanWait: 0,
  latency: { ...emptyLatency },
  inSystem: 0,
  ...fields,
}) as NodeReport;
