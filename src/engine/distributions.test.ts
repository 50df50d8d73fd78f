import { describe, expect, it } from 'vitest';
import { type Distribution, distributionMean } from '../scenario/schema';
import { createSampler, type Sampler, standardNormal, zipf } from './distributions';
import { createRng } from './rng';

const N = 400_000;

/** Exact moments of a distribution: mean, variance and fourth central moment. */
interface Moments {
  mean: number;
  variance: number;
  fourth: number;
}

/**
 * Draws `n` values and checks the sample mean and the sample variance each lie
 * within 5 standard errors of the exact values. The standard error of the mean
 * is √(σ²/n); that of the sample variance is √((μ₄ − σ⁴)/n). Five standard
 * errors make a false alarm about a one-in-a-million event for a seed, while a
 * wrong parameterisation (say rate for mean, or sd for cv) misses by far more.
 */
function expectMoments(sample: Sampler, exact: Moments, n = N): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = sample();
    values[i] = x;
    sum += x;
  }
  const mean = sum / n;
  for (let i = 0; i < n; i++) sumSq += ((values[i] as number) - mean) ** 2;
  const variance = sumSq / (n - 1);
  const meanError = Math.sqrt(exact.variance / n);
  const varianceError = Math.sqrt((exact.fourth - exact.variance ** 2) / n);
  expect(Math.abs(mean - exact.mean)).toBeLessThanOrEqual(5 * meanError);
  expect(Math.abs(variance - exact.variance)).toBeLessThanOrEqual(5 * varianceError);
  return { mean, variance };
}

/** Central moments from the raw moments E[X], E[X²], E[X³], E[X⁴]. */
function fromRaw(m1: number, m2: number, m3: number, m4: number): Moments {
  return {
    mean: m1,
    variance: m2 - m1 * m1,
    fourth: m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 ** 4,
  };
}

function sampler(seed: number, d: Distribution): Sampler {
  return createSampler(createRng(seed), d);
}

describe('exponential', () => {
  it.each([0.001, 0.1, 1, 250])('with mean %f has mean m and variance m²', (m) => {
    // Raw moments of Exp(mean m): k! m^k.
    expectMoments(sampler(1, { type: 'exponential', mean: m }), fromRaw(m, 2 * m ** 2, 6 * m ** 3, 24 * m ** 4));
  });

  it('is never negative nor infinite, and is not the rate mistaken for the mean', () => {
    const draw = sampler(2, { type: 'exponential', mean: 0.5 });
    let min = Number.POSITIVE_INFINITY;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = draw();
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(max)).toBe(true);
    // Under mean 0.5, P(X > 2) = e⁻⁴ ≈ 1.8%, so 100,000 draws exceed 2; under rate 0.5 (mean 2) they would far more.
    expect(max).toBeGreaterThan(2);
    expect(max).toBeLessThan(15);
  });
});

describe('constant', () => {
  it('always returns its value: mean v, variance 0', () => {
    const draw = sampler(3, { type: 'constant', value: 0.25 });
    for (let i = 0; i < 1000; i++) expect(draw()).toBe(0.25);
    expect(sampler(3, { type: 'constant', value: 0 })()).toBe(0);
  });
});

describe('uniform', () => {
  it.each([
    [0, 1],
    [0.002, 0.005],
    [3, 30],
  ])('on [%f, %f) has mean (a+b)/2 and variance (b−a)²/12', (a, b) => {
    const w = b - a;
    expectMoments(sampler(4, { type: 'uniform', min: a, max: b }), { mean: (a + b) / 2, variance: w ** 2 / 12, fourth: w ** 4 / 80 });
  });

  it('stays within [min, max)', () => {
    const draw = sampler(5, { type: 'uniform', min: 2, max: 3 });
    for (let i = 0; i < 100_000; i++) {
      const x = draw();
      if (x < 2 || x >= 3) expect.fail(`draw ${x} outside [2, 3)`);
    }
  });

  it('with min = max is a constant', () => {
    expect(sampler(6, { type: 'uniform', min: 0.3, max: 0.3 })()).toBe(0.3);
  });
});

