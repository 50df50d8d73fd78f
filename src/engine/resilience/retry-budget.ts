import type { RetryBudget } from '../../scenario/schema';

/**
 * A retry budget as a token bucket (Finagle's RetryBudget, gRPC's retry
 * throttling): each call adds percent/100 of a token, each retry spends a
 * whole one, and the bucket holds at most `burst`. Over any stretch, retries
 * ≤ percent % of calls + burst, so a failing dependency sees at most that
 * much extra load however many callers give up and try again.
 */
export class RetryBudgetBucket {
  private tokens: number;
  private readonly perCall: number;
  private readonly burst: number;

  constructor(budget: RetryBudget) {
    this.perCall = budget.percent / 100;
    this.burst = budget.burst;
    this.tokens = budget.burst;
  }

  /** A call began: it earns its share of a retry. */
  deposit(): void {
    this.tokens = Math.min(this.burst, this.tokens + this.perCall);
  }

  /** Takes a token for a retry; false (and nothing taken) when the budget is spent. */
  trySpend(): boolean {
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Tokens in the bucket now. */
  get balance(): number {
    return this.tokens;
  }
}
