import { z } from 'zod';

/*
 * A link's call policy: how its sender calls the node at the far end
 * (timeout, retries, retry budget, circuit breaker, bulkhead). It lives apart
 * from schema.ts, which imports it into LinkSchema, so it repeats the retry
 * fields rather than import them back (a cycle would leave them undefined).
 */

const positive = z.number().finite().positive();
const percent = z.number().finite().min(0).max(100);
/** A threshold rate: 0 % would open the breaker with no failure at all. */
const rate = z.number().finite().gt(0).max(100);

/** Retries allowed as a share of calls: a token bucket that each call fills by percent/100 and each retry empties by one. */
export const RetryBudgetSchema = z.object({
  /** Retries at most this percentage of calls, over time (0–100). */
  percent,
  /** Tokens the bucket holds at most, and starts with: the retries allowed in a burst. */
  burst: z.number().finite().min(1).max(1000).default(10),
});
export type RetryBudget = z.infer<typeof RetryBudgetSchema>;

/** A circuit breaker on the calls of one link (closed → open → half-open). */
export const BreakerSchema = z
  .object({
    /** The last this-many calls are the sliding window the rates are taken over. */
    window: z.number().int().min(1).max(1000).default(20),
    /** Calls the window must hold before the breaker may open. */
    minimumCalls: z.number().int().min(1).max(1000).default(10),
    /** Opens when at least this percentage of the window's calls failed (timeouts included). */
    failureRate: rate.default(50),
    /** A call that takes longer than this (seconds) is slow; null: no slow-call threshold. */
    slowCallDuration: positive.nullable().default(null),
    /** Opens when at least this percentage of the window's calls were slow. */
    slowCallRate: rate.default(100),
    /** Seconds it stays open before letting probes through. */
    openDuration: positive.default(5),
    /** The open duration varies by up to this fraction either way (0–1), so callers do not probe in step. */
    openJitter: z.number().finite().min(0).max(1).default(0.1),
    /** Calls let through while half-open; all must succeed to close it, one failure opens it again. */
    halfOpenProbes: z.number().int().min(1).max(100).default(3),
  })
  .refine((b) => b.minimumCalls <= b.window, { message: 'must not exceed the window', path: ['minimumCalls'] });
export type BreakerPolicy = z.infer<typeof BreakerSchema>;

/** How the sender of a link calls its far end. With a policy, a server's worker waits for the answer. */
export const CallPolicySchema = z.object({
  /** Seconds an attempt may take before the caller gives up on it; null waits forever. */
  timeout: positive.nullable().default(null),
  /** Extra attempts after a retryable failure, with exponential backoff (attempt k waits backoff × 2^(k-1)). */
  retries: z
    .object({
      count: z.number().int().min(0).max(10),
      backoff: z.number().finite().nonnegative(),
      /** Full jitter: wait a uniform fraction of the backoff. */
      jitter: z.boolean(),
    })
    .default({ count: 0, backoff: 0.1, jitter: true }),
  /** Caps retries at a share of calls; null: no cap. */
  budget: RetryBudgetSchema.nullable().default(null),
  breaker: BreakerSchema.nullable().default(null),
  /** Bulkhead: calls on this link in progress at once; more fail at once with "bulkhead full". null: no limit. */
  maxConcurrent: z.number().int().min(1).max(100_000).nullable().default(null),
});
export type CallPolicy = z.infer<typeof CallPolicySchema>;
