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
 * Solves Σ occupancy(p_i, t) = capacity for the characteristic time t by
 * Newton's method. The sum is increasing and concave in t, so every tangent
 * lies above it and the iterates climb to the root from below without
 * overshooting: a few dozen passes over the catalogue instead of a bisection's
 * sixty, which matters at a million items. `lru` picks Che's occupancy
 * 1 − e^(−p·t), otherwise FIFO's p·t / (1 + p·t).
 */
function characteristicTime(p: Float64Array, capacity: number, lru: boolean): number {
  let t = 0;
  for (let step = 0; step < 200; step++) {
    let filled = 0;
    let slope = 0;
    for (let i = 0; i < p.length; i++) {
      const pi = p[i] as number;
      if (lru) {
        const e = Math.exp(-pi * t);
        filled += 1 - e;
        slope += pi * e;
      } else {
        const d = 1 + pi * t;
        filled += (pi * t) / d;
        slope += pi / (d * d);
      }
    }
    const gap = capacity - filled;
    if (gap <= 1e-9 * capacity || slope <= 0) break;
    const next = t + gap / slope;
    if (next - t <= 1e-13 * next) break;
    t = next;
  }
  return t;
}

/** True when every item is equally popular: then every policy holds any item with probability C/K. */
function isUniform(p: Float64Array): boolean {
  return p.length > 0 && p[0] === p[p.length - 1];
}

/** Che's approximation for LRU, per item: an item stays while fewer than C others are asked for, h_i = 1 − e^(−p_i·t_C). */
export function cheLruItemHits(p: Float64Array, capacity: number): Float64Array {
  if (capacity >= p.length) return new Float64Array(p.length).fill(1);
  if (isUniform(p)) return new Float64Array(p.length).fill(capacity / p.length);
  const t = characteristicTime(p, capacity, true);
  return p.map((pi) => 1 - Math.exp(-pi * t));
}

/** The FIFO / random-replacement approximation (Gelenbe; Martina et al.), per item: h_i = p_i·t / (1 + p_i·t). */
export function fifoItemHits(p: Float64Array, capacity: number): Float64Array {
  if (capacity >= p.length) return new Float64Array(p.length).fill(1);
  if (isUniform(p)) return new Float64Array(p.length).fill(capacity / p.length);
  const t = characteristicTime(p, capacity, false);
  return p.map((pi) => (pi * t) / (1 + pi * t));
}

/** LFU's ceiling under a fixed popularity, per item: the C most popular always cached (p is sorted most popular first). */
export function topCItemHits(p: Float64Array, capacity: number): Float64Array {
  return p.map((_, i) => (i < capacity ? 1 : 0));
}

/**
 * TTL from insertion with room for everything, per item: an item asked for
 * at rate λ_i is a miss, then hit for T seconds, so h_i = λ_i·T / (1 + λ_i·T).
 */
export function ttlItemHits(p: Float64Array, readRate: number, ttl: number): Float64Array {
  return p.map((pi) => (readRate * pi * ttl) / (1 + readRate * pi * ttl));
}

/** Σ p_i·h_i: the share of requests that hit. */
export function hitRatioOf(p: Float64Array, h: Float64Array): number {
  let hit = 0;
  for (let i = 0; i < p.length; i++) hit += (p[i] as number) * (h[i] as number);
  return hit;
}

export const cheLruHitRatio = (p: Float64Array, capacity: number) => hitRatioOf(p, cheLruItemHits(p, capacity));
export const fifoHitRatio = (p: Float64Array, capacity: number) => hitRatioOf(p, fifoItemHits(p, capacity));
export const topCHitRatio = (p: Float64Array, capacity: number) => hitRatioOf(p, topCItemHits(p, capacity));
export const ttlHitRatio = (p: Float64Array, readRate: number, ttl: number) => hitRatioOf(p, ttlItemHits(p, readRate, ttl));

/**
 * Expected hit ratio of the requests in each popularity-rank bucket (b holds
 * ranks 2^b … 2^(b+1) − 1, as the report's buckets do). `rankOf` maps an
 * index of p to its item's 0-based rank when p covers only some items.
 */
export function hitRatioByRankBucket(p: Float64Array, h: Float64Array, rankOf?: (index: number) => number): number[] {
  const hits: number[] = [];
  const mass: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const bucket = 31 - Math.clz32((rankOf ? rankOf(i) : i) + 1);
    while (mass.length <= bucket) {
      mass.push(0);
      hits.push(0);
    }
    mass[bucket] = (mass[bucket] as number) + (p[i] as number);
    hits[bucket] = (hits[bucket] as number) + (p[i] as number) * (h[i] as number);
  }
  return mass.map((m, b) => (m > 0 ? (hits[b] as number) / m : 0));
}

