import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioJson } from '../../scenario/parse';
import type { Scenario } from '../../scenario/schema';
import { runScenario } from '../simulation';
import type { NodeReport, Report } from '../types';

/* Helpers for the tests that hold examples' write-ups to their runs (engine/write-up-checks.ts). */

const dir = join(import.meta.dirname, '../../../scenarios');

/** An example file, parsed with its defaults. */
export function loadExample(name: string): Scenario {
  const result = parseScenarioJson(readFileSync(join(dir, name), 'utf8'));
  if (!result.ok) throw new Error(`${name}:\n${result.errors.join('\n')}`);
  return result.scenario;
}

/** The headless run, as `npm run sim` gives it (no windows). */
export const runExample = (scenario: Scenario): Report => runScenario(scenario, { window: 0 });

/** A node's report by id. */
export const nodeOf = (report: Report, id: string) => report.nodes.find((n) => n.id === id) as NodeReport;

/** The scenario with `change` merged into the node `id`. */
export function withNode(scenario: Scenario, id: string, change: Record<string, unknown>): Scenario {
  return { ...scenario, nodes: scenario.nodes.map((n) => (n.id === id ? ({ ...n, ...change } as typeof n) : n)) };
}

/** Each target's share of a balancer's requests, by target id. */
export const sharesOf = (report: Report, balancer: string) => Object.fromEntries((nodeOf(report, balancer).targets ?? []).map((t) => [t.id, t.share]));
