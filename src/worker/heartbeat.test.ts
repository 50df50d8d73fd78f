import { describe, expect, it } from 'vitest';
import { HEARTBEAT_DEADLINE_MS, HEARTBEAT_INTERVAL_MS, startHeartbeat } from './heartbeat';

/** A hand-driven clock and interval: each `advance` moves time and fires the ticks due, letting answers arrive between them. */
function manualTime() {
  let now = 0;
  let tick: (() => void) | null = null;
  let next = 0;
  let period = 0;
  return {
    clock: () => now,
    every: (run: () => void, ms: number) => {
      tick = run;
      period = ms;
      next = ms;
      return () => {
        tick = null;
      };
    },
    /** Moves the clock to `to`, ticking on each period passed; awaits queued answers after each tick. */
    async advanceTo(to: number) {
      while (tick && next <= to) {
        now = next;
        next += period;
        tick();
        await Promise.resolve();
        await Promise.resolve();
      }
      now = to;
    },
    /** A single late tick, as a throttled page's timer fires. */
    async lateTick(at: number) {
      now = at;
      next = at + period;
      tick?.();
      await Promise.resolve();
    },
    get now() {
      return now;
    },
  };
}

describe('heartbeat', () => {
  it('never raises the alarm while the worker answers, even when each answer takes a second', async () => {
    const time = manualTime();
    const pending: (() => void)[] = [];
    let silent = false;
    startHeartbeat(
      { clock: time.clock, every: time.every, ping: () => new Promise((resolve) => pending.push(() => resolve(true))) },
      () => (silent = true),
    );
    for (let t = 0; t < 60_000; t += 1000) {
      await time.advanceTo(t);
      for (const answer of pending.splice(0)) answer();
      await Promise.resolve();
    }
    expect(silent).toBe(false);
  });

  it('reports a worker that stops answering within 2 s, once', async () => {
    const time = manualTime();
    let answering = true;
    const alarms: { at: number; silentMs: number }[] = [];
    startHeartbeat(
      { clock: time.clock, every: time.every, ping: () => (answering ? Promise.resolve(true) : new Promise(() => undefined)) },
      (silentMs) => alarms.push({ at: time.now, silentMs }),
    );
    await time.advanceTo(3000);
    const stoppedAt = time.now;
    answering = false;
    await time.advanceTo(10_000);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.at - stoppedAt).toBeLessThanOrEqual(HEARTBEAT_DEADLINE_MS + HEARTBEAT_INTERVAL_MS);
    expect(alarms[0]!.at - stoppedAt).toBeGreaterThan(HEARTBEAT_DEADLINE_MS - HEARTBEAT_INTERVAL_MS);
    expect(alarms[0]!.silentMs).toBeGreaterThan(HEARTBEAT_DEADLINE_MS);
  });

  it('does not blame the worker when the page itself slept (a throttled hidden tab)', async () => {
    const time = manualTime();
    const answers: (() => void)[] = [];
    let silent = false;
    startHeartbeat(
      { clock: time.clock, every: time.every, ping: () => new Promise((resolve) => answers.push(() => resolve(true))) },
      () => (silent = true),
    );
    await time.advanceTo(HEARTBEAT_INTERVAL_MS);
    // The page's timers stall for a minute; the answer sits in its queue meanwhile.
    await time.lateTick(60_000);
    for (const answer of answers) answer();
    await Promise.resolve();
    await time.advanceTo(61_000);
    expect(silent).toBe(false);
  });

  it('stops pinging once stopped', async () => {
    const time = manualTime();
    let pings = 0;
    const stop = startHeartbeat({ clock: time.clock, every: time.every, ping: async () => ++pings }, () => undefined);
    await time.advanceTo(1000);
    const before = pings;
    stop();
    await time.advanceTo(5000);
    expect(before).toBeGreaterThan(0);
    expect(pings).toBe(before);
  });
});
