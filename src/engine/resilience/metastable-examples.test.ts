import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../../scenario/parse';
import { createSimulation } from '../simulation';
import type { CallFigures, Report, WindowSample } from '../types';

/** Runs an example with one-second windows and keeps its report and windows. */
function runExample(name: string): { report: Report; windows: WindowSample[] } {
  const parsed = parseScenarioJson(readFileSync(join(__dirname, '../../../scenarios', name), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const sim = createSimulation(parsed.scenario, { window: 1 });
  sim.runUntil(parsed.scenario.duration);
  return { report: sim.report(), windows: sim.windowsSince(0) };
}

/** Mean goodput (completed per second) of each 10-second stretch [from, from + 10) from `start` to the end. */
function stretches(windows: WindowSample[], start: number): number[] {
  const out: number[] = [];
  for (let from = start; from + 10 <= 180; from += 10) {
    const inside = windows.filter((w) => w.start >= from && w.end <= from + 10);
    out.push(inside.reduce((sum, w) => sum + w.completed, 0) / 10);
  }
  return out;
}

const usersCalls = (report: Report): CallFigures => report.nodes.find((n) => n.id === 'users')?.calls?.[0] as CallFigures;

describe('the metastable examples hold what their descriptions say', () => {
  let storm: ReturnType<typeof runExample>;
  let budget: ReturnType<typeof runExample>;
  let breaker: ReturnType<typeof runExample>;
  beforeAll(() => {
    storm = runExample('metastable-retry-storm.json');
    budget = runExample('metastable-fix-retry-budget.json');
    breaker = runExample('metastable-fix-breaker.json');
  });

  it('before the spike all three serve the 70 per second', () => {
    for (const run of [storm, budget, breaker]) for (const mean of stretches(run.windows, 0).slice(0, 3)) expect(mean).toBeGreaterThan(60);
  });

  it('without a fix goodput stays under 1 per second in every 10-second stretch from the spike’s end, with the server 100% busy', () => {
    for (const mean of stretches(storm.windows, 40)) expect(mean).toBeLessThan(1);
    const server = storm.windows.filter((w) => w.start >= 40).map((w) => w.nodes[1]?.utilization ?? 0);
    expect(Math.min(...server)).toBeGreaterThan(0.99);
    // The retries keep it going: most attempts after the spike are retries.
    const calls = usersCalls(storm.report);
    expect(calls.retries / calls.calls).toBeGreaterThan(1.5);
  });

  it('the docs’ row: ρ = 70 × 0.1 / 10 = 0.7, up to 3 × 70 = 210 services/s offered, 1.65 retries per call (seed 1)', () => {
    expect((70 * 0.1) / 10).toBeCloseTo(0.7, 9);
    expect(3 * 70).toBe(210);
    const calls = usersCalls(storm.report);
    expect(calls.retries / calls.calls).toBeCloseTo(1.65, 2);
  });

  it('with a 10% retry budget goodput averages over 60 per second from 20 s after the spike', () => {
    for (const mean of stretches(budget.windows, 60)) expect(mean).toBeGreaterThan(60);
    const calls = usersCalls(budget.report);
    expect(calls.retriesDenied).toBeGreaterThan(0);
    // Retries stay within 10% of calls plus the 10-token burst.
    expect(calls.retries).toBeLessThanOrEqual(0.1 * calls.calls + 10);
  });

  it('the docs’ row (seed 1): at most 70 × 1.1 = 77 attempts/s after the spike; back to 60–76/s (10 s means) from about 55 s; 286 retries sent, 1,864 refused', () => {
    expect(70 * 1.1).toBeCloseTo(77, 9);
    const from55 = stretches(budget.windows, 55);
    expect(Math.round(Math.min(...from55))).toBe(60);
    expect(Math.round(Math.max(...from55))).toBe(76);
    const calls = usersCalls(budget.report);
    expect(calls.retries).toBe(286);
    expect(calls.retriesDenied).toBe(1864);
  });

  it('with a circuit breaker goodput averages over 60 per second from 10 s after the spike; calls failed with "circuit open"', () => {
    for (const mean of stretches(breaker.windows, 50)) expect(mean).toBeGreaterThan(60);
    const calls = usersCalls(breaker.report);
    expect(calls.breaker?.opened).toBeGreaterThan(0);
    expect(calls.circuitOpen).toBeGreaterThan(0);
    expect(calls.breaker?.state).toBe('closed');
    expect(calls.breaker?.timeline.map((c) => c.state).slice(0, 4)).toEqual(['closed', 'open', 'halfOpen', 'closed']);
  });

  it('the docs’ row (seed 1): back to 64–77/s (10 s means) from about 45 s; opened twice; 812 calls failed with circuitOpen', () => {
    const from45 = stretches(breaker.windows, 45);
    expect(Math.round(Math.min(...from45))).toBe(64);
    expect(Math.round(Math.max(...from45))).toBe(77);
    const calls = usersCalls(breaker.report);
    expect(calls.breaker?.opened).toBe(2);
    expect(calls.circuitOpen).toBe(812);
  });
});
