import type { Rng } from '../rng';
import { Outcome, type OutcomeCode } from '../types';

/**
 * Outcomes worth another attempt: the dependency was busy, slow, down or
 * moving. A caller's own fast failures (circuit open, bulkhead full) are not:
 * retrying them at once would only meet the same refusal; nor are answers
 * that would come back the same (no route, hop limit, unauthorized).
 */
export function isRetryable(outcome: OutcomeCode): boolean {
  return (
    outcome === Outcome.timeout ||
    outcome === Outcome.queueFull ||
    outcome === Outcome.nodeDown ||
    outcome === Outcome.removed ||
    outcome === Outcome.throttled ||
    outcome === Outcome.backlogFull ||
    outcome === Outcome.staleEndpoint ||
    outcome === Outcome.poolTimeout ||
    outcome === Outcome.tooManyConnections
  );
}

/** Exponential backoff before attempt `attempt + 1`: backoff × 2^(attempt−1), a uniform fraction of it with full jitter. */
export function backoffDelay(backoff: number, attempt: number, jitter: boolean, rng: Rng): number {
  const ceiling = backoff * 2 ** (attempt - 1);
  return jitter ? ceiling * rng.next() : ceiling;
}

/** Attempts per request when each fails independently with probability p and up to r retries follow: (1 − p^(r+1)) / (1 − p). */
export function expectedAttempts(p: number, retries: number): number {
  if (p === 1) return retries + 1;
  return (1 - p ** (retries + 1)) / (1 - p);
}
