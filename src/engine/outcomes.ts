/** Why an attempt failed, and the outcome codes that carry it on trace hops and responses. */

/**
 * Why an attempt failed. "queueFull" is a drop; "engineLimit" means the
 * simulation itself was full (scenario/engine-limits.ts); "removed" means
 * its node left the system during the run (a live edit); "unauthorized"
 * (401) and "throttled" (429) are a gateway's answers; "backlogFull" a
 * message queue at capacity; "circuitOpen" and "bulkheadFull" a caller's
 * own fast failures; "staleEndpoint" a call to an instance that has left;
 * "poolTimeout" a call that waited too long for a pooled connection;
 * "tooManyConnections" a database (or pooler) refusing a connection past its
 * maximum; the others are failures of the path.
 */
export const FAILURE_REASONS = [
  'queueFull',
  'timeout',
  'hopLimit',
  'noRoute',
  'nodeDown',
  'engineLimit',
  'removed',
  'unauthorized',
  'throttled',
  'backlogFull',
  'circuitOpen',
  'bulkheadFull',
  'staleEndpoint',
  'poolTimeout',
  'tooManyConnections',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** Outcome codes carried by trace hops (particles) and responses: one per failure reason, plus request, ok and probe. */
export const Outcome = {
  request: 0,
  ok: 1,
  queueFull: 2,
  timeout: 3,
  hopLimit: 4,
  noRoute: 5,
  nodeDown: 6,
  probe: 7,
  engineLimit: 8,
  removed: 9,
  unauthorized: 10,
  throttled: 11,
  backlogFull: 12,
  circuitOpen: 13,
  bulkheadFull: 14,
  staleEndpoint: 15,
  poolTimeout: 16,
  tooManyConnections: 17,
} as const satisfies Record<FailureReason | 'request' | 'ok' | 'probe', number>;
export type OutcomeCode = (typeof Outcome)[keyof typeof Outcome];

/** The failure reason an outcome code stands for; request, ok and probe are not failures. */
export function failureReasonOf(outcome: OutcomeCode): FailureReason {
  return REASON_OF_OUTCOME[outcome] ?? 'noRoute';
}
const REASON_OF_OUTCOME: (FailureReason | undefined)[] = [];
for (const reason of FAILURE_REASONS) REASON_OF_OUTCOME[Outcome[reason]] = reason;
