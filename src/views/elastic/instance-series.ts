import type { WindowSample } from '../../engine/types';

/** A scaling group over the run, a point per metrics window. */
export interface InstanceSeries {
  x: number[];
  xMin: number;
  xMax: number;
  /** Mean instances serving over each window. */
  serving: number[];
  /** Serving plus starting: what the group has asked for. */
  withStarting: number[];
  /** The window's arrival rate in instances: arrivals per second ÷ what one instance serves at the target. */
  needed: number[];
  /** Requests per second one instance serves at the target: the scale between needed and the arrival rate. */
  perInstance: number;
  max: number;
  /** The last window's figures (data attributes for tooling and the e2e spec). */
  lastServing: number;
  lastArrivalRate: number;
}

/** How the load is read in instances: one instance's service rate (workers ÷ mean service time) and the utilization aimed at. */
export interface InstanceScale {
  perInstanceRate: number;
  target: number;
  max: number;
}

/** The series of the scaling group at component number `index`, or null before any window closed. */
export function instanceSeries(windows: readonly WindowSample[], index: number | undefined, duration: number, scale: InstanceScale): InstanceSeries | null {
  if (index === undefined || windows.length === 0) return null;
  const perInstance = scale.perInstanceRate * scale.target;
  const x: number[] = [];
  const serving: number[] = [];
  const withStarting: number[] = [];
  const needed: number[] = [];
  let lastArrivalRate = 0;
  for (const window of windows) {
    const instances = window.nodes[index]?.instances;
    if (!instances) continue;
    const width = window.end - window.start;
    lastArrivalRate = width > 0 ? instances.arrivals / width : 0;
    x.push(window.end);
    serving.push(instances.serving);
    withStarting.push(instances.serving + instances.starting);
    needed.push(perInstance > 0 ? lastArrivalRate / perInstance : 0);
  }
  if (x.length === 0) return null;
  return {
    x,
    xMin: windows[0]?.start ?? 0,
    xMax: duration,
    serving,
    withStarting,
    needed,
    perInstance,
    max: scale.max,
    lastServing: serving.at(-1) ?? 0,
    lastArrivalRate,
  };
}
