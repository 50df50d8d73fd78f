import { expect } from 'vitest';
import type { Scenario } from '../../scenario/schema';
import { runScenario } from '../index';
import type { Report } from '../types';

/*
 * Statistical checks against closed forms, shared by the queueing tests.
 *
 * They run independent replications (seeds 1000, 1001, …) and compare the
 * mean over replications with the exact value, allowing 5 standard errors of
 * that mean (SE = sample sd / √replications). With 20 replications the
 * t-distribution has 19 degrees of freedom and P(|t| > 5) ≈ 1e-4, so a
 * correct engine passes for almost any seed, while a real bug (a wrong worker
 * count, a wait measured from the wrong instant, warm-up leaking into the
 * figures) misses by many standard errors. Each check also requires the
 * standard error itself to be small, so a noisy run cannot pass by widening
 * its own tolerance.
 */

/** A statistic's mean over replications, with its standard error. */
export interface Estimate {
  mean: number;
  /** Standard error of the mean over replications. */
  se: number;
}

/** Runs independent seeds and estimates each statistic's mean and standard error. */
export function replicate<K extends string>(
  scenario: Scenario,
  replications: number,
  stats: (report: Report) => Record<K, number>,
): Record<K, Estimate> {
  const runs = Array.from({ length: replications }, (_, i) => stats(runScenario(scenario, { seed: 1000 + i, window: 0 })));
  const out = {} as Record<K, Estimate>;
  for (const key of Object.keys(runs[0] as object) as K[]) {
    const values = runs.map((run) => run[key]);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
    out[key] = { mean, se: Math.sqrt(variance / values.length) };
  }
  return out;
}

/**
 * Within 5 standard errors (plus `resolution` × exact, for the histogram's
 * three significant digits) of the exact value; and the standard error under
 * `maxRelativeSe` of the value, so the tolerance stays tight.
 */
export function expectClose(name: string, estimate: Estimate, exact: number, maxRelativeSe: number, resolution = 0): void {
  const tolerance = 5 * estimate.se + resolution * Math.abs(exact);
  const detail = `${name}: estimate ${estimate.mean} ± ${estimate.se} (se), exact ${exact}`;
  expect(estimate.se, `${detail}: standard error too large`).toBeLessThanOrEqual(maxRelativeSe * Math.abs(exact));
  expect(Math.abs(estimate.mean - exact), detail).toBeLessThanOrEqual(tolerance);
}

/** Enough for the standard error itself to be estimated within about 16%. */
export const REPLICATIONS = 20;
