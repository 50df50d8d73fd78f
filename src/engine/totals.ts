import type { ClientTotals } from './component';
import { LatencyHistogram } from './histogram';
import type { SessionRegistry } from './sessions';
import { FAILURE_REASONS, type FailureReason } from './types';

/** Fresh run totals: every client adds to these. */
export function createTotals(): ClientTotals {
  return {
    sent: 0,
    completed: 0,
    failed: 0,
    failures: Object.fromEntries(FAILURE_REASONS.map((r) => [r, 0])) as Record<FailureReason, number>,
    retries: 0,
    inFlight: 0,
    measuredCompleted: 0,
    latency: new LatencyHistogram(),
    windowLatency: new LatencyHistogram(),
  };
}

/** The request counts a live snapshot and a report both carry, copied so later events leave them alone. */
export function countsOf(totals: ClientTotals, sessions: SessionRegistry, time: number) {
  return {
    sent: totals.sent,
    completed: totals.completed,
    failed: totals.failed,
    failures: { ...totals.failures },
    inFlight: totals.inFlight,
    retries: totals.retries,
    sessions: { logins: sessions.logins, relogins: sessions.relogins, ...sessions.losses(time) },
  };
}
