import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../../scenario/parse';
import type { Scenario } from '../../scenario/schema';
import { createSimulation } from '../simulation';
import { type CallFigures, Outcome, type Report, type WindowSample } from '../types';

function load(name: string): Scenario {
  const parsed = parseScenarioJson(readFileSync(join(__dirname, '../../../scenarios', `${name}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** Runs a scenario with one-second windows, noting when each request left on link number `watch`. */
function run(scenario: Scenario, watch = -1): { report: Report; windows: WindowSample[]; sends: number[] } {
  const sim = createSimulation(scenario, { window: 1 });
  const sends: number[] = [];
  sim.setTrace({
    hop(link, depart, _arrive, outcome, reverse) {
      if (link === watch && !reverse && outcome === Outcome.request) sends.push(depart);
    },
  });
  sim.runUntil(scenario.duration);
  return { report: sim.report(), windows: sim.windowsSince(0), sends };
}

/** A node's requests served per second over [from, to), from one-second windows. */
function servedRate(windows: WindowSample[], node: number, from: number, to: number): number {
  const inside = windows.filter((w) => w.start >= from && w.end <= to);
  return inside.reduce((sum, w) => sum + (w.nodes[node]?.served ?? 0), 0) / (to - from);
}

const callsOf = (report: Report, node: string, link: string): CallFigures =>
  report.nodes.find((n) => n.id === node)?.calls?.find((c) => c.link === link) as CallFigures;

describe('bulkhead-slow-dependency.json', () => {
  const CATALOG = 3;
  let without: ReturnType<typeof run>;
  let withBulkhead: ReturnType<typeof run>;
  beforeAll(() => {
    const scenario = load('bulkhead-slow-dependency');
    without = run(scenario);
    // What the description asks the reader to do: Max concurrent calls 8 on API → Payments.
    const links = scenario.links.map((l) => (l.id === 'api-payments' && l.call ? { ...l, call: { ...l.call, maxConcurrent: 8 } } : l));
    withBulkhead = run({ ...scenario, links });
  });

  it('before the slow-down Catalog serves about 100 per second', () => {
    expect(servedRate(without.windows, CATALOG, 2, 20)).toBeGreaterThan(90);
  });

  it('while Payments is slow every API worker waits on it and Catalog gets under 15 per second; the API queue grows', () => {
    expect(servedRate(without.windows, CATALOG, 22, 80)).toBeLessThan(15);
    const api = without.windows.filter((w) => w.start >= 21 && w.end <= 80);
    expect(Math.min(...api.map((w) => w.nodes[1]?.utilization ?? 0))).toBeGreaterThan(0.99);
    expect(api.at(-1)?.nodes[1]?.queueLength ?? 0).toBeGreaterThan(api[0]?.nodes[1]?.queueLength ?? 0);
    expect(callsOf(without.report, 'api', 'api-payments').peakConcurrent).toBe(40);
  });

  it('with a bulkhead of 8 Catalog keeps 100 per second within 10 %, and calls beyond fail with "bulkhead full"', () => {
    expect(Math.abs(servedRate(withBulkhead.windows, CATALOG, 22, 80) - 100) / 100).toBeLessThan(0.1);
    const payments = callsOf(withBulkhead.report, 'api', 'api-payments');
    expect(payments.peakConcurrent).toBe(8);
    expect(payments.bulkheadFull).toBeGreaterThan(0);
    expect(withBulkhead.report.totals.failures.bulkheadFull).toBe(payments.bulkheadFull);
  });

  it('the docs’ row: 40 − 8 = 32 API workers stay free for Catalog; 5,822 calls failed with bulkheadFull (seed 1)', () => {
    expect(40 - 8).toBe(32);
    expect(callsOf(withBulkhead.report, 'api', 'api-payments').bulkheadFull).toBe(5822);
  });
});

describe('breaker-opens-recovers.json', () => {
  let result: ReturnType<typeof run>;
  let calls: CallFigures;
  beforeAll(() => {
    result = run(load('breaker-opens-recovers'), 1);
    calls = callsOf(result.report, 'api', 'api-payments');
  });

  it('opens within a second of the slow-down', () => {
    const firstOpen = calls.breaker?.timeline.find((c) => c.state === 'open');
    expect(firstOpen?.time).toBeGreaterThan(20);
    expect(firstOpen?.time).toBeLessThan(21);
  });

  it('while open nothing is sent to Payments; calls fail with "circuit open"', () => {
    const timeline = calls.breaker?.timeline ?? [];
    // Payments receives only probes from the first opening until it recovers: at most 3 per half-open spell.
    const spells = timeline.filter((c) => c.state === 'halfOpen' && c.time < 50).length;
    const firstOpen = timeline.find((c) => c.state === 'open')?.time ?? 0;
    const sent = result.sends.filter((t) => t > firstOpen && t < 50).length;
    expect(sent).toBeLessThanOrEqual(3 * spells);
    expect(spells).toBeGreaterThanOrEqual(5);
    expect(calls.circuitOpen).toBeGreaterThan(2000);
  });

  it('half-opens about every 5 s, the probes time out and it opens again while Payments is slow', () => {
    const timeline = calls.breaker?.timeline ?? [];
    const opens = timeline.filter((c) => c.state === 'open').map((c) => c.time);
    expect(opens.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < opens.length; i++) {
      const gap = (opens[i] as number) - (opens[i - 1] as number);
      expect(gap).toBeGreaterThan(4.5);
      expect(gap).toBeLessThan(6);
    }
  });

  it('closes within 6 s of the recovery, and goodput is back to about 100 per second', () => {
    const closed = calls.breaker?.timeline.filter((c) => c.state === 'closed').at(-1);
    expect(closed?.time).toBeGreaterThan(50);
    expect(closed?.time).toBeLessThan(56);
    const goodput = result.windows.filter((w) => w.start >= 57).map((w) => w.completed);
    expect(goodput.reduce((a, b) => a + b, 0) / goodput.length).toBeGreaterThan(90);
  });

  it('the docs’ row (seed 1): opened at 20.5 s, 6 times in all, closed at 51.0 s; 3,023 calls failed with circuitOpen', () => {
    const timeline = calls.breaker?.timeline ?? [];
    const opens = timeline.filter((c) => c.state === 'open').map((c) => c.time);
    expect(opens[0]).toBeCloseTo(20.5, 1);
    expect(opens).toHaveLength(6);
    expect(timeline.filter((c) => c.state === 'closed').at(-1)?.time).toBeCloseTo(51.0, 1);
    expect(calls.circuitOpen).toBe(3023);
    // Open 5 s ± 10%: it half-opens every 5 s ± 0.5 s.
    expect(5 * 0.1).toBeCloseTo(0.5, 9);
  });
});
