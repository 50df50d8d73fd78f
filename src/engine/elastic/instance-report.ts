/* What a scaling group (a server with `autoscaling`) reports: live, over a metrics window and over the run; instance-figures.ts fills them. */

/** A scaling group's instances now, and its bounds (servers with `autoscaling`). */
export interface LiveInstances {
  serving: number;
  starting: number;
  draining: number;
  min: number;
  max: number;
}

/** One change of a scaling group's instance counts. */
export interface InstanceChange {
  time: number;
  serving: number;
  starting: number;
  draining: number;
}

/** A scaling group over the run (servers with `autoscaling`); the counts of LiveInstances are at the run's end. */
export interface InstanceFigures extends LiveInstances {
  /** Most instances serving or starting at once. */
  peak: number;
  /** Mean running instances (starting, serving or draining) over the whole run. */
  meanRunning: number;
  /** Seconds of running instances over the whole run, warm-up included: what the group is billed for. */
  instanceSeconds: number;
  /** instanceSeconds × costPerHour / 3600, dollars. */
  cost: number;
  /** Decisions that started instances, and that drained or cancelled some. */
  scaleOuts: number;
  scaleIns: number;
  /** The counts after each change, in time order (the first ones, when there are very many). */
  timeline: InstanceChange[];
}

/** Mean instances over a metrics window (servers with `autoscaling`). */
export interface WindowInstances {
  serving: number;
  starting: number;
  running: number;
  /** Requests that reached the group in the window: the load the instances follow. */
  arrivals: number;
}
