import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { popularityOf, cheLruHitRatio, ttlHitRatio } from '../caching/theory';
import { createSimulation, runScenario } from '../index';
import { buildScenario } from '../testing/build-scenario';
import type { NodeReport, Report } from '../types';

type CacheInput = Record<string, unknown>;

/** client → cache → database, zero link latency, constant times so latencies can be read exactly. */
function cacheInFront(options: {
  cache: CacheInput;
  rate?: number;
  writeRatio?: number;
  items?: number;
  alpha?: number;
  duration?: number;
  warmup?: number;
  faults?: ScenarioInput['faults'];
  seed?: number;
}) {
  return buildScenario({
    duration: options.duration ?? 40,
    warmup: options.warmup ?? 10,
    seed: options.seed ?? 1,
    nodes: [
      {
        id: 'users',
        kind: 'client',
        workload: { mode: 'open', rate: options.rate ?? 2000 },
        writeRatio: options.writeRatio ?? 0,
        catalogue: { items: options.items ?? 5000, popularity: { type: 'zipf', alpha: options.alpha ?? 0.9 } },
      },
      { id: 'cache', kind: 'cache', ...options.cache },
      { id: 'db', kind: 'database', workers: 64, readTime: { type: 'constant', value: 0.004 }, writeTime: { type: 'constant', value: 0.008 } },
    ] as ScenarioInput['nodes'],
    links: [
      { id: 'in', from: 'users', to: 'cache', latency: 0 },
      { id: 'to-db', from: 'cache', to: 'db', latency: 0 },
    ],
    faults: options.faults,
  });
}

/** client → balancer → two caches → one database: a write through one cache leaves the other's copy stale. */
function twoCaches(cache: CacheInput, seed = 1) {
  return buildScenario({
    duration: 40,
    warmup: 5,
    seed,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate: 2000 }, writeRatio: 0.1, catalogue: { items: 200, popularity: { type: 'zipf', alpha: 1 } } },
      { id: 'lb', kind: 'loadBalancer', algorithm: 'random' },
      { id: 'cache-a', kind: 'cache', capacity: 200, ...cache },
      { id: 'cache-b', kind: 'cache', capacity: 200, ...cache },
      { id: 'db', kind: 'database', workers: 64, readTime: { type: 'constant', value: 0.002 }, writeTime: { type: 'constant', value: 0.004 } },
    ] as ScenarioInput['nodes'],
    links: [
      { id: 'in', from: 'users', to: 'lb', latency: 0.001 },
      { id: 'a', from: 'lb', to: 'cache-a', latency: 0.001 },
      { id: 'b', from: 'lb', to: 'cache-b', latency: 0.001 },
      { id: 'a-db', from: 'cache-a', to: 'db', latency: 0.001 },
      { id: 'b-db', from: 'cache-b', to: 'db', latency: 0.001 },
    ],
  });
}

const node = (report: Report, id: string) => report.nodes.find((n) => n.id === id) as NodeReport;
const cacheOf = (report: Report, id = 'cache') => {
  const figures = node(report, id).cache;
  if (!figures) throw new Error(`${id} has no cache figures`);
  return figures;
};

