import { describe, expect, it } from 'vitest';
import { runScenario } from '../simulation';
import { buildScenario } from '../testing/build-scenario';

/**
 * Three caches of 100 entries behind a consistent-hash balancer, 300 items
 * asked for uniformly. Hashing the request key gives each cache its own third
 * of the items (shards), which fits; hashing the client address sends every
 * item to every cache, which then holds a third of what it is asked for.
 */
function shardedCaches(hashKey: 'address' | 'requestKey') {
  const caches = ['shard-1', 'shard-2', 'shard-3'];
  return buildScenario({
    duration: 60,
    warmup: 20,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate: 300 }, writeRatio: 0, catalogue: { items: 300, popularity: { type: 'uniform' } } },
      { id: 'lb', kind: 'loadBalancer', algorithm: 'consistentHash', hashKey },
      ...caches.map((id) => ({ id, kind: 'cache' as const, capacity: 100 })),
      { id: 'db', kind: 'database', workers: 8, readTime: { type: 'constant', value: 0.002 }, writeTime: { type: 'constant', value: 0.002 } },
    ],
    links: [
      { id: 'in', from: 'users', to: 'lb', latency: 0.001 },
      ...caches.flatMap((id) => [
        { id: `to-${id}`, from: 'lb', to: id, latency: 0.001 },
        { id: `${id}-db`, from: id, to: 'db', latency: 0.001 },
      ]),
    ],
  });
}

describe('consistent hashing on the request key', () => {
  it('shards a cache tier: each item lives in one cache, so three small caches hold the whole catalogue', () => {
    const byKey = runScenario(shardedCaches('requestKey'), { window: 0 });
    const byAddress = runScenario(shardedCaches('address'), { window: 0 });
    const caches = (report: typeof byKey) => report.nodes.filter((n) => n.kind === 'cache').map((n) => n.cache!);
    const hitRatios = (report: typeof byKey) => caches(report).map((c) => c.hitRatio);
    // Shards of ~100 items fit 100 entries (the ring's shares are not exactly equal, hence 0.9).
    for (const ratio of hitRatios(byKey)) expect(ratio).toBeGreaterThan(0.9);
    // The theory line is Che's approximation over the shard's own items, not the whole catalogue.
    for (const cache of caches(byKey)) expect(Math.abs(cache.hitRatio - cache.theory!)).toBeLessThan(0.03);
    // Each cache sees all 300 items in 100 entries: about a third hit (LRU under uniform reads: capacity / items).
    for (const ratio of hitRatios(byAddress)) expect(Math.abs(ratio - 1 / 3)).toBeLessThan(0.05);
  });

  it('is refused at L4, which cannot see the request', () => {
    expect(() =>
      buildScenario({
        duration: 10,
        nodes: [{ id: 'lb', kind: 'loadBalancer', layer: 'L4', algorithm: 'consistentHash', hashKey: 'requestKey' }],
        links: [],
      }),
    ).toThrow(/hashing on the request key needs L7/);
  });
});
