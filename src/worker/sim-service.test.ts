import { describe, expect, it } from 'vitest';
import type { Frame } from './protocol';
import { createSimulation } from '../engine';
import { createSimService, type SimServiceDeps, STEP_MAX_MS } from './sim-service';
import { createFakeSimulation, tinyScenario } from './testing/fake-simulation';

/** A service on a hand-driven clock and timer queue; frames are collected with the buffers they transfer. */
function harness(overrides: Partial<SimServiceDeps> = {}, msPerClockRead = 0.001) {
  let wall = 0;
  let timers: { run: () => void; ms: number; id: number }[] = [];
  let nextId = 0;
  const frames: Frame[] = [];
  const transferred: ArrayBuffer[][] = [];
  const service = createSimService({
    createSimulation: (scenario, options) => createFakeSimulation(scenario, options),
    clock: () => (wall += msPerClockRead),
    setTimer: (run, ms) => {
      const id = nextId++;
      timers.push({ run, ms, id });
      return id;
    },
    clearTimer: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
    deliver: (listener, frame, buffers) => {
      transferred.push(buffers);
      return listener(frame);
    },
    maxParticles: 100,
    ...overrides,
  });
  service.subscribe((frame) => {
    frames.push(frame);
  });
  /** Fires the due timer (advancing the wall clock by its delay) and lets frame acknowledgements settle. */
  const fire = async () => {
    const timer = timers.shift();
    if (!timer) return false;
    wall += timer.ms;
    timer.run();
    await settle();
    return true;
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const advanceWall = (ms: number) => {
    wall += ms;
  };
  return { service, frames, transferred, fire, settle, advanceWall, pendingTimers: () => timers.length };
}

describe('sim service protocol', () => {
  it('load answers the run it prepared and sends an idle frame at time 0', async () => {
    const h = harness();
    const result = h.service.load(tinyScenario, 7);
    await h.settle();
    expect(result).toMatchObject({ ok: true, seed: 7, duration: 5, nodeIds: ['client', 'server'] });
    expect(h.frames.at(-1)).toMatchObject({ status: 'idle', now: 0, epoch: 1, report: null });
  });

  it('load refuses an invalid scenario with a readable message', () => {
    const h = harness();
    const result = h.service.load({ ...tinyScenario, links: [{ id: 'x', from: 'client', to: 'nowhere' }] });
    expect(result.ok).toBe(false);
    expect(result.error).toContain('"nowhere"');
  });

  it('runs at max speed in slices to the duration and ends with the report in the last frame', async () => {
    const h = harness({}, 5);
    h.service.load({ ...tinyScenario, duration: 100 });
    h.service.setSpeed(Number.POSITIVE_INFINITY);
    h.service.run();
    let slices = 0;
    while (await h.fire()) slices++;
    // 1000 events, a clock read every 256 costs 5 ms, slices of 12 ms: several slices.
    expect(slices).toBeGreaterThan(1);
    const last = h.frames.at(-1)!;
    expect(last.status).toBe('finished');
    expect(last.now).toBe(100);
    expect(last.report?.totals.completed).toBe(h.frames.at(-1)?.snapshot.completed);
    expect(h.frames.filter((f) => f.report !== null)).toHaveLength(1);
  });

  it('paces a 1× run by the wall clock', async () => {
    const h = harness();
    h.service.load(tinyScenario);
    h.service.setSpeed(1);
    h.service.run();
    for (let i = 0; i < 30; i++) await h.fire();
    const now = h.frames.at(-1)!.now;
    // 30 timers of about 16 ms: about half a simulated second, certainly not the whole run.
    expect(now).toBeGreaterThan(0.3);
    expect(now).toBeLessThan(0.6);
  });

  it('pause stops the clock; run resumes from where it stopped', async () => {
    const h = harness();
    h.service.load(tinyScenario);
    h.service.run();
    for (let i = 0; i < 10; i++) await h.fire();
    expect(h.service.pause()).toBe('paused');
    await h.settle();
    const stoppedAt = h.frames.at(-1)!.now;
    expect(h.frames.at(-1)!.status).toBe('paused');
    expect(h.pendingTimers()).toBe(0);
    h.advanceWall(5000);
    expect(h.service.run()).toBe('running');
    await h.fire();
    await h.fire();
    expect(h.frames.at(-1)!.now).toBeGreaterThanOrEqual(stoppedAt);
    expect(h.frames.at(-1)!.now).toBeLessThan(stoppedAt + 0.2);
  });

  it('step advances exactly one window of simulated time and pauses', async () => {
    const h = harness();
    h.service.load(tinyScenario);
    expect(h.service.step()).toBe('paused');
    await h.settle();
    const frame = h.frames.at(-1)!;
    expect(frame.now).toBe(1);
    expect(frame.windows).toHaveLength(1);
    expect(frame.particles.link.length).toBeGreaterThan(0);
    h.service.step();
    await h.settle();
    expect(h.frames.at(-1)!.now).toBe(2);
    expect(h.frames.at(-1)!.windows.map((w) => w.start)).toEqual([1]);
  });

  it('reset returns to time 0 under a new epoch, and the same seed replays the same run', async () => {
    const h = harness();
    h.service.load(tinyScenario);
    h.service.step();
    h.service.step();
    await h.settle();
    const before = h.frames.at(-1)!;
    h.service.reset();
    await h.settle();
    expect(h.frames.at(-1)).toMatchObject({ now: 0, status: 'idle', epoch: before.epoch + 1 });
    h.service.step();
    h.service.step();
    await h.settle();
    expect(h.frames.at(-1)!.snapshot).toEqual(before.snapshot);
  });

  it('transfers the particle arrays instead of copying them', async () => {
    const h = harness();
    h.service.load(tinyScenario);
    h.service.step();
    await h.settle();
    const frame = h.frames.at(-1)!;
    const buffers = h.transferred.at(-1)!;
    expect(buffers).toHaveLength(5);
    expect(buffers).toContain(frame.particles.depart.buffer);
    expect(buffers).toContain(frame.particles.link.buffer);
  });

  it('merges work into one frame while the page has not taken the previous one', async () => {
    let release: () => void = () => {};
    const frames: Frame[] = [];
    const service = createSimService({
      createSimulation: (scenario, options) => createFakeSimulation(scenario, options),
      deliver: (_listener, frame) => {
        frames.push(frame);
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    service.subscribe(() => {});
    service.load(tinyScenario);
    service.step();
    service.step();
    service.step();
    // Only the load frame went out; three steps wait behind it.
    expect(frames).toHaveLength(1);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(frames).toHaveLength(2);
    expect(frames[1]!.now).toBe(3);
    expect(frames[1]!.windows.map((w) => w.start)).toEqual([0, 1, 2]);
  });

  it('an engine exception pauses the run and reports the message', async () => {
    const h = harness({
      createSimulation: (scenario, options) => {
        const sim = createFakeSimulation(scenario, options);
        sim.step = () => {
          throw new Error('boom in the engine');
        };
        return sim;
      },
    });
    h.service.load(tinyScenario);
    h.service.setSpeed(Number.POSITIVE_INFINITY);
    h.service.run();
    await h.fire();
    expect(h.frames.at(-1)).toMatchObject({ status: 'paused', error: 'boom in the engine' });
  });
});

describe('sim service under the engine budget', () => {
  // A client so fast that simulated time barely moves: one second of it would take the engine forever.
  const flood = {
    version: 1,
    nodes: [
      { id: 'client', kind: 'client', workload: { mode: 'open', rate: 1e308 } },
      { id: 'server', kind: 'server', workers: 1, serviceTime: { type: 'exponential', mean: 0.1 } },
    ],
    links: [{ id: 'client-server', from: 'client', to: 'server' }],
  };

  it('stops a Step that cannot reach its second after STEP_MAX_MS of work, and says why', async () => {
    // 5 ms a clock read: the step gives up after ~200 reads (~51,000 events) instead of never.
    const h = harness({ createSimulation }, 5);
    h.service.load(flood);
    expect(h.service.step()).toBe('paused');
    await h.settle();
    const frame = h.frames.at(-1)!;
    expect(frame.now).toBeLessThan(1e-290);
    expect(frame.error).toMatch(new RegExp(`^Step stopped short at .* s: this simulated second holds more work than the engine does in ${STEP_MAX_MS / 1000} s\\. Press Run, or lower the clients' rates\\.$`));
    expect(frame.snapshot.sent).toBe(frame.snapshot.completed + frame.snapshot.failed + frame.snapshot.inFlight);
  });
});