describe('cache node: reads', () => {
  it("serves an LRU hit ratio within 0.015 of Che's approximation, and takes the misses off the database", () => {
    const report = runScenario(cacheInFront({ cache: { capacity: 250, eviction: 'lru' } }));
    const cache = cacheOf(report);
    const p = popularityOf({ items: 5000, popularity: { type: 'zipf', alpha: 0.9 } }) as Float64Array;
    expect(cache.theoryModel).toBe('che');
    expect(cache.theory).toBeCloseTo(cheLruHitRatio(p, 250), 10);
    // 60,000 measured reads: standard error ≈ 0.002.
    expect(Math.abs(cache.hitRatio - (cache.theory as number))).toBeLessThan(0.015);
    // Only misses reach the database (whole-run counts; a miss or two may still be on its way at the end).
    const misses = node(report, 'cache').arrivals - node(report, 'cache').served;
    expect(misses - node(report, 'db').arrivals).toBeGreaterThanOrEqual(0);
    expect(misses - node(report, 'db').arrivals).toBeLessThan(5);
    const buckets = cache.hitRatioByRank;
    expect(buckets[0]?.from).toBe(1);
    expect(buckets[0]!.hitRatio).toBeGreaterThan(buckets[buckets.length - 1]!.hitRatio);
    // Che per item, summed per bucket: each bucket with 2,000+ reads within 0.03 of it.
    for (const bucket of buckets.filter((b) => b.reads >= 2000)) {
      expect(Math.abs(bucket.hitRatio - (bucket.theory as number))).toBeLessThan(0.03);
    }
    expect(report.nodes[1]?.kind).toBe('cache');
  });

  it('gives a TTL-only cache the hit ratio Σ p·λpT/(1+λpT), expiry counted from insertion', () => {
    const report = runScenario(cacheInFront({ cache: { capacity: 5000, eviction: 'ttl', ttl: 0.5 }, items: 5000, alpha: 0.8 }));
    const cache = cacheOf(report);
    const p = popularityOf({ items: 5000, popularity: { type: 'zipf', alpha: 0.8 } }) as Float64Array;
    expect(cache.theoryModel).toBe('ttl');
    expect(Math.abs((cache.theory as number) - ttlHitRatio(p, 2000, 0.5))).toBeLessThan(0.01);
    expect(Math.abs(cache.hitRatio - ttlHitRatio(p, 2000, 0.5))).toBeLessThan(0.01);
    expect(cache.expirations).toBeGreaterThan(0);
    expect(cache.evictions).toBe(0);
  });

  it('reports a per-window hit ratio that climbs as a cold cache warms', () => {
    const sim = createSimulation(cacheInFront({ cache: { capacity: 1000 }, duration: 10, warmup: 0 }));
    sim.runUntil(10);
    const ratios = sim.windowsSince(0).map((w) => w.nodes[1]?.hitRatio as number);
    expect(ratios).toHaveLength(10);
    expect(ratios[0]).toBeLessThan(ratios[9] as number);
  });
});

describe('cache node: write strategies', () => {
  // Writes only, constant times and no queueing: latency is exactly what the strategy costs.
  const writesOnly = (strategy: string) =>
    runScenario(cacheInFront({ cache: { strategy, hitTime: 0.001, missTime: 0.001 }, writeRatio: 1, rate: 500, duration: 10, warmup: 1 }));

  it('write-through: a write costs the cache and the database, and every write reaches the database', () => {
    const report = writesOnly('writeThrough');
    expect(report.totals.latency.mean).toBeCloseTo(0.001 + 0.008, 4);
    // One or two writes may still be on their way at the end.
    expect(cacheOf(report).writes - node(report, 'db').arrivals).toBeLessThan(3);
    expect(cacheOf(report).writes - node(report, 'db').arrivals).toBeGreaterThanOrEqual(0);
  });

  it('write-back: a write is acknowledged by the cache alone and reaches the database in batches', () => {
    const report = writesOnly('writeBack');
    const cache = cacheOf(report);
    expect(report.totals.latency.mean).toBeCloseTo(0.001, 4);
    expect(cache.flushes).toBeGreaterThan(0);
    expect(node(report, 'db').arrivals).toBe(cache.flushes);
    expect(cache.flushedEntries).toBeGreaterThan(cache.flushes);
  });

  it('write-back loses exactly the entries that were dirty at the crash; write-through loses none', () => {
    const crashAt = 20.5;
    const scenario = (strategy: string) =>
      cacheInFront({
        // Room for every item, so no dirty entry is evicted and waits outside the table.
        cache: { capacity: 5000, strategy, flushInterval: 1 },
        writeRatio: 0.3,
        faults: [
          { at: crashAt, node: 'cache', action: 'crash' },
          { at: crashAt + 1, node: 'cache', action: 'restart' },
        ],
      });
    const sim = createSimulation(scenario('writeBack'));
    sim.runUntil(crashAt - 1e-9);
    const dirtyBefore = cacheOf(sim.report()).dirty;
    sim.runUntil(crashAt + 0.5);
    const after = cacheOf(sim.report());
    expect(dirtyBefore).toBeGreaterThan(50);
    expect(after.lostWrites).toBe(dirtyBefore);
    expect(after.entries).toBe(0);
    expect(after.bypassed).toBeGreaterThan(0);

    const through = cacheOf(runScenario(scenario('writeThrough')));
    expect(through.lostWrites).toBe(0);
    expect(through.bypassed).toBeGreaterThan(0);
  });
});

