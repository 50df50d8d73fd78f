import type { BreakerPolicy } from '../../scenario/schema';
import type { Rng } from '../rng';

export type BreakerState = 'closed' | 'open' | 'halfOpen';

/** One state change of a breaker: from `time` on it was in `state`. */
export interface BreakerChange {
  time: number;
  state: BreakerState;
}

/** What `acquire` answers: a refusal, an ordinary call, or (any higher number) a probe of that half-open spell. */
export const REJECTED = -1;
export const ORDINARY_CALL = 0;

/** Timeline entries kept; past it the oldest half goes, so a long flapping run holds a bounded history. */
const MAX_TIMELINE = 1000;

/**
 * A circuit breaker (as Resilience4j's): closed, it lets every call through
 * and keeps the outcomes of the last `window` calls; once it holds at least
 * `minimumCalls` and the share failed (or slow) reaches its threshold, it
 * opens. Open, it refuses every call for the open duration (± jitter, so
 * many callers do not come back in step). Then it is half-open: it lets
 * `halfOpenProbes` calls through; if all succeed it closes with an empty
 * window, and one failure opens it again. Outcomes of calls let through in
 * an earlier state are ignored: they say nothing about the dependency now.
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  /** Outcomes of the last `window` calls while closed: bit 1 failed, bit 2 slow. */
  private readonly ring: Uint8Array;
  private filled = 0;
  private next = 0;
  private failures = 0;
  private slows = 0;
  private openUntil = 0;
  /** Numbers each half-open spell, so a probe's late answer cannot count for a later spell. */
  private spell = 0;
  private probesOut = 0;
  private probesPassed = 0;
  /** Times it opened. */
  opened = 0;
  /** Calls refused while open or with every probe out. */
  rejected = 0;
  readonly timeline: BreakerChange[] = [{ time: 0, state: 'closed' }];

  constructor(
    private readonly policy: BreakerPolicy,
    private readonly rng: Rng,
  ) {
    this.ring = new Uint8Array(policy.window);
  }

  /** The state at `now` (an open breaker whose time is up is half-open, though no call has come to notice). */
  stateAt(now: number): BreakerState {
    return this.current === 'open' && now >= this.openUntil ? 'halfOpen' : this.current;
  }

  /** May a call go now? REJECTED, ORDINARY_CALL, or a probe number to hand back to `record`. */
  acquire(now: number): number {
    if (this.current === 'open') {
      if (now < this.openUntil) {
        this.rejected++;
        return REJECTED;
      }
      this.enter('halfOpen', this.openUntil);
    }
    if (this.current === 'halfOpen') {
      if (this.probesOut + this.probesPassed >= this.policy.halfOpenProbes) {
        this.rejected++;
        return REJECTED;
      }
      this.probesOut++;
      return this.spell;
    }
    return ORDINARY_CALL;
  }

  /** The outcome of a call `acquire` let through with `permit`, `duration` seconds after it went. */
  record(now: number, success: boolean, duration: number, permit: number): void {
    const slow = this.policy.slowCallDuration !== null && duration > this.policy.slowCallDuration;
    if (permit !== ORDINARY_CALL) {
      if (this.current !== 'halfOpen' || permit !== this.spell) return;
      this.probesOut--;
      if (!success || slow) this.trip(now);
      else if (++this.probesPassed >= this.policy.halfOpenProbes) this.enter('closed', now);
      return;
    }
    if (this.current !== 'closed') return;
    this.push((success ? 0 : 1) | (slow ? 2 : 0));
    if (this.filled < this.policy.minimumCalls) return;
    const { failureRate, slowCallRate } = this.policy;
    if (this.failures * 100 >= failureRate * this.filled || this.slows * 100 >= slowCallRate * this.filled) this.trip(now);
  }

  /** Gives back a permit whose call never went (the engine was full). */
  cancel(permit: number): void {
    if (permit !== ORDINARY_CALL && this.current === 'halfOpen' && permit === this.spell) this.probesOut--;
  }

  private push(bits: number): void {
    const old = this.filled === this.ring.length ? (this.ring[this.next] as number) : 0;
    if (this.filled < this.ring.length) this.filled++;
    this.failures += (bits & 1) - (old & 1);
    this.slows += ((bits >> 1) & 1) - ((old >> 1) & 1);
    this.ring[this.next] = bits;
    this.next = (this.next + 1) % this.ring.length;
  }

  private trip(now: number): void {
    const { openDuration, openJitter } = this.policy;
    this.openUntil = now + openDuration * (1 + openJitter * (2 * this.rng.next() - 1));
    this.opened++;
    this.enter('open', now);
  }

  private enter(state: BreakerState, time: number): void {
    this.current = state;
    this.probesOut = 0;
    this.probesPassed = 0;
    if (state === 'halfOpen') this.spell++;
    if (state === 'closed') {
      this.filled = 0;
      this.next = 0;
      this.failures = 0;
      this.slows = 0;
    }
    this.timeline.push({ time, state });
    if (this.timeline.length >= 2 * MAX_TIMELINE) this.timeline.splice(0, this.timeline.length - MAX_TIMELINE);
  }
}
