import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from './rng';

const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

function draws(s: number, n: number): number[] {
  const rng = createRng(s);
  return Array.from({ length: n }, () => rng.next());
}

describe('createRng', () => {
  it('gives the same stream for the same seed', () => {
    fc.assert(
      fc.property(seed, (s) => {
        expect(draws(s, 64)).toEqual(draws(s, 64));
      }),
    );
  });

  it('gives different streams for different seeds, neighbours included', () => {
    fc.assert(
      fc.property(seed, seed, (a, b) => {
        fc.pre(a !== b);
        expect(draws(a, 8)).not.toEqual(draws(b, 8));
      }),
    );
    for (let s = 0; s < 1000; s++) expect(draws(s, 4)).not.toEqual(draws(s + 1, 4));
  });

  it('reads a seed as 32 bits, so a negative seed is the same as its unsigned twin', () => {
    expect(draws(-1, 8)).toEqual(draws(2 ** 32 - 1, 8));
  });

  it('stays within [0, 1)', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const us = draws(s, 10_000);
        expect(Math.min(...us)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...us)).toBeLessThan(1);
      }),
      { numRuns: 50 },
    );
    // The largest output is (2^32 - 1) / 2^32, which a double holds exactly, below 1.
    expect((2 ** 32 - 1) / 2 ** 32).toBeLessThan(1);
  });

  it('is uniform: mean, variance, 20 equal bins and lag-1 correlation within their standard errors', () => {
    const n = 1_000_000;
    const rng = createRng(12345);
    const bins = new Float64Array(20);
    let sum = 0;
    let sumSq = 0;
    let sumLag = 0;
    let previous = rng.next();
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      sum += u;
      sumSq += u * u;
      sumLag += (u - 0.5) * (previous - 0.5);
      previous = u;
      bins[Math.floor(u * 20)]! += 1;
    }
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    // U(0,1): mean 1/2 (sd 1/√12), variance 1/12 (4th central moment 1/80),
    // lag-1 covariance 0 (sd 1/12). Each within 5 standard errors of n draws.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / n));
    expect(Math.abs(sumLag / n)).toBeLessThan(5 * (1 / 12) / Math.sqrt(n));
    // Chi-square with 19 degrees of freedom: mean 19, sd √38; 19 + 5·√38 ≈ 50.
    const expected = n / 20;
    const chiSquare = bins.reduce((acc, count) => acc + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(19 + 5 * Math.sqrt(38));
  });
});

describe('deriveSeed', () => {
  it('is a pure function of (seed, stream)', () => {
    fc.assert(
      fc.property(seed, fc.nat(1 << 16), (s, stream) => {
        expect(deriveSeed(s, stream)).toBe(deriveSeed(s, stream));
      }),
    );
  });

  it('gives each stream of a seed its own 32-bit seed', () => {
    // Streams are node × 16 + purpose; the first 16 nodes' streams must not collide.
    for (const s of [0, 1, 42, 2 ** 32 - 1]) {
      const derived = Array.from({ length: 256 }, (_, stream) => deriveSeed(s, stream));
      expect(new Set(derived).size).toBe(derived.length);
      for (const d of derived) {
        expect(Number.isInteger(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(2 ** 32);
      }
    }
  });
});
