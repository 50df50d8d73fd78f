import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { oneServer } from '../engine/testing/build-scenario';
import { setBackgroundClient } from '../worker/background-client';
import { inProcessBackgroundClient } from '../worker/testing/in-process-background';
import { type AppStore, createAppStore } from './index';

const system = () => oneServer({ rate: 100, duration: 10 });
const request = { path: 'nodes.users.workload.rate', from: 50, to: 190, steps: 8 };

let store: AppStore;
const state = () => store.getState();

beforeEach(() => {
  store = createAppStore(system());
  setBackgroundClient(inProcessBackgroundClient(undefined, 2));
});
afterEach(() => setBackgroundClient(null));

describe('field sweep slice', () => {
  it('sweeps a field over the pool, shows progress, and measures the pool’s own speedup', async () => {
    const seen: number[] = [];
    const unsubscribe = store.subscribe((s) => {
      if (s.fieldSweep?.running) seen.push(s.fieldSweep.progress.done);
    });
    await state().startFieldSweep('users', request);
    unsubscribe();
    const sweep = state().fieldSweep;
    expect(sweep).toMatchObject({ nodeId: 'users', running: false, problem: null, cancelled: false, progress: { done: 8, total: 8 } });
    expect(sweep?.points.map((p) => p.value)).toEqual([50, 70, 90, 110, 130, 150, 170, 190]);
    // Points are committed at most every POINTS_COMMIT_MS, the first at once: progress starts at 0 and moves before the end.
    expect(seen[0]).toBe(0);
    expect(seen.some((done) => done > 0)).toBe(true);
    expect(sweep?.machine?.workers).toBe(2);
    expect(sweep?.machine?.speedup).toBeGreaterThan(0);
    expect(state().machineSpeedups).toHaveLength(1);
  });

  it('stops on Cancel, keeps the points so far, and the page can sweep again at once', async () => {
    // Runs long enough (tenths of a second each) that the sweep is cancelled midway.
    store = createAppStore(oneServer({ rate: 100, duration: 1500 }));
    const unsubscribe = store.subscribe((s) => {
      if (s.fieldSweep?.running && s.fieldSweep.progress.done >= 1) s.cancelFieldSweep();
    });
    await state().startFieldSweep('users', request);
    unsubscribe();
    expect(state().fieldSweep).toMatchObject({ running: false, cancelled: true, machine: null });
    expect(state().fieldSweep?.points.length).toBeLessThan(8);
    expect(state().machineSpeedups).toHaveLength(0);
    await state().startFieldSweep('users', { ...request, steps: 2 });
    expect(state().fieldSweep).toMatchObject({ running: false, cancelled: false, progress: { done: 2, total: 2 } });
  });

  it.each([
    [{ ...request, path: 'nodes.users.workload.rat' }, /node "users" has no field "rat"/],
    [{ ...request, steps: 0 }, /The sweep has no points/],
    [{ ...request, path: 'nodes.ghost.workers' }, /no node "ghost"/],
  ])('says what is wrong with a bad request before running anything: %j', async (bad, message) => {
    await state().startFieldSweep('users', bad);
    expect(state().fieldSweep).toMatchObject({ running: false, points: [], progress: { done: 0, total: 0 } });
    expect(state().fieldSweep?.problem).toMatch(message);
  });
});
