/**
 * A short run of a scenario from scenarios/, for tests of background runs and
 * of the cache views: their figures come from the real engine, not from
 * hand-made reports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulation } from '../../engine';
import type { Report, WindowSample } from '../../engine/types';
import { parseScenario } from '../../scenario/parse';
import type { Scenario } from '../../scenario/schema';

/** The example `name` (without .json), shortened to `duration` seconds with no warm-up. */
export function exampleScenario(name: string, duration: number): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, '../../../scenarios', `${name}.json`), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return { ...parsed.scenario, duration, warmup: 0 };
}

/** Runs `scenario` to its end and returns its windows and report. */
export function runToEnd(scenario: Scenario): { windows: WindowSample[]; report: Report } {
  const sim = createSimulation(scenario, {});
  sim.runUntil(scenario.duration);
  return { windows: sim.windowsSince(0), report: sim.report() };
}
