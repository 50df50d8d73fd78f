import { describe, expect, it } from 'vitest';
import { createKeySampler, exponential } from '../distributions';
import { createRng } from '../rng';
import { CacheTable } from './cache-table';
import { createPolicy } from './policies';
import type { EvictionPolicyName } from './policy';
import { cheLruHitRatio, expectedHitRatio, fifoHitRatio, popularityOf, topCHitRatio } from './theory';

/** Simulated hit ratio of a cache fed independent Zipf requests, after a warm-up of `warmup` requests. */
function simulateHitRatio(policy: EvictionPolicyName, items: number, alpha: number, capacity: number, requests: number, warmup: number) {
  const table = new CacheTable(capacity, null, createPolicy(policy, capacity, createRng(3)));
  const nextKey = createKeySampler(createRng(11), { items, popularity: { type: 'zipf', alpha } });
  let hits = 0;
  for (let n = 0; n < warmup + requests; n++) {
    const item = nextKey();
    const slot = table.find(item, 0);
    if (slot >= 0) {
      table.touch(slot);
      if (n >= warmup) hits++;
    } else table.put(item, 0, 0);
  }
  return hits / requests;
}

// (K, α, C) points: light and heavy skew, small and large caches.
const POINTS = [
  { items: 1000, alpha: 0.8, capacity: 100 },
  { items: 10_000, alpha: 1.0, capacity: 100 },
  { items: 10_000, alpha: 0.6, capacity: 2000 },
  { items: 100_000, alpha: 1.2, capacity: 1000 },
];
const REQUESTS = 400_000;

describe('hit ratios under independent Zipf requests against theory', () => {
  // Che's approximation is very accurate for catalogues this size (seen: within
  // 0.0015 at every point); 400,000 requests give a standard error under 0.001.
  // So 0.005 absolute: a few times the largest error seen, and far under the gap
  // between LRU and FIFO at these points (0.03 to 0.05), so swapped policies fail.
  for (const { items, alpha, capacity } of POINTS) {
    const p = popularityOf({ items, popularity: { type: 'zipf', alpha } }) as Float64Array;
    it(`LRU matches Che within 0.005 (K=${items}, α=${alpha}, C=${capacity})`, () => {
      const simulated = simulateHitRatio('lru', items, alpha, capacity, REQUESTS, 10 * capacity);
      expect(Math.abs(simulated - cheLruHitRatio(p, capacity))).toBeLessThan(0.005);
    });
    it(`FIFO and random match the FIFO approximation within 0.005 (K=${items}, α=${alpha}, C=${capacity})`, () => {
      const theory = fifoHitRatio(p, capacity);
      expect(Math.abs(simulateHitRatio('fifo', items, alpha, capacity, REQUESTS, 10 * capacity) - theory)).toBeLessThan(0.005);
      expect(Math.abs(simulateHitRatio('random', items, alpha, capacity, REQUESTS, 10 * capacity) - theory)).toBeLessThan(0.005);
    });
    it(`LFU approaches the top-C sum from below, within 0.01, and beats LRU (K=${items}, α=${alpha}, C=${capacity})`, () => {
      // Perfect LFU settles on the C−1 most popular items; the last slot churns through
      // newcomers, so it stays a little under the ceiling.
      const ceiling = topCHitRatio(p, capacity);
      const simulated = simulateHitRatio('lfu', items, alpha, capacity, REQUESTS, 400_000);
      expect(simulated).toBeLessThan(ceiling + 0.003);
      expect(ceiling - simulated).toBeLessThan(0.01);
      expect(simulated).toBeGreaterThan(cheLruHitRatio(p, capacity));
    });
  }

  it('orders the yardsticks as theory says: top-C ≥ Che (LRU) ≥ FIFO', () => {
    const p = popularityOf({ items: 10_000, popularity: { type: 'zipf', alpha: 0.9 } }) as Float64Array;
    expect(topCHitRatio(p, 500)).toBeGreaterThan(cheLruHitRatio(p, 500));
    expect(cheLruHitRatio(p, 500)).toBeGreaterThan(fifoHitRatio(p, 500));
  });

  it('gives C/K for every policy under uniform popularity', () => {
    const uniform = { items: 1000, popularity: { type: 'uniform' as const } };
    for (const policy of ['lru', 'fifo', 'random', 'lfu'] as const) {
      expect(expectedHitRatio(uniform, 250, policy, null, 1)?.hitRatio).toBeCloseTo(0.25, 6);
    }
  });
});

describe('a TTL cache', () => {
  it("has per-key hit ratio λT/(1+λT) when expiry counts from insertion", () => {
    // Poisson reads over 20 keys with rates 1..20 per second, T = 0.3 s, room for all.
    const ttl = 0.3;
    const keys = 20;
    const totalRate = (keys * (keys + 1)) / 2;
    const table = new CacheTable(keys, ttl, createPolicy('ttl', keys, createRng(1)));
    const gap = exponential(createRng(2), 1 / totalRate);
    const pick = createRng(3);
    const hits = new Float64Array(keys);
    const reads = new Float64Array(keys);
    let now = 0;
    for (let n = 0; n < 1_500_000; n++) {
      now += gap();
      // Key k (rate k+1) by inverse CDF of the rates.
      let u = pick.next() * totalRate;
      let key = 0;
      while (u >= key + 1) u -= ++key;
      reads[key] = (reads[key] as number) + 1;
      if (table.find(key, now) >= 0) hits[key] = (hits[key] as number) + 1;
      else table.put(key, 0, now);
    }
    for (const key of [0, 4, 19]) {
      const lt = (key + 1) * ttl;
      const ratio = (hits[key] as number) / (reads[key] as number);
      // Each key has ≥ 5,000 reads: standard error under 0.007; 4 of them.
      expect(Math.abs(ratio - lt / (1 + lt))).toBeLessThan(0.028);
    }
  });
});
