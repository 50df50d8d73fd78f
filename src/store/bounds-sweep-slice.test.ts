import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScenario } from '../engine/index';
import { oneServer } from '../engine/testing/build-scenario';
import { parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { setBackgroundClient } from '../worker/background-client';
import { inProcessBackgroundClient } from '../worker/testing/in-process-background';
import { usersSweepVariants } from '../worker/users-sweep';
import { type AppStore, createAppStore } from './index';

/** The bounds example, shortened so a sweep of nine points runs in a moment. */
function boundsExample(): Scenario {
  const parsed = parseScenarioJson(readFileSync(join(import.meta.dirname, '../../scenarios/closed-system-bounds.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return { ...parsed.scenario, duration: 60, warmup: 5 };
}

let store: AppStore;
const state = () => store.getState();

beforeEach(() => {
  store = createAppStore(boundsExample());
  setBackgroundClient(inProcessBackgroundClient(undefined, 2));
});
afterEach(() => setBackgroundClient(null));

describe('bounds sweep slice', () => {
  it('runs one point per user count around N* ≈ 42, each the same as a run of its own with the same seed', async () => {
    await state().startBoundsSweep('app');
    const sweep = state().boundsSweep;
    expect(sweep).toMatchObject({ serverId: 'app', running: false, problem: null, cancelled: false, progress: { done: 9, total: 9 } });
    expect(sweep?.users).toEqual([10, 21, 30, 31, 42, 52, 62, 73, 83]);
    const variants = usersSweepVariants(state().scenario, sweep?.users ?? []);
    const alone = variants.map((v) => runScenario(v.scenario, { seed: state().scenario.seed, window: 0 }).totals.throughput);
    expect(sweep?.throughput).toEqual(alone);
  });

  it('stops on Cancel, keeping the points so far', async () => {
    const unsubscribe = store.subscribe((s) => {
      if (s.boundsSweep?.running && s.boundsSweep.progress.done === 1) s.cancelBoundsSweep();
    });
    await state().startBoundsSweep('app');
    unsubscribe();
    const sweep = state().boundsSweep;
    expect(sweep).toMatchObject({ running: false, cancelled: true });
    expect(sweep?.throughput.filter((x) => x !== undefined).length).toBeLessThan(9);
  });

  it('says why without a closed loop or without resources', async () => {
    await state().startBoundsSweep('users');
    expect(state().boundsSweep?.problem).toBe('“users” is not a server with resources.');
    store = createAppStore(oneServer({ rate: 10 }));
    await state().startBoundsSweep('app');
    expect(state().boundsSweep?.problem).toBe('“app” is not a server with resources.');
    const open = boundsExample();
    store = createAppStore({ ...open, nodes: open.nodes.map((n) => (n.kind === 'client' ? { ...n, workload: { mode: 'open', rate: 10 } } : n)) });
    await state().startBoundsSweep('app');
    expect(state().boundsSweep?.problem).toBe('The bounds are for a closed loop: give a client a closed workload (users who think).');
  });
});
