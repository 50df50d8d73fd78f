import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import { starterScenario } from '../scenario/starter';
import { setSimClient } from '../worker/sim-client';
import { createSimService } from '../worker/sim-service';
import { inProcessClient } from '../worker/testing/in-process-client';
import { type AppStore, createAppStore } from './index';
import { replayNote, scenarioToShare } from './run-slice';

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

  it('a fault clicked during the run is recorded at its time, so Share replays it', async () => {
    await state().stepRun();
    expect(await state().injectFault('server-1', 'slow', 3)).toBeNull();
    await state().stepRun();
    expect(await state().injectFault('server-1', 'recover')).toBeNull();
    const recorded = state().runScenario!;
    expect(recorded.faults).toEqual([
      { at: 1, node: 'server-1', action: 'slow', factor: 3 },
      { at: 2, node: 'server-1', action: 'recover', factor: 1 },
    ]);
    expect(state().scenario.faults).toEqual([]); // the canvas' own schedule is untouched
    expect(scenarioToShare(state())).toBe(recorded);
    await state().setSpeed(Number.POSITIVE_INFINITY);
    await state().startRun();
    while (state().runStatus !== 'finished') await settle();
    expect(JSON.stringify(state().report)).toBe(JSON.stringify(runScenario(recorded)));
  });

  it('a replayed recording moves the canvas to the graph in force; an edit then starts from it', async () => {
    const start = state().scenario;
    const faster = start.nodes.map((n) => (n.kind === 'client' ? { ...n, workload: { mode: 'open' as const, rate: 90 } } : n));
    const recording = { ...start, changes: [{ at: 1.5, nodes: faster, links: start.links }] };
    state().replaceScenario(recording);
    await state().stepRun();
    state().flushMetrics();
    expect(state().scenario.nodes).toBe(start.nodes); // 1 s: the start graph
    expect(replayNote(state())).toBe('replay: edit 0 of 1');
    await state().stepRun();
    state().flushMetrics();
    expect(state().scenario.nodes).toBe(faster); // 2 s: the change at 1.5 s is in force
    expect(replayNote(state())).toBe('replay: edit 1 of 1');
    expect(state().scenario.changes).toEqual([]);
    expect(scenarioToShare(state())).toBe(recording);
    // Reset from there replays the recording from its start.
    await state().resetRun();
    expect(state().scenario).toBe(recording);
    await state().stepRun();
    await state().stepRun();
    state().flushMetrics();
    // An edit on the followed canvas keeps the change in force and appends one.
    state().updateNode('server-1', { workers: 3 });
    await state().stepRun();
    const run = state().runScenario!;
    expect(run.changes).toHaveLength(2);
    expect(replayNote(state())).toBe(''); // the user took over: no longer a replay
    expect(run.changes[1]!.nodes.find((n) => n.kind === 'client')).toMatchObject({ workload: { rate: 90 } });
    expect(run.changes[1]!.nodes.find((n) => n.id === 'server-1')).toMatchObject({ workers: 3 });
    await state().setSpeed(Number.POSITIVE_INFINITY);
    await state().startRun();
    while (state().runStatus !== 'finished') await settle();
    expect(JSON.stringify(state().report)).toBe(JSON.stringify(runScenario(run)));
  });

  it('an edit before Run on a recording is carried over its changes, not undone at their time', async () => {
    const start = state().scenario;
    // The recording: a faster client from 1.5 s on.
    const faster = start.nodes.map((n) => (n.kind === 'client' ? { ...n, workload: { mode: 'open' as const, rate: 90 } } : n));
    state().replaceScenario({ ...start, changes: [{ at: 1.5, nodes: faster, links: start.links }] });
    // Before Run, the viewer gives server 1 more workers.
    state().updateNode('server-1', { workers: 7 });
    const [change] = state().scenario.changes;
    expect(change!.nodes.find((n) => n.id === 'server-1')).toMatchObject({ workers: 7 });
    expect(change!.nodes.find((n) => n.kind === 'client')).toMatchObject({ workload: { rate: 90 } });
    // One undo takes back the edit and the carried-over recording together; redo brings both.
    store.temporal.getState().undo();
    expect(state().scenario.changes[0]!.nodes.find((n) => n.id === 'server-1')).toMatchObject({ workers: 4 });
    store.temporal.getState().redo();
    expect(state().scenario.changes[0]).toBe(change);
    await state().stepRun();
    await state().stepRun();
    state().flushMetrics();
    // 2 s: the recorded change is in force, and the viewer's edit with it.
    expect(state().scenario.nodes.find((n) => n.id === 'server-1')).toMatchObject({ workers: 7 });
    expect(state().scenario.nodes.find((n) => n.kind === 'client')).toMatchObject({ workload: { rate: 90 } });
    const run = state().runScenario!;
    await state().setSpeed(Number.POSITIVE_INFINITY);
    await state().startRun();
    while (state().runStatus !== 'finished') await settle();
    expect(JSON.stringify(state().report)).toBe(JSON.stringify(runScenario(run)));
  });
});
