import type { Autoscaling } from '../../scenario/elastic-schema';
import { InstanceState, type InstanceStateCode, type Membership } from './membership';
import { InstanceTimeline } from './instance-timeline';
import { clampInstances, desiredInstances } from './scaling-policy';

/** The autoscaler's two timers: a decision, and one instance's cold start or drain grace ending. */
export const ScalingTimer = { decide: 0, instance: 1 } as const;
export type ScalingTimerCode = (typeof ScalingTimer)[keyof typeof ScalingTimer];

/** An instance event's argument: the instance, and which of its waits ended. */
const COLD_START_ENDS = 0;
const DRAIN_GRACE_ENDS = 1;

/** What the autoscaler needs of the group it scales (a queueing station). */
export interface ScalingGroup {
  readonly membership: Membership;
  readonly workersPerInstance: number;
  /** Requests instance `instance` holds now: waiting or taking a worker. */
  holds(instance: number): number;
  /** Busy worker-seconds of the whole group since the run began, up to `time`. */
  busyWorkerSeconds(time: number): number;
  /** Messages waiting in the queue the group consumes from; 0 when none. */
  backlog(): number;
  /** A fresh machine boots in slot `instance`: nothing of its previous occupant (a fault, sessions) carries over. */
  boot(instance: number, time: number): void;
  /** The machine in slot `instance` stops: what lived in its memory (sessions) goes with it. */
  shutDown(instance: number, time: number): void;
  /** Instances that can work (serving or draining) changed: the group's utilization counts their workers. */
  workingChanged(working: number, time: number): void;
  /** Schedules one of the autoscaler's timers. */
  schedule(timer: ScalingTimerCode, arg: number, time: number): void;
}

/**
 * Drives a group's membership by its autoscaling policy. Every `interval`
 * (a schedule: at each step's time) it decides how many instances should
 * serve, counting those starting as already there, clamped to [min, max].
 * Scaling out boots instances in free slots: each is `starting` for
 * `coldStart` seconds, serving nothing, then serves. Scaling in (not within
 * `cooldown` of the last scaling action, for target tracking) cancels
 * instances still starting first, then drains the newest serving ones: a
 * draining instance leaves membership at once, so nobody routes new work to
 * it, but accepts what was already on its way for `drainGrace` seconds (the
 * slowest link into the group) and finishes everything it holds before it
 * goes off. No request is lost to a scale-in.
 */
export class Autoscaler {
  /** When each slot's instance was booted (to pick the newest), or will be ready (starting). */
  private readonly bootedAt: Float64Array;
  private readonly readyAt: Float64Array;
  private readonly drainUntil: Float64Array;
  /** Time of the last scaling action, for the cooldown. */
  private lastAction = Number.NEGATIVE_INFINITY;
  private lastDecision = 0;
  private busyAtLastDecision = 0;
  private stopped = false;
  /** Decisions that started instances, and that drained or cancelled some. */
  scaleOuts = 0;
  scaleIns = 0;
  /** Seconds a request sent just before an instance left may still take to reach it (elastic/drain-grace.ts). */
  private drainGrace = 0;
  readonly timeline: InstanceTimeline;

  constructor(
    private readonly settings: Autoscaling,
    private readonly group: ScalingGroup,
  ) {
    const slots = group.membership.slots;
    this.bootedAt = new Float64Array(slots);
    this.readyAt = new Float64Array(slots);
    this.drainUntil = new Float64Array(slots);
    this.timeline = new InstanceTimeline(group.membership);
  }

  /** The bounds it keeps to. */
  get min(): number {
    return this.settings.min;
  }

  get max(): number {
    return this.settings.max;
  }

  /** Instances serving or on their way to serving: the count the policy sets and [min, max] bounds. */
  get instances(): number {
    return this.timeline.serving + this.timeline.starting;
  }

  /** Schedules the first decision; `drainGrace` as drain-grace.ts gives it, once the links are known. */
  start(time: number, drainGrace: number): void {
    this.drainGrace = drainGrace;
    this.lastDecision = time;
    this.busyAtLastDecision = this.group.busyWorkerSeconds(time);
    this.scheduleNextDecision(time, true);
  }

  /** A live edit replaced the node: no more decisions (instances in flight finish their waits). */
  stop(): void {
    this.stopped = true;
  }

  /** One of the autoscaler's timers fired. */
  handle(timer: ScalingTimerCode, arg: number, time: number): void {
    if (timer === ScalingTimer.decide) {
      if (this.stopped) return;
      this.decide(time);
      this.scheduleNextDecision(time, false);
      return;
    }
    const instance = arg >> 1;
    if ((arg & 1) === COLD_START_ENDS) {
      // A cancelled start (scaled in while starting, then maybe restarted) leaves a stale event: check it is this boot's.
      if (this.group.membership.stateOf(instance) === InstanceState.starting && this.readyAt[instance] === time) {
        this.setState(instance, InstanceState.serving, time);
      }
    } else this.emptied(instance, time);
  }

