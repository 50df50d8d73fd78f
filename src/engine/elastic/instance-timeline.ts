import type { InstanceChange, WindowInstances } from '../types';
import { InstanceState, type InstanceStateCode, type Membership } from './membership';

/** Changes kept for the report; a flapping group cannot grow memory without bound. */
const MAX_CHANGES = 2_000;

/**
 * Instance counts by state, and their time integrals: instance-seconds (what
 * the group costs: every running machine, starting and draining ones too)
 * and the mean counts of a metrics window.
 */
export class InstanceTimeline {
  serving = 0;
  starting = 0;
  draining = 0;
  private lastChange = 0;
  /** Running instance-seconds since the run began, accrued up to lastChange. */
  private runningArea = 0;
  private servingArea = 0;
  private startingArea = 0;
  private measuredRunningArea = 0;
  private windowServingArea = 0;
  private windowStartingArea = 0;
  private windowRunningArea = 0;
  /** Most instances serving or starting at once. */
  peak: number;
  /** The counts after each change (changes at one instant merged). */
  readonly changes: InstanceChange[] = [];

  constructor(membership: Membership) {
    this.serving = membership.servingCount;
    this.peak = this.serving;
  }

  get running(): number {
    return this.serving + this.starting + this.draining;
  }

  /** One instance moves from `from` to `to` at `time`. */
  change(from: InstanceStateCode, to: InstanceStateCode, time: number): void {
    this.advance(time);
    this.add(from, -1);
    this.add(to, 1);
    this.peak = Math.max(this.peak, this.serving + this.starting);
    const counts = { time, serving: this.serving, starting: this.starting, draining: this.draining };
    const last = this.changes.at(-1);
    if (last?.time === time) this.changes[this.changes.length - 1] = counts;
    else if (this.changes.length < MAX_CHANGES) this.changes.push(counts);
  }

  private add(state: InstanceStateCode, delta: number): void {
    if (state === InstanceState.serving) this.serving += delta;
    else if (state === InstanceState.starting) this.starting += delta;
    else if (state === InstanceState.draining) this.draining += delta;
  }

  advance(time: number): void {
    const dt = time - this.lastChange;
    if (dt <= 0) return;
    this.runningArea += this.running * dt;
    this.servingArea += this.serving * dt;
    this.startingArea += this.starting * dt;
    this.lastChange = time;
  }

  /** Running instance-seconds since `from` (the run's start, or the end of warm-up), read at `time` without accruing. */
  instanceSeconds(time: number, sinceMeasurement: boolean): number {
    const dt = Math.max(0, time - this.lastChange);
    const area = this.runningArea + this.running * dt;
    return sinceMeasurement ? area - this.measuredRunningArea : area;
  }

  beginMeasurement(time: number): void {
    this.advance(time);
    this.measuredRunningArea = this.runningArea;
  }

  /** Mean serving, starting and running instances over a metrics window [start, time); starts the next. */
  closeWindow(start: number, time: number): Omit<WindowInstances, 'arrivals'> {
    this.advance(time);
    const width = time - start;
    const sample =
      width > 0
        ? {
            serving: (this.servingArea - this.windowServingArea) / width,
            starting: (this.startingArea - this.windowStartingArea) / width,
            running: (this.runningArea - this.windowRunningArea) / width,
          }
        : { serving: this.serving, starting: this.starting, running: this.running };
    this.windowServingArea = this.servingArea;
    this.windowStartingArea = this.startingArea;
    this.windowRunningArea = this.runningArea;
    return sample;
  }
}
