/**
 * The bounds sweep: the same closed-loop scenario run headless once per
 * number of users, so the measured throughput can be drawn against the
 * asymptotic bounds. Each variant is an independent background job, run by
 * the same pool and the same `sweep` call as the cost sweep.
 */
import type { Scenario } from '../scenario/schema';
import type { SweepVariant } from './sweep';

/** Points a bounds sweep runs. */
export const BOUNDS_SWEEP_POINTS = 8;

/** The scenario's first closed-loop client, or null when it has none. */
export function closedClient(scenario: Scenario) {
  for (const node of scenario.nodes) if (node.kind === 'client' && node.workload.mode === 'closed') return { ...node, workload: node.workload };
  return null;
}

/** User counts spread evenly up to twice N* (or the scenario's own count, if larger): the knee sits in the middle. */
export function sweepUserCounts(saturationUsers: number, current: number, points = BOUNDS_SWEEP_POINTS): number[] {
  const top = Math.max(2 * saturationUsers, current, points);
  const counts = Array.from({ length: points }, (_, i) => Math.max(1, Math.round(((i + 1) * top) / points)));
  return [...new Set([...counts, current])].sort((a, b) => a - b);
}

/** One variant per user count, each the scenario with its first closed-loop client set to that many users. */
export function usersSweepVariants(scenario: Scenario, users: readonly number[]): SweepVariant[] {
  const client = closedClient(scenario);
  if (!client) return [];
  return users.map((n) => ({
    mode: 'users' as const,
    label: `N=${n}`,
    scenario: {
      ...scenario,
      nodes: scenario.nodes.map((node) => (node.id === client.id ? { ...client, workload: { ...client.workload, users: n } } : node)),
    },
  }));
}
