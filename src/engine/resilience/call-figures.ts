import type { BreakerChange, BreakerState } from './breaker';

export type { BreakerChange, BreakerState } from './breaker';

/**
 * The calls of one link with a call policy, as its caller saw them (whole
 * run). Every call begun is succeeded + failed + inProgress; every attempt
 * sent is one call's first attempt or a retry.
 */
export interface CallFigures {
  link: string;
  /** The node called. */
  target: string;
  calls: number;
  succeeded: number;
  /** Calls that ended failed, by reason of their last attempt (or the fast failure). */
  failed: number;
  failures: Partial<Record<string, number>>;
  inProgress: number;
  /** Attempts sent across the link: first attempts and retries. */
  attempts: number;
  retries: number;
  /** Retries the budget refused. */
  retriesDenied: number;
  /** Attempts given up on at the call's timeout. */
  timeouts: number;
  /** Attempts refused by the breaker (failed at once with "circuit open"). */
  circuitOpen: number;
  /** Calls refused by the bulkhead (failed at once with "bulkhead full"). */
  bulkheadFull: number;
  /** The most calls in progress at once. */
  peakConcurrent: number;
  /** Tokens left in the retry budget (null: no budget). */
  budgetTokens: number | null;
  /** Null when the policy has no breaker. */
  breaker: { state: BreakerState; opened: number; timeline: BreakerChange[] } | null;
}

/** A call link while running: its colour on the canvas and its row in the selected node's view. */
export interface LiveCall {
  link: string;
  target: string;
  /** Breaker state now, or null when the policy has no breaker. */
  state: BreakerState | null;
  inProgress: number;
  calls: number;
  failed: number;
  retries: number;
  circuitOpen: number;
  bulkheadFull: number;
  /** The most calls in progress at once. */
  peakConcurrent: number;
  /** The breaker's latest state changes (at most LIVE_TIMELINE); empty without a breaker. */
  timeline: BreakerChange[];
}

/** State changes a live frame carries per breaker: enough for a chart, bounded however much it flaps. */
export const LIVE_TIMELINE = 200;
