import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { runScenario } from '../simulation';
import { buildScenario } from '../testing/build-scenario';
import type { NodeReport, Report } from '../types';

/** client → cache → database; every lookup takes exactly 1 ms, and every item fits, so the cache is an M/D/c station. */
function cacheShard(rate: number, workers: number | null) {
  return buildScenario({
    duration: 400,
    warmup: 20,
    seed: 5,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate }, catalogue: { items: 100, popularity: { type: 'uniform' } } },
      { id: 'cache', kind: 'cache', capacity: 100, hitTime: 0.001, missTime: 0.001, workers },
      { id: 'db', kind: 'database', workers: 8, readTime: { type: 'constant', value: 0.001 }, writeTime: { type: 'constant', value: 0.001 } },
    ] as ScenarioInput['nodes'],
    links: [
      { id: 'in', from: 'users', to: 'cache', latency: 0 },
      { id: 'out', from: 'cache', to: 'db', latency: 0 },
    ],
  });
}

const cacheNode = (report: Report) => report.nodes.find((n) => n.id === 'cache') as NodeReport;

describe('a cache with lookup threads', () => {
  let unlimited: Report;
  let single: Report;
  let overloaded: Report;
  beforeAll(() => {
    unlimited = runScenario(cacheShard(800, null), { window: 0 });
    single = runScenario(cacheShard(800, 1), { window: 0 });
    overloaded = runScenario(cacheShard(1200, 1), { window: 0 });
  });

  it('with no worker count never queues: every lookup takes its 1 ms', () => {
    const cache = cacheNode(unlimited);
    expect(cache.utilization).toBe(0);
    expect(cache.latency.mean).toBeCloseTo(0.001, 6);
  });

  it('single-threaded at 800 lookups/s is an M/D/1 queue: ρ = 0.8, Wq = ρ/(2μ(1−ρ)) = 2 ms', () => {
    const cache = cacheNode(single);
    // 300,000 lookups after warm-up: ρ is known to a fraction of a percent, the mean wait to a few percent.
    expect(Math.abs(cache.utilization - 0.8)).toBeLessThan(0.01);
    expect(Math.abs(cache.meanWait - 0.002) / 0.002).toBeLessThan(0.1);
    expect(Math.abs(cache.latency.mean - 0.003) / 0.003).toBeLessThan(0.07);
    expect(Math.abs(cache.waitProbability - 0.8)).toBeLessThan(0.02);
    // The clients feel it: a 3 ms mean against 1 ms.
    expect(single.totals.latency.mean).toBeGreaterThan(unlimited.totals.latency.mean + 0.0015);
  });

  it('single-threaded past 1,000 lookups/s is the bottleneck: always busy, its queue grows without end', () => {
    const cache = cacheNode(overloaded);
    expect(cache.utilization).toBeGreaterThan(0.999);
    // 200 more a second than it can serve, for 380 s: a queue of tens of thousands by the end.
    expect(cache.inSystem).toBeGreaterThan(50_000);
    expect(overloaded.totals.throughput).toBeLessThan(1001);
    expect(cache.cache!.hitRatio).toBeGreaterThan(0.99);
  });
});