describe('standard normal (Box–Muller)', () => {
  it('has mean 0, variance 1 and fourth moment 3, spare draws included', () => {
    expectMoments(standardNormal(createRng(7)), { mean: 0, variance: 1, fourth: 3 });
  });
});

describe('log-normal by mean and coefficient of variation', () => {
  it.each([
    [0.025, 0.25],
    [0.025, 1],
    [4, 0.5],
  ])('with mean %f and cv %f has that mean and variance (cv·mean)²', (mean, cv) => {
    // X = exp(μ + σZ) with σ² = ln(1 + cv²), μ = ln(mean) − σ²/2; E[X^k] = exp(kμ + k²σ²/2).
    const s2 = Math.log(1 + cv * cv);
    const mu = Math.log(mean) - s2 / 2;
    const raw = (k: number) => Math.exp(k * mu + (k * k * s2) / 2);
    const exact = fromRaw(raw(1), raw(2), raw(3), raw(4));
    expect(exact.mean).toBeCloseTo(mean, 12);
    expect(Math.sqrt(exact.variance) / exact.mean).toBeCloseTo(cv, 12);
    // The variance of a heavy tail converges slowly; a million draws keep its standard error small.
    expectMoments(sampler(8, { type: 'lognormal', mean, cv }), exact, 1_000_000);
  });

  it('is always positive', () => {
    const draw = sampler(9, { type: 'lognormal', mean: 1, cv: 3 });
    for (let i = 0; i < 100_000; i++) {
      const x = draw();
      if (!(x > 0 && Number.isFinite(x))) expect.fail(`draw ${x} is not a positive number`);
    }
  });
});

describe('zipf over a finite catalogue', () => {
  /** Exact moments of the rank K ∈ {0..n-1} with P(K = k) ∝ 1/(k+1)^alpha. */
  function zipfMoments(n: number, alpha: number): { moments: Moments; p0: number } {
    let norm = 0;
    for (let k = 0; k < n; k++) norm += 1 / (k + 1) ** alpha;
    const raw = [0, 0, 0, 0];
    for (let k = 0; k < n; k++) {
      const p = 1 / (k + 1) ** alpha / norm;
      for (let j = 0; j < 4; j++) raw[j]! += p * k ** (j + 1);
    }
    const [m1, m2, m3, m4] = raw as [number, number, number, number];
    return { moments: fromRaw(m1, m2, m3, m4), p0: 1 / norm };
  }

  it.each([
    [10, 1],
    [100, 1],
    [1000, 0.8],
    [50, 0],
    [20, 2.5],
  ])('over %i items with alpha %f matches the exact mean and variance of the rank', (n, alpha) => {
    const { moments, p0 } = zipfMoments(n, alpha);
    const draw = zipf(createRng(10), n, alpha);
    expectMoments(draw, moments);
    // The most popular item's share: binomial, within 5 standard errors.
    const again = zipf(createRng(11), n, alpha);
    let hits = 0;
    for (let i = 0; i < N; i++) if (again() === 0) hits++;
    expect(Math.abs(hits / N - p0)).toBeLessThanOrEqual(5 * Math.sqrt((p0 * (1 - p0)) / N));
  });

  it('returns whole ranks within the catalogue, every one reachable', () => {
    const n = 16;
    const draw = zipf(createRng(12), n, 0.5);
    const seen = new Set<number>();
    for (let i = 0; i < 50_000; i++) {
      const k = draw();
      if (!Number.isInteger(k) || k < 0 || k >= n) expect.fail(`rank ${k} outside 0..${n - 1}`);
      seen.add(k);
    }
    expect(seen.size).toBe(n);
  });

  it('with a catalogue of one always returns rank 0', () => {
    const draw = zipf(createRng(13), 1, 1);
    for (let i = 0; i < 100; i++) expect(draw()).toBe(0);
  });
});

describe('distributionMean', () => {
  it('gives the mean each sampler draws around', () => {
    const cases: Distribution[] = [
      { type: 'exponential', mean: 0.2 },
      { type: 'constant', value: 0.2 },
      { type: 'uniform', min: 0.1, max: 0.3 },
      { type: 'lognormal', mean: 0.2, cv: 0.5 },
    ];
    for (const d of cases) expect(distributionMean(d)).toBeCloseTo(0.2, 12);
  });
});
