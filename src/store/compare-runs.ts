/**
 * A/B comparison: two variants of a scenario run whole, with the same seed,
 * by the background workers (the engine, off the page). The page only shows
 * what they report.
 */
import type { TotalsReport, WindowSample } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { getBackgroundClient } from '../worker/background-client';

/** One side's figures, as the engine reported them. */
export interface ComparedRun {
  totals: TotalsReport;
  windows: WindowSample[];
}

export type ComparisonOutcome = { ok: true; a: ComparedRun; b: ComparedRun; seed: number } | { ok: false; problem: string };

/** Runs `a` and `b` to their ends with `seed` (both with it, whatever their own); never rejects. */
export async function runComparison(a: Scenario, b: Scenario, seed: number): Promise<ComparisonOutcome> {
  const client = getBackgroundClient();
  if (!client) return { ok: false, problem: 'This browser has no Web Workers to run the comparison in.' };
  try {
    const [first, second] = await Promise.all([client.runComparison(a, seed), client.runComparison(b, seed)]);
    return { ok: true, a: first, b: second, seed };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}
