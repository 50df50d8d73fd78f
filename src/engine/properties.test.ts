import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { createSimulation, runScenario } from './index';
import { slices, system } from './testing/arbitrary-systems';
import type { TraceSink } from './types';

/*
 * Invariants over small random systems (see testing/arbitrary-systems.ts):
 * requests are conserved, a run is fixed by its seed however it is sliced,
 * and time only moves forwards. How the engine behaves when stations fill up,
 * crash or spin is in properties-failures.test.ts.
 */

const isStation = (kind: string) => kind === 'server' || kind === 'database';

describe('engine properties over random systems', () => {
  it('conserves requests at every moment: sent = completed + failed + in flight', () => {
    fc.assert(
      fc.property(system(), slices, (scenario, stops) => {
        const sim = createSimulation(scenario);
        for (const share of stops) {
          const time = share * scenario.duration;
          sim.runUntil(time);
          expect(sim.now).toBe(time);
          const s = sim.snapshot();
          expect(s.sent).toBe(s.completed + s.failed + s.inFlight);
          expect(s.inFlight).toBeGreaterThanOrEqual(0);
          expect(s.failed).toBe(Object.values(s.failures).reduce((a, b) => a + b, 0));
          for (const [i, node] of scenario.nodes.entries()) {
            if (node.kind !== 'server' && node.kind !== 'database') continue;
            const live = s.nodes[i]!;
            // A sharded or replicated database is several machines, each with its workers and queue.
            const machines = node.kind === 'database' ? node.shards * (1 + node.readReplicas) : 1;
            expect(live.inSystem).toBe(live.busy + live.queueLength);
            expect(live.busy).toBeLessThanOrEqual(node.workers * machines);
            expect(live.queueLength).toBeLessThanOrEqual((node.queueCapacity ?? Number.POSITIVE_INFINITY) * machines);
            // Work-conserving: nobody waits while a worker of the same machine is idle.
            if (live.queueLength > 0 && machines === 1) expect(live.busy).toBe(node.workers);
          }
        }
        const report = sim.report();
        const clients = report.nodes.filter((n) => n.kind === 'client');
        expect(report.totals.sent).toBe(clients.reduce((a, n) => a + n.arrivals, 0));
        expect(report.totals.completed).toBe(clients.reduce((a, n) => a + n.served, 0));
        expect(report.totals.inFlight).toBe(clients.reduce((a, n) => a + n.inSystem, 0));
        // Each station: every arrival was served, dropped, or is still inside.
        for (const node of report.nodes) {
          // Refused (arrived while crashed) and lost (inside when it crashed) come from faults.
          const failedHere = node.dropped + (node.refused ?? 0) + (node.lost ?? 0);
          if (isStation(node.kind)) expect(node.arrivals, node.id).toBe(node.served + failedHere + node.inSystem);
        }
        // A drop reaches its client as a "queue full" failure, unless still travelling back.
        const dropped = report.nodes.reduce((a, n) => a + n.dropped, 0);
        expect(report.totals.failures.queueFull).toBeLessThanOrEqual(dropped);
      }),
      { numRuns: 80 },
    );
  });

  it('is fixed by its seed: same seed, same report, however the run is sliced', () => {
    fc.assert(
      fc.property(system(), slices, (scenario, stops) => {
        const whole = JSON.stringify(runScenario(scenario));
        expect(JSON.stringify(runScenario(scenario))).toBe(whole);
        // The worker runs in slices; slicing must not change a single draw.
        const sliced = createSimulation(scenario);
        for (const share of stops) sliced.runUntil(share * scenario.duration);
        expect(JSON.stringify(sliced.report())).toBe(whole);
        // Nor must watching it: a trace sink sees hops but changes nothing.
        const traced = createSimulation(scenario, { trace: { hop: () => {} } });
        traced.runUntil(scenario.duration);
        expect(JSON.stringify(traced.report())).toBe(whole);
        // Nor must stepping one event at a time.
        const stepped = createSimulation(scenario);
        while (stepped.peek() <= scenario.duration) stepped.step();
        stepped.runUntil(scenario.duration);
        expect(JSON.stringify(stepped.report())).toBe(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('gives different request times for a different seed', () => {
    /** When open-loop clients sent their requests: Poisson, so random. */
    const departures = (scenario: Scenario, seed: number): number[] => {
      const open = new Set(scenario.nodes.filter((n) => n.kind === 'client' && n.workload.mode === 'open').map((n) => n.id));
      const fromOpen = scenario.links.map((link) => open.has(link.from));
      const times: number[] = [];
      const trace: TraceSink = {
        hop(link, depart, _arrive, _outcome, reverse) {
          if (!reverse && fromOpen[link]) times.push(depart);
        },
      };
      createSimulation(scenario, { seed, window: 0, trace }).runUntil(scenario.duration);
      return times;
    };
    fc.assert(
      fc.property(system(), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (scenario, other) => {
        fc.pre(other !== scenario.seed && scenario.nodes.some((n) => n.kind === 'client' && n.workload.mode === 'open'));
        const a = departures(scenario, scenario.seed);
        // Poisson arrivals at ≥ 1/s over ≥ 0.5 s may send nothing; then there is nothing to compare.
        fc.pre(a.length > 0);
        expect(departures(scenario, other)).not.toEqual(a);
        expect(runScenario(scenario, { seed: other }).seed).toBe(other);
      }),
      { numRuns: 40 },
    );
  });

  it('never moves time backwards, and every hop takes exactly its link latency', () => {
    fc.assert(
      fc.property(system(), (scenario) => {
        const sim = createSimulation(scenario);
        let bad = '';
        const sink: TraceSink = {
          hop(link, depart, arrive) {
            const latency = scenario.links[link]?.latency;
            if (latency === undefined) bad ||= `hop on unknown link ${link}`;
            else if (depart < sim.now) bad ||= `hop departs at ${depart}, before now ${sim.now}`;
            else if (arrive !== depart + latency) bad ||= `hop on ${scenario.links[link]?.id} takes ${arrive - depart}, not ${latency}`;
          },
        };
        sim.setTrace(sink);
        let last = sim.now;
        while (sim.peek() <= scenario.duration) {
          const next = sim.peek();
          if (next < last) bad ||= `next event at ${next}, before now ${last}`;
          if (!sim.step()) bad ||= 'step() found no event although peek() named one';
          if (sim.now !== next) bad ||= `step() moved the clock to ${sim.now}, not to the peeked ${next}`;
          last = sim.now;
        }
        expect(bad).toBe('');
        sim.runUntil(scenario.duration);
        expect(sim.now).toBe(scenario.duration);
        // The windows tile time: each starts where the last ended.
        const windows = sim.windowsSince(0);
        expect(windows).toHaveLength(Math.floor(scenario.duration));
        windows.forEach((w, i) => {
          expect(w.start).toBe(i === 0 ? 0 : windows[i - 1]!.end);
          expect(w.end).toBeGreaterThan(w.start);
        });
      }),
      { numRuns: 60 },
    );
  });
});
