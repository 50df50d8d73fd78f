import type { ScalingPolicy } from '../../scenario/elastic-schema';

/** What the autoscaler saw over the interval that just ended. */
export interface ScalingObservation {
  /** Mean busy workers over the interval, across the group. */
  meanBusyWorkers: number;
  /** Workers one instance has. */
  workersPerInstance: number;
  /** Messages waiting in the queue the group consumes from (0 when it consumes from none). */
  backlog: number;
  /** Simulated time of the decision. */
  time: number;
}

/** Guards a ceiling against floating-point noise: 2.0000000001 instances is 2. */
const EPSILON = 1e-9;

/**
 * The instance count a policy asks for, before the [min, max] clamp, or null
 * when it has no opinion yet (a schedule before its first step).
 * Target tracking on CPU asks for ceil(serving × utilization / target), with
 * utilization the interval's mean busy workers over the serving workers: that
 * is ceil(mean busy workers / (workers per instance × target)), which stays
 * right when the instance count changed during the interval.
 */
export function desiredInstances(policy: ScalingPolicy, seen: ScalingObservation): number | null {
  switch (policy.type) {
    case 'cpu':
      return ceilInstances(seen.meanBusyWorkers / (seen.workersPerInstance * policy.target));
    case 'backlog':
      return ceilInstances(seen.backlog / policy.perInstance);
    case 'schedule':
      return scheduledInstances(policy.steps, seen.time);
  }
}

/** `x` instances rounded up, 0 at least (ceil of a hair below 0 is −0). */
function ceilInstances(x: number): number {
  return Math.max(0, Math.ceil(x - EPSILON));
}

/** The replicas of the last step at or before `time`, or null before the first. */
export function scheduledInstances(steps: readonly { at: number; replicas: number }[], time: number): number | null {
  let best: { at: number; replicas: number } | null = null;
  for (const step of steps) if (step.at <= time && (best === null || step.at >= best.at)) best = step;
  return best?.replicas ?? null;
}

/** `n` within [min, max]. */
export function clampInstances(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
