import { describe, expect, it } from 'vitest';
import type { QueueFigures } from '../engine/types';
import { nodeDetailLines } from './format-node-details';
import { nodeReport } from './report-fixture';

const latency = (mean: number, p99: number) => ({ count: 100, mean, p50: mean, p90: p99, p95: p99, p99, p999: p99, max: p99 });

const figures: QueueFigures = {
  accepted: 7698,
  rejected: 0,
  acknowledged: 7697,
  deliveries: 8050,
  redeliveries: 267,
  duplicates: 85,
  deadLettered: 0,
  expired: 0,
  backlog: 0,
  inFlight: 1,
  oldestAge: 0,
  meanBacklog: 5.35,
  maxBacklog: 82,
  meanBacklogWait: 0.06,
  inRate: 85.533,
  outRate: 85.522,
  ackLatency: latency(0.006, 0.006),
  endToEnd: latency(0.201, 1.456),
};

describe('the terminal report of messaging nodes', () => {
  it('puts the producer’s ack beside enqueue → done, then the backlog and what went wrong', () => {
    expect(nodeDetailLines(nodeReport({ id: 'jobs', kind: 'messageQueue', messaging: figures }))).toEqual([
      '',
      'Message queue jobs: what producers waited for, and what consumers did',
      "  producer's ack: mean 6.00 ms, p99 6.00 ms · enqueue → done: mean 201 ms, p99 1,456 ms",
      '  in 85.53 msg/s, out 85.52 msg/s · backlog mean 5.3, max 82, now 0 (oldest 0.0 s) · in flight 1',
      '  whole run: 7,698 accepted · 7,697 acknowledged · 0 refused (backlog full) · 267 redelivered · 85 duplicates · 0 dead letters',
    ]);
  });

  it('counts a topic’s copies', () => {
    const topic = { published: 10, subscribers: 3, copies: 30, delivered: 28, failed: 2, inFlight: 0 };
    expect(nodeDetailLines(nodeReport({ id: 'orders', kind: 'topic', topic }))).toEqual([
      '',
      'Topic orders: 10 published to 3 subscribers',
      '  30 copies sent · 28 delivered · 2 failed · 0 still out',
    ]);
  });
});
