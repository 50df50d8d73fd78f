import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../index';
import type { NodeReportOf } from '../types';
import { amdahlSpeedup, fitUsl, gustafsonSpeedup, type SpeedupPoint, uslPeakWorkers, uslSpeedup } from './scalability';
import { oneJobAtATime } from './testing';

const N_VALUES = [1, 2, 4, 8, 16, 24, 32, 48, 64];

describe('closed forms', () => {
  it('Amdahl is capped by 1/s and is the USL with σ = s, κ = 0', () => {
    expect(amdahlSpeedup(0.05, 1)).toBe(1);
    expect(amdahlSpeedup(0.05, 1e9)).toBeCloseTo(20, 6);
    for (const n of N_VALUES) expect(uslSpeedup(0.05, 0, n)).toBeCloseTo(amdahlSpeedup(0.05, n), 12);
  });

  it('Gustafson grows without a ceiling: N − s(N − 1)', () => {
    expect(gustafsonSpeedup(0.05, 64)).toBeCloseTo(64 - 0.05 * 63, 12);
  });

  it('the USL peaks at √((1 − σ)/κ)', () => {
    const peak = uslPeakWorkers(0.02, 0.001);
    expect(peak).toBeCloseTo(Math.sqrt(0.98 / 0.001), 12);
    expect(uslSpeedup(0.02, 0.001, Math.round(peak))).toBeGreaterThan(uslSpeedup(0.02, 0.001, Math.round(peak) + 10));
    expect(uslPeakWorkers(0.1, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('the USL fit', () => {
  it.each([
    [0.05, 0],
    [0.02, 0.001],
    [0.1, 0.0005],
    [0.3, 0.01],
  ])('recovers σ = %f and κ = %f within 5 %% from points made by the formula', (sigma, kappa) => {
    const points = N_VALUES.map((n) => ({ n, speedup: uslSpeedup(sigma, kappa, n) }));
    const fit = fitUsl(points);
    expect(fit).not.toBeNull();
    expect(Math.abs((fit?.sigma ?? 0) - sigma)).toBeLessThanOrEqual(0.05 * sigma);
    expect(Math.abs((fit?.kappa ?? 0) - kappa)).toBeLessThanOrEqual(0.05 * kappa + 1e-12);
    expect(fit?.rmsError).toBeLessThan(1e-9);
  });

  it('needs two points beyond N = 1', () => {
    expect(fitUsl([{ n: 1, speedup: 1 }])).toBeNull();
    expect(fitUsl([{ n: 1, speedup: 1 }, { n: 4, speedup: 3 }])).toBeNull();
  });

  it('keeps κ non-negative when the points curve upward (superlinear noise)', () => {
    const fit = fitUsl([
      { n: 2, speedup: 1.9 },
      { n: 4, speedup: 3.7 },
      { n: 8, speedup: 7.6 },
    ]);
    expect(fit?.kappa).toBe(0);
    expect(fit?.sigma).toBeGreaterThan(0);
  });
});

/**
 * A simulated contention model: a parallel job whose join merges results one
 * at a time (σ) and whose tasks exchange state pairwise (κ), run through the
 * engine for each N with constant work. Its measured speedups T(1)/T(N) are
 * fitted; σ and κ come back within 5 %.
 */
describe('the USL fit on a simulated contention model', () => {
  const sigma = 0.04;
  const kappa = 0.0008;
  const points: SpeedupPoint[] = [];

  beforeAll(() => {
    const meanJob = (n: number) => {
      const report = runScenario(oneJobAtATime({ workers: n, serialFraction: 0, contention: sigma, coherency: kappa, duration: 20 }));
      return (report.nodes.find((node) => node.kind === 'parallelJob') as NodeReportOf<'parallelJob'>).latency.mean;
    };
    const t1 = meanJob(1);
    for (const n of N_VALUES) points.push({ n, speedup: t1 / meanJob(n) });
  });

  it('recovers σ and κ within 5 %', () => {
    const fit = fitUsl(points);
    expect(Math.abs((fit?.sigma ?? 0) / sigma - 1)).toBeLessThan(0.05);
    expect(Math.abs((fit?.kappa ?? 0) / kappa - 1)).toBeLessThan(0.05);
  });

  it('finds the peak where the measured points turn down', () => {
    const fit = fitUsl(points);
    const best = points.reduce((a, b) => (b.speedup > a.speedup ? b : a));
    // Measured at N ∈ {24, 32, 48}: the fitted peak √(0.96/0.0008) ≈ 34.6 lies between its neighbours.
    expect(fit?.peakWorkers).toBeGreaterThan(24);
    expect(fit?.peakWorkers).toBeLessThan(48);
    expect(best.n).toBe(32);
  });
});
