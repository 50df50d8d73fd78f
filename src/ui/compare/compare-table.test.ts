import { describe, expect, it } from 'vitest';
import type { TotalsReport } from '../../engine/types';
import { starterScenario } from '../../scenario/starter';
import { exampleScenario } from '../../worker/testing/example-run';
import { compareRows } from './compare-table';
import { compareVariants } from './compare-variants';

const totals = (change: Partial<TotalsReport> & { p99?: number } = {}): TotalsReport =>
  ({
    sent: 100,
    completed: 98,
    failed: 2,
    inFlight: 0,
    retries: 0,
    throughput: 40,
    latency: { p50: 0.05, p95: 0.1, p99: change.p99 ?? 0.2 },
    sessions: { logins: 0, relogins: 0, lost: 0 },
    ...change,
  }) as TotalsReport;

describe('A/B totals table', () => {
  it('gives B minus A with its share of A, and whether that is better', () => {
    const rows = compareRows(totals(), totals({ p99: 0.15, throughput: 42, failed: 2 }));
    expect(rows.find((r) => r.measure === 'Latency p99')).toEqual({ measure: 'Latency p99', a: '200.0 ms', b: '150.0 ms', difference: '−50.0 ms (−25 %)', verdict: 'better' });
    expect(rows.find((r) => r.measure === 'Throughput')).toMatchObject({ difference: '+2.0 req/s (+5 %)', verdict: 'better' });
    expect(rows.find((r) => r.measure === 'Failed')).toMatchObject({ a: '2', b: '2', difference: 'same', verdict: 'same' });
    // Neither run reports a cost: no row for it.
    expect(rows.map((r) => r.measure)).not.toContain('Cost per hour');
  });

  it('calls more failures worse, and a difference below the shown precision the same', () => {
    const rows = compareRows(totals({ failed: 0 }), totals({ failed: 5, p99: 0.20001 }));
    expect(rows.find((r) => r.measure === 'Failed')).toMatchObject({ difference: '+5', verdict: 'worse' });
    expect(rows.find((r) => r.measure === 'Latency p99')).toMatchObject({ difference: 'same' });
  });
});

describe('A/B variants', () => {
  it('offers each other balancing algorithm and a server replica more, each a valid scenario differing in one field', () => {
    const starter = starterScenario();
    const variants = compareVariants(starter);
    expect(variants.map((v) => v.label)).toContain('Load balancer: least connections (A: round robin)');
    expect(variants.map((v) => v.label)).toContain('API server 1: 2 replicas (A: 1)');
    expect(variants.map((v) => v.label)).not.toContain('API server 1: 0 replicas (A: 1)');
    const least = variants.find((v) => v.id === 'lb-1:algorithm:leastConnections');
    expect(least?.scenario.nodes.find((n) => n.id === 'lb-1')).toMatchObject({ algorithm: 'leastConnections' });
    expect(least?.scenario.nodes.filter((n, i) => JSON.stringify(n) !== JSON.stringify(starter.nodes[i]))).toHaveLength(1);
  });

  it('offers write-through against cache-aside for a cache', () => {
    const labels = compareVariants(exampleScenario('cache-aside-zipf', 5)).map((v) => v.label);
    expect(labels.some((l) => /: write-through \(A: cache-aside\)$/.test(l))).toBe(true);
    expect(labels.some((l) => /: LFU eviction \(A: LRU\)$/.test(l))).toBe(true);
  });
});
