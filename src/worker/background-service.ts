/**
 * Background runs: whole scenarios run headless to their end, apart from the
 * live run, for figures that set it against another system (the load without
 * a cache, a cost sweep's points). Every call is one independent job, a
 * scenario and a seed in and one answer out, and nothing is kept between
 * calls: any worker of a pool can take any job. Plain TypeScript: tests call
 * it without a Worker.
 */
import { createSimulation as engineCreateSimulation } from '../engine';
import type { CacheReport, Simulation, SimulationOptions, TotalsReport, WindowSample } from '../engine/types';
import { parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { type FieldSweepPoint, fieldSweepPoint } from './field-sweep';
import type { EarlyTheory, SweepPoint } from './protocol';
import { type SweepVariant, sweepPoint } from './sweep';

export interface BackgroundServiceDeps {
  createSimulation: (scenario: Scenario, options: SimulationOptions) => Simulation;
  /** Milliseconds of wall clock, to time each sweep point's run (never read by the engine). */
  now: () => number;
}

const defaultDeps: BackgroundServiceDeps = { createSimulation: engineCreateSimulation, now: () => performance.now() };

/** Validated again here: it crossed a thread boundary. A job that cannot run throws, and the caller's promise rejects with the reason. */
function validScenario(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** Theory that depends on the measured read rate (TTL) is only known once the run has measured it. */
function needsTheRun(scenario: Scenario, index: number, model: CacheReport['theoryModel']): boolean {
  const node = scenario.nodes[index];
  return model === 'ttl' || (node?.kind === 'cache' && node.ttl !== null);
}

/** Builds the service; `overrides` replace the engine in tests. */
export function createBackgroundService(overrides: Partial<BackgroundServiceDeps> = {}) {
  const deps: BackgroundServiceDeps = { ...defaultDeps, ...overrides };

  /** A simulation of `scenario` run to its end. */
  const runToEnd = (scenario: Scenario, options: SimulationOptions): Simulation => {
    const sim = deps.createSimulation(scenario, options);
    sim.runUntil(scenario.duration);
    return sim;
  };

  return {
    /** The metrics windows of `input` run to its end with `seed` (the cache's "without" line runs the scenario without it). */
    runBaseline(input: unknown, seed: number): WindowSample[] {
      return runToEnd(validScenario(input), { seed }).windowsSince(0);
    },

    /** The engine's theoretical hit ratio of every node before the run: read from a report at time 0, null where it needs the run. */
    earlyTheories(input: unknown, seed: number): EarlyTheory[] {
      const scenario = validScenario(input);
      const report = deps.createSimulation(scenario, { seed }).report();
      return report.nodes.map((n, i): EarlyTheory => {
        if (!n.cache || n.cache.theory === null || needsTheRun(scenario, i, n.cache.theoryModel)) return null;
        return { theory: n.cache.theory, theoryModel: n.cache.theoryModel };
      });
    },

    /** One point of a cost sweep: the variant's scenario run to its end with `seed`. */
    runSweepPoint(variant: SweepVariant, seed: number): SweepPoint {
      // Windows are not needed: only the report is read.
      const sim = runToEnd(validScenario(variant.scenario), { seed, window: 0 });
      return sweepPoint(variant, sim.report());
    },

    /** One point of a field sweep: `input` (the field already set to `value`) run to its end with `seed`, and how long that took here. */
    runFieldPoint(input: unknown, value: number, seed: number): FieldSweepPoint {
      const scenario = validScenario(input);
      const started = deps.now();
      const report = runToEnd(scenario, { seed, window: 0 }).report();
      return fieldSweepPoint(value, report, deps.now() - started);
    },
    /** One side of an A/B comparison: the whole run's totals and its windows, `input` run to its end with `seed`. */
    runComparison(input: unknown, seed: number): { totals: TotalsReport; windows: WindowSample[] } {
      const sim = runToEnd(validScenario(input), { seed });
      return { totals: sim.report().totals, windows: sim.windowsSince(0) };
    },
  };
}

/** What a background worker serves; the page reaches it through comlink's `wrap`. */
export type BackgroundService = ReturnType<typeof createBackgroundService>;
