import type { LatencyHistogram } from '../histogram';
import type { LatencySummary, NodeReportBase } from '../types';

/** The latency summary of a node that measured nothing. */
export function emptyLatency(): LatencySummary {
  return { count: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };
}

/**
 * The report of a node without workers of its own (a client, a cache, a CDN):
 * its counts and latency, with every queueing figure zero.
 */
export function queuelessReport<K extends 'client' | 'cache' | 'cdn' | 'topic' | 'registry'>(node: {
  id: string;
  kind: K;
  label: string;
  arrivals: number;
  served: number;
  throughput: number;
  latency: LatencyHistogram;
  inSystem?: number;
}): Omit<NodeReportBase, 'kind'> & { kind: K } {
  return {
    id: node.id,
    kind: node.kind,
    label: node.label,
    arrivals: node.arrivals,
    served: node.served,
    dropped: 0,
    refused: 0,
    lost: 0,
    throughput: node.throughput,
    utilization: 0,
    meanQueueLength: 0,
    meanInSystem: 0,
    waitProbability: 0,
    meanWait: 0,
    latency: node.latency.count > 0 ? node.latency.summary() : emptyLatency(),
    inSystem: node.inSystem ?? 0,
  };
}
