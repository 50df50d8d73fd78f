import type { HealthCheck } from '../../scenario/schema';

/** Changes kept for the health timeline; a flapping target cannot grow memory without bound. */
const MAX_TIMELINE = 10_000;

/** Why a target is out of the pool. */
export const OutReason = { none: 0, probes: 1, ejected: 2, notServing: 3 } as const;
export type OutReasonCode = (typeof OutReason)[keyof typeof OutReason];

/**
 * The health bookkeeping of one balancer's targets: active probes move a
 * target between healthy and unhealthy after runs of results; passive
 * checks eject a target after consecutive failed responses until a
 * cool-off ends. `eligible` is what the balancing algorithm reads.
 */
export class TargetHealth {
  readonly eligible: Uint8Array;
  readonly reason: Uint8Array;
  private readonly probeHealthy: Uint8Array;
  private readonly ejected: Uint8Array;
  private readonly probeSuccesses: Int32Array;
  private readonly probeFailures: Int32Array;
  private readonly responseFailures: Int32Array;
  /** 0 for an instance of a scaling group that is not serving (balancing/follow-membership.ts). */
  private readonly member: Uint8Array;
  /** Every change of eligibility: [time, target, eligible 0/1, reason] flattened. */
  readonly timeline: number[] = [];

  constructor(
    count: number,
    private readonly config: HealthCheck,
  ) {
    this.eligible = new Uint8Array(count).fill(1);
    this.reason = new Uint8Array(count);
    this.probeHealthy = new Uint8Array(count).fill(1);
    this.ejected = new Uint8Array(count);
    this.probeSuccesses = new Int32Array(count);
    this.probeFailures = new Int32Array(count);
    this.responseFailures = new Int32Array(count);
    this.member = new Uint8Array(count).fill(1);
  }

  /** A target's instance starts or stops serving in its group; `initially`: the pool as the run starts, not a change to record. */
  setMember(target: number, member: boolean, time: number, initially = false): void {
    this.member[target] = member ? 1 : 0;
    this.update(target, time, !initially);
  }

  /** Records a probe result; true when the target's eligibility changed. */
  probeResult(target: number, ok: boolean, time: number): boolean {
    const active = this.config.active;
    if (!active) return false;
    if (ok) {
      this.probeFailures[target] = 0;
      this.probeSuccesses[target] = (this.probeSuccesses[target] as number) + 1;
      if (this.probeHealthy[target] === 0 && (this.probeSuccesses[target] as number) >= active.healthyThreshold) {
        this.probeHealthy[target] = 1;
        return this.update(target, time);
      }
    } else {
      this.probeSuccesses[target] = 0;
      this.probeFailures[target] = (this.probeFailures[target] as number) + 1;
      if (this.probeHealthy[target] === 1 && (this.probeFailures[target] as number) >= active.unhealthyThreshold) {
        this.probeHealthy[target] = 0;
        return this.update(target, time);
      }
    }
    return false;
  }

  /** Records a user response passing back; true when the target was just ejected. */
  responseResult(target: number, ok: boolean, time: number): boolean {
    const passive = this.config.passive;
    if (!passive) return false;
    if (ok) {
      this.responseFailures[target] = 0;
      return false;
    }
    this.responseFailures[target] = (this.responseFailures[target] as number) + 1;
    if (this.ejected[target] === 1 || (this.responseFailures[target] as number) < passive.consecutiveFailures) return false;
    this.ejected[target] = 1;
    return this.update(target, time);
  }

  /** Ends an ejection after its cool-off. */
  readmit(target: number, time: number): void {
    this.ejected[target] = 0;
    this.responseFailures[target] = 0;
    this.update(target, time);
  }

  private update(target: number, time: number, record = true): boolean {
    const reason =
      this.member[target] === 0
        ? OutReason.notServing
        : this.probeHealthy[target] === 0
          ? OutReason.probes
          : this.ejected[target] === 1
            ? OutReason.ejected
            : OutReason.none;
    const eligible = reason === OutReason.none ? 1 : 0;
    const changed = eligible !== this.eligible[target] || reason !== this.reason[target];
    this.eligible[target] = eligible;
    this.reason[target] = reason;
    if (changed && record && this.timeline.length < MAX_TIMELINE * 4) this.timeline.push(time, target, eligible, reason);
    return changed;
  }
}
