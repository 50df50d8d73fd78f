import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { oneServer } from '../engine/testing/build-scenario';
import { INSTANCE_SIZES } from '../scenario/instance-sizes';
import { type BackgroundClient, setBackgroundClient } from '../worker/background-client';
import { inProcessBackgroundClient } from '../worker/testing/in-process-background';
import { type AppStore, createAppStore } from './index';

const system = () => oneServer({ rate: 100, duration: 10 });

let store: AppStore;
const state = () => store.getState();

beforeEach(() => {
  store = createAppStore(system());
  setBackgroundClient(inProcessBackgroundClient(undefined, 2));
});
afterEach(() => setBackgroundClient(null));

describe('sweep slice', () => {
  it('sweeps a server in the background, showing progress and the points in the chart’s order', async () => {
    const seen: number[] = [];
    const unsubscribe = store.subscribe((s) => {
      if (s.costSweep?.running) seen.push(s.costSweep.progress.done);
    });
    await state().startSweep('app', 3);
    unsubscribe();
    const sweep = state().costSweep;
    expect(sweep).toMatchObject({ serverId: 'app', running: false, problem: null, cancelled: false });
    expect(sweep?.progress).toEqual({ done: 3 + INSTANCE_SIZES.length, total: 3 + INSTANCE_SIZES.length });
    expect(sweep?.points.map((p) => p.label)).toEqual(['×1', '×2', '×3', ...INSTANCE_SIZES.map((s) => s.name)]);
    expect(seen.at(0)).toBe(0);
    expect(new Set(seen).size).toBeGreaterThan(2);
  });

  it('stops on Cancel, keeping the points so far', async () => {
    const unsubscribe = store.subscribe((s) => {
      if (s.costSweep?.running && s.costSweep.progress.done === 1) s.cancelSweep();
    });
    await state().startSweep('app', 8);
    unsubscribe();
    const sweep = state().costSweep;
    expect(sweep).toMatchObject({ running: false, cancelled: true, problem: null });
    expect(sweep?.points.length).toBeGreaterThanOrEqual(1);
    expect(sweep?.points.length).toBeLessThan(8 + INSTANCE_SIZES.length);
  });

  it('lets a new sweep replace one still running, which then says nothing', async () => {
    const first = state().startSweep('app', 8);
    const second = state().startSweep('app', 1);
    await Promise.all([first, second]);
    expect(state().costSweep).toMatchObject({ running: false, cancelled: false, progress: { done: 1 + INSTANCE_SIZES.length } });
  });

  it('says why when the node is not a server, or a run fails', async () => {
    await state().startSweep('users', 3);
    expect(state().costSweep).toMatchObject({ serverId: 'users', running: false, problem: '“users” is not a server of this scenario.' });

    const broken: BackgroundClient = {
      size: 1,
      runBaseline: () => Promise.reject(new Error('unused')),
      earlyTheories: () => Promise.reject(new Error('unused')),
      sweep: async () => ({ status: 'failed', points: [], error: 'A background worker stopped.' }),
      fieldSweep: async () => ({ status: 'failed', points: [], error: 'A background worker stopped.' }),
      runComparison: () => Promise.reject(new Error('unused')),
    };
    setBackgroundClient(broken);
    await state().startSweep('app', 2);
    expect(state().costSweep).toMatchObject({ running: false, problem: 'A background worker stopped.', points: [] });
  });
});
