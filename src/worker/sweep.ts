/**
 * Cost against latency: the same scenario run headless with one server scaled
 * out (replicas 1..N) and scaled up (each instance size), one full run per
 * point. Each variant is an independent background job, so a pool of workers
 * can run them side by side.
 */
import type { Report } from '../engine/types';
import { INSTANCE_SIZES } from '../scenario/instance-sizes';
import type { Scenario } from '../scenario/schema';
import { MAX_SWEEP_REPLICAS, type SweepPoint } from './protocol';

/** One scaled variant of the scenario, before it runs. */
export interface SweepVariant {
  /** Scaling out or up (the cost sweep), or a closed loop's users (the bounds sweep, users-sweep.ts). */
  mode: 'out' | 'up' | 'users';
  /** "×3" for three replicas, the size's name for scaling up, "N=8" for eight users. */
  label: string;
  scenario: Scenario;
}

/** The variants for `serverId`: replicas 1..maxReplicas at its size, then every size at its replica count. */
export function sweepVariants(scenario: Scenario, serverId: string, maxReplicas: number): SweepVariant[] {
  const server = scenario.nodes.find((n) => n.id === serverId);
  if (server?.kind !== 'server') return [];
  const withServer = (change: Partial<typeof server>): Scenario => ({
    ...scenario,
    nodes: scenario.nodes.map((n) => (n.id === serverId ? { ...server, ...change } : n)),
  });
  const top = Math.max(1, Math.min(MAX_SWEEP_REPLICAS, Math.floor(maxReplicas)));
  const out = Array.from({ length: top }, (_, i) => ({ mode: 'out' as const, label: `×${i + 1}`, scenario: withServer({ replicas: i + 1 }) }));
  const up = INSTANCE_SIZES.map((size) => ({
    mode: 'up' as const,
    label: size.name,
    scenario: withServer({ workers: size.cores, speed: size.speed, costPerHour: size.costPerHour }),
  }));
  return [...out, ...up];
}

/** The chart's point for one finished run. */
export function sweepPoint(variant: Pick<SweepVariant, 'mode' | 'label'>, report: Report): SweepPoint {
  const t = report.totals;
  const cost = t.costPerHour ?? report.nodes.reduce((sum, n) => sum + (n.costPerHour ?? 0), 0);
  return {
    mode: variant.mode,
    label: variant.label,
    costPerHour: cost,
    p99: t.latency.p99,
    throughput: t.throughput,
    failedRatio: t.sent > 0 ? t.failed / t.sent : 0,
  };
}