/** What the theory line of a cache shows, with the name of the formula used. */
export interface HitRatioTheory {
  hitRatio: number;
  model: 'che' | 'fifo' | 'topC' | 'ttl' | 'scan';
  /** Expected hit ratio per popularity-rank bucket (index b: ranks 2^b … 2^(b+1) − 1); empty for a scan. */
  byRank: number[];
}

/** The theory of per-item hit probabilities `h`; `rankOf` maps p's indices to ranks when p covers some items only. */
function theoryFrom(model: HitRatioTheory['model'], p: Float64Array, h: Float64Array, rankOf?: (index: number) => number): HitRatioTheory {
  return { hitRatio: hitRatioOf(p, h), model, byRank: hitRatioByRankBucket(p, h, rankOf) };
}

/** Per-item hits of a size-bound policy, or null for TTL-only (which needs a rate). */
function itemHits(p: Float64Array, capacity: number, policy: EvictionPolicyName): { model: HitRatioTheory['model']; h: Float64Array } | null {
  switch (policy) {
    case 'lru':
      return { model: 'che', h: cheLruItemHits(p, capacity) };
    case 'fifo':
    case 'random':
      return { model: 'fifo', h: fifoItemHits(p, capacity) };
    case 'lfu':
      return { model: 'topC', h: topCItemHits(p, capacity) };
    case 'ttl':
      return null;
  }
}

/**
 * The expected hit ratio for a cache of `capacity` entries with `policy`,
 * fed by one client's catalogue, or null when no formula applies (a TTL on
 * a capacity-bound policy, a scan under LFU or random, a huge catalogue).
 * `readRate` is the rate of reads reaching the cache, needed for TTL only.
 * `reaches`, when set, says which items reach this cache at all (a shard
 * behind a balancer hashing request keys): popularity is renormalised over them.
 */
export function expectedHitRatio(
  catalogue: Catalogue,
  capacity: number,
  policy: EvictionPolicyName,
  ttl: number | null,
  readRate: number,
  reaches?: (item: number) => boolean,
): HitRatioTheory | null {
  if (catalogue.popularity.type === 'scan') {
    // Every item comes back after K−1 others: LRU and FIFO keep it only if all K fit.
    if (policy !== 'lru' && policy !== 'fifo') return null;
    const cycle = reaches ? countWhere(catalogue.items, reaches) : catalogue.items;
    return { hitRatio: capacity >= cycle ? 1 : 0, model: 'scan', byRank: [] };
  }
  if (catalogue.items > THEORY_MAX_ITEMS) return null;
  const seen = reaches ? restrictTo(popularityOf(catalogue) as Float64Array, reaches) : null;
  if (reaches && !seen) return null;
  const p = seen ? seen.p : (popularityOf(catalogue) as Float64Array);
  const rankOf = seen?.rankOf;
  if (policy === 'ttl') return ttl === null ? null : theoryFrom('ttl', p, ttlItemHits(p, readRate, ttl), rankOf);
  const hits = ttl === null ? itemHits(p, capacity, policy) : null;
  return hits ? theoryFrom(hits.model, p, hits.h, rankOf) : null;
}

/** The popularity of the items `keeps` lets through, renormalised, with each one's rank; null when none is. */
function restrictTo(all: Float64Array, keeps: (item: number) => boolean): { p: Float64Array; rankOf: (index: number) => number } | null {
  const ranks: number[] = [];
  let sum = 0;
  for (let item = 0; item < all.length; item++) {
    if (!keeps(item)) continue;
    ranks.push(item);
    sum += all[item] as number;
  }
  if (sum === 0) return null;
  return { p: Float64Array.from(ranks, (item) => (all[item] as number) / sum), rankOf: (index) => ranks[index] as number };
}

function countWhere(items: number, keeps: (item: number) => boolean): number {
  let count = 0;
  for (let item = 0; item < items; item++) if (keeps(item)) count++;
  return count;
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
  const seen = restrictTo(popularityOf(catalogue) as Float64Array, isPublic);
  if (!seen) return null;
  const { p, rankOf } = seen;
  if (mode === 'push') return theoryFrom('topC', p, topCItemHits(p, capacity), rankOf);
  const hits = itemHits(p, capacity, policy);
  return hits ? theoryFrom(hits.model, p, hits.h, rankOf) : null;
}
