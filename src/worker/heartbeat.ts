/**
 * The page's watchdog over the simulation worker. A worker that closes
 * itself or hangs in a loop sends no error event: it just never answers. So
 * the page pings it a few times a second, and a ping left unanswered past the
 * deadline means the worker is gone.
 */

/** Wall milliseconds between pings. */
export const HEARTBEAT_INTERVAL_MS = 200;
/** Silence this long (since the last answer, with a ping waiting) means the worker stopped: seen within 1.6 s. */
export const HEARTBEAT_DEADLINE_MS = 1400;

export interface HeartbeatDeps {
  /** Asks the worker for a sign of life; resolves when it answers. */
  ping(): Promise<unknown>;
  /** Wall milliseconds. */
  clock(): number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(tick: () => void, ms: number): () => void;
}

/**
 * Pings through `deps` and calls `onSilent` once, with how long the worker
 * has been silent, when a ping goes unanswered past `deadlineMs`. Returns a
 * function that stops the watch.
 */
export function startHeartbeat(
  deps: HeartbeatDeps,
  onSilent: (silentMs: number) => void,
  intervalMs = HEARTBEAT_INTERVAL_MS,
  deadlineMs = HEARTBEAT_DEADLINE_MS,
): () => void {
  let waiting = false;
  // Measured from the last answer, not the last ping: a stop is seen at most a deadline and a tick after it.
  let lastHeard = deps.clock();
  let lastTick = lastHeard;
  let sequence = 0;
  let stopped = false;

  const tick = () => {
    if (stopped) return;
    const now = deps.clock();
    // This thread slept (a hidden tab's throttled timers, a long task of the
    // page's own): the answer may be waiting in our queue. Give the worker a
    // fresh deadline rather than blame it for our delay.
    if (now - lastTick > deadlineMs) lastHeard = now;
    lastTick = now;
    if (!waiting) {
      waiting = true;
      const mine = ++sequence;
      deps.ping().then(
        () => {
          if (mine !== sequence) return;
          waiting = false;
          lastHeard = deps.clock();
        },
        () => undefined,
      );
      return;
    }
    if (now - lastHeard > deadlineMs) {
      stop();
      onSilent(now - lastHeard);
    }
  };

  const cancel = deps.every(tick, intervalMs);
  const stop = () => {
    stopped = true;
    cancel();
  };
  return stop;
}