describe('cache node: invalidation and stale reads', () => {
  it('TTL-based invalidation serves stale reads, none older than the TTL', () => {
    const cache = cacheOf(runScenario(twoCaches({ ttl: 2, invalidation: { type: 'ttl' } })), 'cache-b');
    expect(cache.staleReads).toBeGreaterThan(100);
    expect(cache.staleRatio).toBeGreaterThan(0);
    expect(cache.maxStaleAge).toBeLessThanOrEqual(2);
    expect(cache.maxStaleAge).toBeGreaterThan(0.5);
  });

  it('event-based invalidation gives stale reads only inside the propagation delay', () => {
    const delay = 0.05;
    // One run (same scenario, same seed) serves both caches' checks.
    const report = runScenario(twoCaches({ invalidation: { type: 'event', delay } }));
    for (const id of ['cache-a', 'cache-b']) {
      const cache = cacheOf(report, id);
      expect(cache.staleReads).toBeGreaterThan(0);
      expect(cache.maxStaleAge).toBeLessThanOrEqual(delay);
    }
    const instant = cacheOf(runScenario(twoCaches({ invalidation: { type: 'event', delay: 0 } })), 'cache-b');
    expect(instant.staleReads).toBe(0);
  });

  it('version tags give zero stale reads where TTL-based invalidation gives many', () => {
    for (const strategy of ['cacheAside', 'writeThrough', 'writeBack']) {
      const report = runScenario(twoCaches({ strategy, invalidation: { type: 'version' } }));
      expect(cacheOf(report, 'cache-a').staleReads + cacheOf(report, 'cache-b').staleReads).toBe(0);
      expect(cacheOf(report, 'cache-a').hits).toBeGreaterThan(1000);
    }
  });

  it('write-through keeps the writing cache fresh: with one cache there is nothing stale', () => {
    const cache = cacheOf(runScenario(cacheInFront({ cache: { capacity: 500, strategy: 'writeThrough' }, writeRatio: 0.2 })));
    expect(cache.staleReads).toBe(0);
    expect(cache.hits).toBeGreaterThan(0);
  });
});

describe('cache node: faults', () => {
  it('a flush leaves the cache cold and the database takes the load (a stampede)', () => {
    // 100 ms windows: the popular items refill within a fraction of a second.
    const sim = createSimulation(
      cacheInFront({ cache: { capacity: 1000 }, duration: 22, warmup: 0, faults: [{ at: 20, node: 'cache', action: 'flush' }] }),
      { window: 0.1 },
    );
    sim.runUntil(22);
    const windows = sim.windowsSince(0);
    // The window that starts at the flush (window ends accumulate rounding, so find it by time).
    const at = windows.findIndex((w) => w.start >= 20 - 1e-6);
    const dbServed = (w: number) => windows[w]?.nodes[2]?.served as number;
    const hitRatio = (w: number) => windows[w]?.nodes[1]?.hitRatio as number;
    expect(dbServed(at)).toBeGreaterThan(2 * dbServed(at - 1));
    expect(hitRatio(at)).toBeLessThan(hitRatio(at - 1) / 2);
    expect(hitRatio(at + 10)).toBeGreaterThan(hitRatio(at));
  });

  it('the same seed gives the same report', () => {
    const scenario = twoCaches({ strategy: 'writeBack', invalidation: { type: 'event', delay: 0.02 } });
    expect(JSON.stringify(runScenario(scenario))).toBe(JSON.stringify(runScenario(scenario)));
  });
});

describe('injected cache faults', () => {
  it('flushes a cache on demand, and refuses to flush a database', () => {
    const sim = createSimulation(cacheInFront({ cache: { capacity: 500 }, duration: 10, warmup: 0 }));
    sim.runUntil(5);
    expect(cacheOf(sim.report()).entries).toBe(500);
    expect(sim.injectFault('cache', 'flush')).toBeNull();
    sim.runUntil(5);
    expect(cacheOf(sim.report()).entries).toBe(0);
    expect(sim.injectFault('db', 'flush')).toMatch(/only caches and CDNs can be flushed/);
  });
});
