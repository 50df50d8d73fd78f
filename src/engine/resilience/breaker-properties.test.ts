import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BreakerPolicy, ScenarioInput } from '../../scenario/schema';
import { createSimulation } from '../simulation';
import { buildScenario } from '../testing/build-scenario';
import type { BreakerChange, CallFigures, OutcomeCode } from '../types';
import { Outcome } from '../types';

/**
 * users → api → payments with a breaker on the api's calls; payments
 * crashes at 10 s and restarts at 20 s. Every attempt the api sends is seen
 * in the trace at the moment it leaves, with the breaker's state then.
 */
function runBreaker(breaker: Partial<BreakerPolicy>, seed: number) {
  const scenario = buildScenario({
    duration: 40,
    seed,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate: 100 } },
      { id: 'api', kind: 'server', workers: 50, serviceTime: { type: 'constant', value: 0.002 } },
      { id: 'payments', kind: 'server', workers: 20, serviceTime: { type: 'exponential', mean: 0.02 } },
    ] as ScenarioInput['nodes'],
    links: [
      { id: 'in', from: 'users', to: 'api', latency: 0.001 },
      { id: 'pay', from: 'api', to: 'payments', latency: 0.001, call: { timeout: 0.2, breaker } },
    ],
    faults: [
      { at: 10, node: 'payments', action: 'crash' },
      { at: 20, node: 'payments', action: 'restart' },
    ],
  });
  const sim = createSimulation(scenario, { window: 0 });
  const sends: { time: number; state: string }[] = [];
  sim.setTrace({
    hop(link: number, depart: number, _arrive: number, outcome: OutcomeCode, reverse: boolean) {
      if (link !== 1 || reverse || outcome !== Outcome.request) return;
      const state = sim.snapshot().nodes[1]?.calls?.[0]?.state ?? 'none';
      sends.push({ time: depart, state });
    },
  });
  sim.runUntil(scenario.duration);
  const report = sim.report();
  const calls = report.nodes.find((n) => n.id === 'api')?.calls?.[0] as CallFigures;
  return { sends, calls, report };
}

/** The half-open spell a send at `time` belongs to: the last half-open entry at or before it. */
function spellOf(timeline: BreakerChange[], time: number): number {
  let spell = -1;
  timeline.forEach((change, i) => {
    if (change.state === 'halfOpen' && change.time <= time) spell = i;
  });
  return spell;
}

const arbitraryBreaker = fc.record({
  window: fc.integer({ min: 10, max: 40 }),
  minimumCalls: fc.integer({ min: 1, max: 10 }),
  failureRate: fc.integer({ min: 20, max: 80 }),
  openDuration: fc.double({ min: 0.5, max: 3, noNaN: true }),
  openJitter: fc.double({ min: 0, max: 0.5, noNaN: true }),
  halfOpenProbes: fc.integer({ min: 1, max: 5 }),
});

describe('circuit breaker in a run (property, 8 random policies and seeds)', () => {
  it('while open it sends nothing but probes; it closes after the configured successful probes; no request is lost uncounted', () => {
    fc.assert(
      fc.property(arbitraryBreaker, fc.integer({ min: 1, max: 1000 }), (breaker, seed) => {
        const { sends, calls, report } = runBreaker(breaker, seed);
        const timeline = calls.breaker?.timeline ?? [];
        // It opened during the crash and is closed again at the end.
        expect(calls.breaker?.opened).toBeGreaterThan(0);
        expect(timeline.at(-1)?.state).toBe('closed');
        // No attempt leaves while the breaker is open.
        expect(sends.filter((s) => s.state === 'open')).toEqual([]);
        // While half-open, each spell sends at most halfOpenProbes attempts.
        const perSpell = new Map<number, number>();
        for (const send of sends) if (send.state === 'halfOpen') perSpell.set(spellOf(timeline, send.time), (perSpell.get(spellOf(timeline, send.time)) ?? 0) + 1);
        for (const count of perSpell.values()) expect(count).toBeLessThanOrEqual(breaker.halfOpenProbes);
        // Every spell that ended closed sent exactly halfOpenProbes probes, all of which succeeded.
        timeline.forEach((change, i) => {
          if (change.state === 'closed' && i > 0) expect(perSpell.get(i - 1)).toBe(breaker.halfOpenProbes);
        });
        // Conservation: calls = succeeded + failed + in progress, failures by reason add up, and so do the client's attempts.
        expect(calls.calls).toBe(calls.succeeded + calls.failed + calls.inProgress);
        expect(Object.values(calls.failures).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(calls.failed);
        expect(calls.attempts).toBe(sends.length);
        expect(calls.circuitOpen).toBeGreaterThan(0);
        const t = report.totals;
        expect(t.sent).toBe(t.completed + t.failed + t.inFlight);
        expect(t.failures.circuitOpen).toBe(calls.failures.circuitOpen ?? 0);
      }),
      { numRuns: 8 },
    );
  });
});
