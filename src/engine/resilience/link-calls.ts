import type { CallPolicy } from '../../scenario/schema';
import type { RuntimeLink } from '../component';
import type { Rng } from '../rng';
import { type FailureReason, failureReasonOf, Outcome, type OutcomeCode } from '../types';
import { CircuitBreaker } from './breaker';
import { Bulkhead } from './bulkhead';
import { type CallFigures, LIVE_TIMELINE, type LiveCall } from './call-figures';
import { RetryBudgetBucket } from './retry-budget';

/** One call link's mechanisms (breaker, budget, bulkhead) and its counters. */
export class LinkCalls {
  readonly breaker: CircuitBreaker | null;
  readonly budget: RetryBudgetBucket | null;
  readonly bulkhead: Bulkhead;
  calls = 0;
  succeeded = 0;
  failed = 0;
  readonly failures: Partial<Record<FailureReason, number>> = {};
  attempts = 0;
  retries = 0;
  retriesDenied = 0;
  timeouts = 0;
  circuitOpen = 0;

  constructor(
    readonly link: RuntimeLink,
    readonly policy: CallPolicy,
    readonly rng: Rng,
  ) {
    this.breaker = policy.breaker ? new CircuitBreaker(policy.breaker, rng) : null;
    this.budget = policy.budget ? new RetryBudgetBucket(policy.budget) : null;
    this.bulkhead = new Bulkhead(policy.maxConcurrent);
  }

  /** A call ended with `outcome`. */
  ended(outcome: OutcomeCode): void {
    if (outcome === Outcome.ok) {
      this.succeeded++;
      return;
    }
    this.failed++;
    const reason = failureReasonOf(outcome);
    this.failures[reason] = (this.failures[reason] ?? 0) + 1;
  }

  figures(target: string, now: number): CallFigures {
    const breaker = this.breaker;
    return {
      link: this.link.id,
      target,
      calls: this.calls,
      succeeded: this.succeeded,
      failed: this.failed,
      failures: { ...this.failures },
      inProgress: this.calls - this.succeeded - this.failed,
      attempts: this.attempts,
      retries: this.retries,
      retriesDenied: this.retriesDenied,
      timeouts: this.timeouts,
      circuitOpen: this.circuitOpen,
      bulkheadFull: this.bulkhead.rejected,
      peakConcurrent: this.bulkhead.peak,
      budgetTokens: this.budget ? this.budget.balance : null,
      breaker: breaker ? { state: breaker.stateAt(now), opened: breaker.opened, timeline: breaker.timeline.slice() } : null,
    };
  }

  live(target: string, now: number): LiveCall {
    const breaker = this.breaker;
    return {
      link: this.link.id,
      target,
      state: breaker ? breaker.stateAt(now) : null,
      inProgress: this.calls - this.succeeded - this.failed,
      calls: this.calls,
      failed: this.failed,
      retries: this.retries,
      circuitOpen: this.circuitOpen,
      bulkheadFull: this.bulkhead.rejected,
      peakConcurrent: this.bulkhead.peak,
      timeline: breaker ? breaker.timeline.slice(-LIVE_TIMELINE) : [],
    };
  }
}
