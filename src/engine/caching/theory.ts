import type { Catalogue } from '../../scenario/schema';
import type { EvictionPolicyName } from './policy';

/**
 * Expected hit ratios of a cache under the independent reference model
 * (each request draws its item independently from a fixed popularity), the
 * usual yardsticks of caching theory. All read-only: writes that invalidate
 * or refresh entries are not part of the model.
 */

/** Largest catalogue the closed forms are evaluated for (each costs ~50 passes over it). */
export const THEORY_MAX_ITEMS = 2_000_000;

/** Request probability of each item, most popular first; null for a scan (not independent). */
export function popularityOf(catalogue: Catalogue): Float64Array | null {
  const { items, popularity } = catalogue;
  if (popularity.type === 'scan') return null;
  const p = new Float64Array(items);
  if (popularity.type === 'uniform') return p.fill(1 / items);
  let sum = 0;
  for (let k = 0; k < items; k++) sum += p[k] = 1 / (k + 1) ** popularity.alpha;
  for (let k = 0; k < items; k++) p[k] = (p[k] as number) / sum;
  return p;
}

/**
 * Finds the characteristic time t with Σ occupancy(p_i, t) = capacity by
 * bisection (occupancy grows with t), then returns Σ p_i · occupancy(p_i, t):
 * by PASTA a request finds its item cached with the item's occupancy.
 */
function characteristicTimeHitRatio(p: Float64Array, capacity: number, occupancy: (p: number, t: number) => number): number {
  const filled = (t: number) => {
    let sum = 0;
    for (let i = 0; i < p.length; i++) sum += occupancy(p[i] as number, t);
    return sum;
  };
  let lo = 0;
  let hi = 1;
  while (filled(hi) < capacity) hi *= 2;
  for (let step = 0; step < 60 && hi - lo > 1e-9 * hi; step++) {
    const mid = (lo + hi) / 2;
    if (filled(mid) < capacity) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  let hit = 0;
  for (let i = 0; i < p.length; i++) hit += (p[i] as number) * occupancy(p[i] as number, t);
  return hit;
}

/** Che's approximation for LRU: an item stays while fewer than C other items are asked for, h_i = 1 − e^(−p_i·t_C). */
export function cheLruHitRatio(p: Float64Array, capacity: number): number {
  if (capacity >= p.length) return 1;
  return characteristicTimeHitRatio(p, capacity, (pi, t) => 1 - Math.exp(-pi * t));
}

/** The FIFO / random-replacement approximation (Gelenbe; Martina et al.): h_i = p_i·t / (1 + p_i·t). */
export function fifoHitRatio(p: Float64Array, capacity: number): number {
  if (capacity >= p.length) return 1;
  return characteristicTimeHitRatio(p, capacity, (pi, t) => (pi * t) / (1 + pi * t));
}

/** LFU's ceiling under a fixed popularity: the C most popular items always cached. */
export function topCHitRatio(p: Float64Array, capacity: number): number {
  // p is sorted most popular first for Zipf and uniform alike.
  let hit = 0;
  for (let i = 0; i < Math.min(capacity, p.length); i++) hit += p[i] as number;
  return hit;
}

/**
 * TTL from insertion with room for everything: an item asked for at rate λ_i
 * is a miss, then hit for T seconds, so h_i = λ_i·T / (1 + λ_i·T).
 */
export function ttlHitRatio(p: Float64Array, readRate: number, ttl: number): number {
  let hit = 0;
  for (let i = 0; i < p.length; i++) {
    const lt = readRate * (p[i] as number) * ttl;
    hit += ((p[i] as number) * lt) / (1 + lt);
  }
  return hit;
}

/** What the theory line of a cache shows, with the name of the formula used. */
export interface HitRatioTheory {
  hitRatio: number;
  model: 'che' | 'fifo' | 'topC' | 'ttl' | 'scan';
}

/**
 * The expected hit ratio for a cache of `capacity` entries with `policy`,
 * fed by one client's catalogue, or null when no formula applies (a TTL on
 * a capacity-bound policy, a scan under LFU or random, a huge catalogue).
 * `readRate` is the rate of reads reaching the cache, needed for TTL only.
 */
export function expectedHitRatio(
  catalogue: Catalogue,
  capacity: number,
  policy: EvictionPolicyName,
  ttl: number | null,
  readRate: number,
): HitRatioTheory | null {
  if (catalogue.popularity.type === 'scan') {
    // Every item comes back after K−1 others: LRU and FIFO keep it only if all K fit.
    if (policy !== 'lru' && policy !== 'fifo') return null;
    return { hitRatio: capacity >= catalogue.items ? 1 : 0, model: 'scan' };
  }
  if (catalogue.items > THEORY_MAX_ITEMS) return null;
  const p = popularityOf(catalogue) as Float64Array;
  if (policy === 'ttl') return ttl === null ? null : { hitRatio: ttlHitRatio(p, readRate, ttl), model: 'ttl' };
  return ttl === null ? theoryOver(p, capacity, policy) : null;
}

/**
 * A CDN edge's expected hit ratio: the edge sees only public items, so the
 * popularity is renormalised over them. Pull with no max-age: Che (LRU) or
 * the FIFO approximation or top-C; push: exactly the top-C public items are
 * held. Null with a max-age on pull (LRU with expiry has no formula here).
 */
export function expectedEdgeHitRatio(
  catalogue: Catalogue,
  capacity: number,
  policy: EvictionPolicyName,
  mode: 'pull' | 'push',
  maxAge: number | null,
  isPublic: (item: number) => boolean,
): HitRatioTheory | null {
  if (catalogue.popularity.type === 'scan' || catalogue.items > THEORY_MAX_ITEMS) return null;
  if (mode === 'pull' && maxAge !== null) return null;
  const all = popularityOf(catalogue) as Float64Array;
  const kept: number[] = [];
  let sum = 0;
  for (let item = 0; item < all.length; item++) {
    if (!isPublic(item)) continue;
    kept.push(all[item] as number);
    sum += all[item] as number;
  }
  if (sum === 0) return null;
  const p = Float64Array.from(kept, (x) => x / sum);
  if (mode === 'push') return { hitRatio: topCHitRatio(p, capacity), model: 'topC' };
  return theoryOver(p, capacity, policy);
}

function theoryOver(p: Float64Array, capacity: number, policy: EvictionPolicyName): HitRatioTheory | null {
  switch (policy) {
    case 'lru':
      return { hitRatio: cheLruHitRatio(p, capacity), model: 'che' };
    case 'fifo':
    case 'random':
      return { hitRatio: fifoHitRatio(p, capacity), model: 'fifo' };
    case 'lfu':
      return { hitRatio: topCHitRatio(p, capacity), model: 'topC' };
    case 'ttl':
      return null;
  }
}
