import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import { starterScenario } from '../scenario/starter';
import { setSimClient } from '../worker/client';
import { createSimService } from '../worker/sim-service';
import { inProcessClient } from '../worker/testing/in-process-client';
import { type AppStore, createAppStore } from './index';
import { scenarioToShare } from './run-slice';

let store: AppStore;
const state = () => store.getState();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  store = createAppStore({ ...starterScenario(), duration: 20 });
  // The real engine: the recording must replay headless.
  setSimClient(inProcessClient(createSimService()));
});
afterEach(() => setSimClient(null));

describe('the run follows the canvas', () => {
  it('opening another scenario mid-run stops the run and starts over with it', async () => {
    await state().stepRun();
    await state().stepRun();
    state().flushMetrics();
    expect(state().simTime).toBe(2);
    const other = { ...starterScenario(), name: 'Other', duration: 7 };
    state().replaceScenario(other);
    await state().pauseRun(); // queued after the discard: resolves once it is done
    state().flushMetrics();
    expect(state().runStatus).toBe('idle');
    expect(state().simTime).toBe(0);
    expect(state().runScenario).toBe(other);
    await state().stepRun();
    state().flushMetrics();
    expect(state().simTime).toBe(1);
  });

  it('an edit during a paused run applies at its time and is recorded, so the run replays headless', async () => {
    await state().stepRun();
    await state().stepRun();
    state().updateNode('client-1', { workload: { mode: 'open', rate: 90 } });
    state().moveNodes({ 'server-1': { x: 5, y: 5 } }); // not a live edit: positions do not reach the engine
    await state().stepRun();
    const recorded = state().runScenario!;
    expect(recorded.changes).toHaveLength(1);
    expect(recorded.changes[0]!.at).toBe(2);
    expect(scenarioToShare(state())).toBe(recorded);
    await state().setSpeed(Number.POSITIVE_INFINITY);
    await state().startRun();
    while (state().runStatus !== 'finished') await settle();
    expect(JSON.stringify(state().report)).toBe(JSON.stringify(runScenario(recorded)));
    // A new client took over at 2 s: the figures name it by its new number.
    expect(state().nodeIndex['client-1']).toBe(recorded.nodes.length);
  });
});
