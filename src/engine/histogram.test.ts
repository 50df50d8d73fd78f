import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketIndex, bucketMidpoint, LatencyHistogram } from './histogram';
import { createRng } from './rng';

describe('LatencyHistogram', () => {
  it('briefSummary gives in one pass the percentiles percentile() gives, few values or many', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { maxLength: 2000 }), (values) => {
        const h = new LatencyHistogram();
        for (const v of values) h.record(v);
        expect(h.briefSummary()).toEqual({ count: h.count, mean: h.mean, p50: h.percentile(50), p95: h.percentile(95), p99: h.percentile(99) });
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every value within 0.1% of its bucket midpoint', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (ticks) => {
        const mid = bucketMidpoint(bucketIndex(ticks));
        expect(Math.abs(mid - ticks)).toBeLessThanOrEqual(Math.max(0.5, ticks * 0.001));
      }),
    );
  });

  it('bucket indices never decrease as values grow', () => {
    let last = -1;
    let decreases = 0;
    for (let t = 0; t < 5_000_000; t += 7) {
      const i = bucketIndex(t);
      if (i < last) decreases++;
      last = i;
    }
    expect(decreases).toBe(0);
  });

  it('matches exact percentiles of a sample to three significant digits', () => {
    const rng = createRng(7);
    const values: number[] = [];
    const h = new LatencyHistogram();
    for (let i = 0; i < 200_000; i++) {
      const v = -0.05 * Math.log(1 - rng.next()) + 0.0001;
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    for (const p of [50, 90, 95, 99, 99.9]) {
      const exact = values[Math.ceil((p / 100) * values.length) - 1] as number;
      expect(Math.abs(h.percentile(p) - exact) / exact).toBeLessThan(0.002);
    }
    expect(h.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 12);
    expect(h.max).toBe(values.at(-1));
  });

  it('reset forgets everything', () => {
    const h = new LatencyHistogram();
    h.record(1);
    h.record(2);
    h.reset();
    expect(h.summary()).toEqual({ count: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 });
    h.record(0.5);
    expect(h.percentile(50)).toBeCloseTo(0.5, 3);
  });
});

describe('LatencyHistogram with few values', () => {
  it('gives exact order statistics while it holds at most 256 values', () => {
    const h = new LatencyHistogram();
    const values = [0.3, 0.1, 0.2, 0.5, 0.4];
    for (const v of values) h.record(v);
    expect(h.percentile(50)).toBe(0.3);
    expect(h.percentile(99)).toBe(0.5);
    expect(h.percentile(1)).toBe(0.1);
  });

  it('after a reset of a small window, a large window still counts correctly', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 100; i++) h.record(0.01);
    h.reset();
    for (let i = 1; i <= 1000; i++) h.record(i / 1000);
    expect(Math.abs(h.percentile(50) - 0.5) / 0.5).toBeLessThan(0.002);
    expect(h.count).toBe(1000);
  });
});
