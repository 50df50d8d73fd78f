import type { HealthChange, TargetFigures } from '../types';
import type { RuntimeLink } from '../component';
import type { TargetHealth } from './target-health';

/** Why a target is out of the pool, by TargetHealth's reason code. */
const OUT_NAMES = ['', 'probes', 'ejected', 'notServing'] as const;

/** Every change of a target's place in the pool, in time order, named for the report. */
export function healthTimeline(health: TargetHealth, ids: readonly string[]): HealthChange[] {
  const t = health.timeline;
  const changes: HealthChange[] = [];
  for (let i = 0; i < t.length; i += 4) {
    changes.push({
      time: t[i] as number,
      target: ids[t[i + 1] as number] as string,
      eligible: t[i + 2] === 1,
      out: OUT_NAMES[t[i + 3] as number] ?? '',
    });
  }
  return changes;
}

/** Per target: requests routed, share of all routed, open requests, and whether it is in the pool. */
export function targetFigures(
  targets: readonly { link: RuntimeLink }[],
  state: { ids: readonly string[]; open: Int32Array },
  routed: Float64Array,
  health: TargetHealth,
): TargetFigures[] {
  const total = routed.reduce((a, b) => a + b, 0);
  return targets.map((target, i) => ({
    id: state.ids[i] as string,
    link: target.link.id,
    routed: routed[i] as number,
    share: total > 0 ? (routed[i] as number) / total : 0,
    open: state.open[i] as number,
    eligible: health.eligible[i] === 1,
    out: OUT_NAMES[health.reason[i] as number] ?? '',
  }));
}
