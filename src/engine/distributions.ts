import type { Catalogue, Distribution } from '../scenario/schema';
import type { Rng } from './rng';

/** Draws one value. */
export type Sampler = () => number;

/** Exponential with the given mean (rate 1/mean). */
export function exponential(rng: Rng, mean: number): Sampler {
  // 1 - u lies in (0, 1], so the log is finite.
  return () => -mean * Math.log(1 - rng.next());
}

export function constant(value: number): Sampler {
  return () => value;
}

export function uniform(rng: Rng, min: number, max: number): Sampler {
  const width = max - min;
  return () => min + width * rng.next();
}

/** Standard normal draws by Box–Muller, keeping the spare for the next call. */
export function standardNormal(rng: Rng): Sampler {
  let spare = Number.NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = Number.NaN;
      return z;
    }
    const u = 1 - rng.next();
    const v = rng.next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** Log-normal given its own mean and coefficient of variation (sd / mean). */
export function logNormal(rng: Rng, mean: number, cv: number): Sampler {
  const sigma2 = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - sigma2 / 2;
  const sigma = Math.sqrt(sigma2);
  const normal = standardNormal(rng);
  return () => Math.exp(mu + sigma * normal());
}

/**
 * Zipf over ranks 0..n-1: P(rank k) ∝ 1/(k+1)^alpha. Alias-free inverse CDF
 * with a binary search, O(log n) a draw, O(n) memory once.
 */
export function zipf(rng: Rng, n: number, alpha: number): Sampler {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += 1 / (k + 1) ** alpha;
    cdf[k] = sum;
  }
  for (let k = 0; k < n; k++) cdf[k] = (cdf[k] as number) / sum;
  return () => {
    const u = rng.next();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] as number) > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Builds a sampler for a scenario distribution. */
export function createSampler(rng: Rng, d: Distribution): Sampler {
  switch (d.type) {
    case 'exponential':
      return exponential(rng, d.mean);
    case 'constant':
      return constant(d.value);
    case 'uniform':
      return uniform(rng, d.min, d.max);
    case 'lognormal':
      return logNormal(rng, d.mean, d.cv);
  }
}


/** Draws catalogue items (0-based ranks) by popularity. */
export function createKeySampler(rng: Rng, catalogue: Catalogue): Sampler {
  const { items, popularity } = catalogue;
  switch (popularity.type) {
    case 'zipf':
      return zipf(rng, items, popularity.alpha);
    case 'uniform':
      return () => Math.floor(rng.next() * items);
    case 'scan': {
      let next = 0;
      return () => {
        const key = next;
        next = (next + 1) % items;
        return key;
      };
    }
  }
}
