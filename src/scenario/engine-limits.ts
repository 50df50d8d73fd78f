/**
 * The engine's budget: how much simulation state one run may hold, derived
 * from a memory budget. It sits in the scenario layer (the bottom one) so the
 * engine enforces it and the parser warns against the very same numbers.
 *
 * The caps are the same in the browser's worker, the CLI and the tests, so a
 * scenario that reaches them still gives the same numbers everywhere. They are
 * sized for the smaller budget, the worker's 256 MB; the CLI's 1 GB then has
 * room for Node itself and the report.
 *
 * Where the worker's 256 MB goes at worst:
 *   request slots   64 MB (about 213,000 slots at the default hop limit)
 *                   + 64 MB for a moment while the pool grows (old and new arrays)
 *   pending events  48 MB (2,097,152 events × 24 bytes) + 24 MB while the heap grows
 *   the rest        ~40 MB: code, the worker's own heap, queues, windows
 * A run over a cap does not grow: see `EngineLimitError` and the "engine
 * limit" failure reason.
 */

/** Bytes one run's simulation state may take in the worker (the smaller budget, which sets the caps). */
export const WORKER_MEMORY_BUDGET = 256 * 2 ** 20;
/** Bytes the headless runner may take in all (its test checks peak RSS against it). */
export const CLI_MEMORY_BUDGET = 2 ** 30;

/** Bytes the request pool's arrays may hold once grown. */
export const REQUEST_POOL_BYTES = 64 * 2 ** 20;

/**
 * Bytes one request slot takes in the pool (engine/request-pool.ts):
 * ten Int32 fields (40 B), a Uint16 of flags and two Uint8 fields (4 B), two
 * Float64 fields (16 B), and per link it may cross an Int32 path entry, an Int32 hop target
 * and a Float64 hop time (16 B). request-pool.test.ts checks this against the
 * pool's real arrays, so a new field must be counted here.
 */
export function bytesPerRequestSlot(hopLimit: number): number {
  return 60 + 16 * hopLimit;
}

/** Requests that may be alive at once (sent and not yet let go of) for a scenario's hop limit. */
export function maxRequestSlots(hopLimit: number): number {
  // A whole number of 1,024-slot blocks: the pool starts at 1,024 and doubles up to this.
  return Math.floor(REQUEST_POOL_BYTES / bytesPerRequestSlot(hopLimit) / 1024) * 1024;
}

/** Bytes one pending event takes in the scheduler's heap: a Float64 time and sequence, an Int32 target and arg. */
export const BYTES_PER_EVENT = 24;

/**
 * Events that may be pending at once: 48 MB of heap. Enough for every user of
 * one client at the schema's largest population (1,000,000, one think-time
 * event each) plus about four events per request slot (its arrival or
 * service, a timeout, a retry, a response).
 */
export const MAX_PENDING_EVENTS = 2 ** 21;

/**
 * Past this many pending events new requests fail with "engine limit", so the
 * events already scheduled (timeouts, invalidations, probes) can drain before
 * the heap is full. The gap is room for the events of requests in flight.
 */
export const PENDING_EVENTS_FOR_NEW_REQUESTS = MAX_PENDING_EVENTS - 2 ** 18;

/** The caps one simulation runs under. Tests may lower them; the defaults are the budget above. */
export interface EngineLimits {
  /** Requests alive at once. */
  maxRequests: number;
  /** Events the heap may hold; one more throws EngineLimitError. */
  maxPendingEvents: number;
  /** Pending events past which new requests fail with "engine limit". */
  pendingEventsForNewRequests: number;
}

/** The default caps for a scenario with this hop limit. */
export function engineLimits(hopLimit: number): EngineLimits {
  return {
    maxRequests: maxRequestSlots(hopLimit),
    maxPendingEvents: MAX_PENDING_EVENTS,
    pendingEventsForNewRequests: PENDING_EVENTS_FOR_NEW_REQUESTS,
  };
}

/**
 * Engine events a second this engine manages on a typical machine (the
 * benchmark's M/M/1 target), for estimates of how long a run takes. An
 * estimate, not a promise: `npm run bench` measures the real figure.
 */
export const NOMINAL_EVENTS_PER_SECOND = 5e6;

/** A run estimated to take longer than this much wall time is warned about (and the CLI refuses it). */
export const MAX_WALL_SECONDS = 24 * 3600;

/** Thrown when the heap of pending events is full: the run cannot go on without breaking its budget. */
export class EngineLimitError extends Error {
  constructor(limit: number) {
    super(
      `The engine limit was reached: more than ${limit.toLocaleString('en-US')} events were waiting at once, ` +
        `more than the engine's ${WORKER_MEMORY_BUDGET / 2 ** 20} MB memory budget holds. ` +
        'Lower the clients\' rates or numbers of users, or shorten timeouts and invalidation delays.',
    );
    this.name = 'EngineLimitError';
  }
}

/** What to tell a person once requests failed with "engine limit": what happened and what to change. */
export function engineLimitAdvice(failed: number, hopLimit: number): string {
  return (
    `The engine limit was reached: ${failed.toLocaleString('en-US')} requests failed with "engine limit" because more than ` +
    `${maxRequestSlots(hopLimit).toLocaleString('en-US')} were alive at once, the most the engine's ` +
    `${WORKER_MEMORY_BUDGET / 2 ** 20} MB memory budget holds; from then on the figures show that limit, not your system. ` +
    "Lower the clients' rates, or bound the queues (a server's queue capacity) so overload shows as drops."
  );
}