  /** Instance `instance` may hold nothing now: a draining one past its grace goes off. */
  emptied(instance: number, time: number): void {
    if (this.group.membership.stateOf(instance) !== InstanceState.draining) return;
    if (time < (this.drainUntil[instance] as number) || this.group.holds(instance) > 0) return;
    this.setState(instance, InstanceState.off, time);
    this.group.shutDown(instance, time);
  }

  /** The next decision after `time` (a schedule's step at `time` itself too, when `inclusive`). */
  private scheduleNextDecision(time: number, inclusive: boolean): void {
    const policy = this.settings.policy;
    if (policy.type !== 'schedule') {
      this.group.schedule(ScalingTimer.decide, 0, time + this.settings.interval);
      return;
    }
    // A schedule acts at its steps' times, not on the interval.
    let next = Number.POSITIVE_INFINITY;
    for (const step of policy.steps) if ((step.at > time || (inclusive && step.at === time)) && step.at < next) next = step.at;
    if (Number.isFinite(next)) this.group.schedule(ScalingTimer.decide, 0, next);
  }

  private decide(time: number): void {
    const busy = this.group.busyWorkerSeconds(time);
    const span = time - this.lastDecision;
    const meanBusyWorkers = span > 0 ? (busy - this.busyAtLastDecision) / span : 0;
    this.lastDecision = time;
    this.busyAtLastDecision = busy;
    const { min, max, policy } = this.settings;
    const wanted = desiredInstances(policy, {
      meanBusyWorkers,
      workersPerInstance: this.group.workersPerInstance,
      backlog: this.group.backlog(),
      time,
    });
    if (wanted === null) return;
    const target = clampInstances(wanted, min, max);
    const now = this.instances;
    if (target > now) this.scaleOut(target - now, time);
    else if (target < now && (policy.type === 'schedule' || time - this.lastAction >= this.settings.cooldown)) {
      this.scaleIn(now - target, time);
    }
  }

  private scaleOut(count: number, time: number): void {
    const { membership } = this.group;
    let started = 0;
    // Draining instances keep their slots until they are off: the group never runs more than max machines.
    for (let slot = 0; slot < membership.slots && started < count; slot++) {
      if (membership.stateOf(slot) !== InstanceState.off) continue;
      this.group.boot(slot, time);
      this.bootedAt[slot] = time;
      this.readyAt[slot] = time + this.settings.coldStart;
      started++;
      if (this.settings.coldStart > 0) {
        this.setState(slot, InstanceState.starting, time);
        this.group.schedule(ScalingTimer.instance, (slot << 1) | COLD_START_ENDS, time + this.settings.coldStart);
      } else this.setState(slot, InstanceState.serving, time);
    }
    if (started > 0) {
      this.lastAction = time;
      this.scaleOuts++;
    }
  }

  private scaleIn(count: number, time: number): void {
    let left = count;
    // Cancel boots first: they serve nothing yet, and they are the newest.
    for (const slot of this.newestFirst(InstanceState.starting)) {
      if (left === 0) break;
      this.setState(slot, InstanceState.off, time);
      this.group.shutDown(slot, time);
      left--;
    }
    for (const slot of this.newestFirst(InstanceState.serving)) {
      if (left === 0) break;
      this.setState(slot, InstanceState.draining, time);
      this.drainUntil[slot] = time + this.drainGrace;
      left--;
      if (this.drainGrace > 0) this.group.schedule(ScalingTimer.instance, (slot << 1) | DRAIN_GRACE_ENDS, time + this.drainGrace);
      else this.emptied(slot, time);
    }
    if (left < count) {
      this.lastAction = time;
      this.scaleIns++;
    }
  }

  /** Slots in `state`, the most recently booted first (ties: the highest slot). */
  private newestFirst(state: InstanceStateCode): number[] {
    const { membership } = this.group;
    const slots: number[] = [];
    for (let slot = 0; slot < membership.slots; slot++) if (membership.stateOf(slot) === state) slots.push(slot);
    return slots.sort((a, b) => (this.bootedAt[b] as number) - (this.bootedAt[a] as number) || b - a);
  }

  private setState(slot: number, state: InstanceStateCode, time: number): void {
    const timeline = this.timeline;
    const working = timeline.serving + timeline.draining;
    timeline.change(this.group.membership.stateOf(slot), state, time);
    this.group.membership.set(slot, state, time);
    if (timeline.serving + timeline.draining !== working) this.group.workingChanged(timeline.serving + timeline.draining, time);
  }
}
