import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import type { Scenario, ScenarioNode } from '../scenario/schema';
import { starterScenario } from '../scenario/starter';
import { setSimClient } from '../worker/sim-client';
import { createSimService } from '../worker/sim-service';
import { inProcessClient } from '../worker/testing/in-process-client';
import { type AppStore, createAppStore } from './index';
import { replayNote, scenarioToShare } from './run-slice';

let store: AppStore;
const state = () => store.getState();
const history = () => store.temporal.getState();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Resolves once every queued run action (a live edit sent to the worker) is done. */
const drain = async () => {
  await settle();
  await state().setSpeed(state().speed);
};

/** The starter scenario with a recording: the client goes from 40 to 90 requests/s at 1.5 s. */
function recording(): Scenario {
  const start = { ...starterScenario(), duration: 20 };
  const faster = start.nodes.map((n) => (n.kind === 'client' ? { ...n, workload: { mode: 'open' as const, rate: 90 } } : n));
  return { ...start, changes: [{ at: 1.5, nodes: faster, links: start.links }] };
}
const node = (nodes: readonly ScenarioNode[], id: string) => nodes.find((n) => n.id === id) as Record<string, unknown>;
const rate = (nodes: readonly ScenarioNode[]) => (node(nodes, 'client-1').workload as { rate: number }).rate;
const workers = (nodes: readonly ScenarioNode[]) => node(nodes, 'server-1').workers;

afterEach(() => setSimClient(null));

describe('undo while a run replays a recording', () => {
  beforeEach(() => {
    store = createAppStore({ ...starterScenario(), duration: 20 });
    setSimClient(inProcessClient(createSimService()));
  });

  it('a replayed change is no undo step: a shared link opened and run has nothing to undo', async () => {
    store = createAppStore(recording()); // as main.tsx opens a link: no history
    await state().stepRun();
    await state().stepRun();
    state().flushMetrics();
    expect(rate(state().scenario.nodes)).toBe(90); // the change at 1.5 s is on the canvas
    expect(history().pastStates).toEqual([]);
    history().undo();
    await drain();
    expect(rate(state().scenario.nodes)).toBe(90);
    expect(state().runScenario!.changes).toHaveLength(1); // no edit recorded: still the shared run
    expect(replayNote(state())).toBe('replay: edit 1 of 1');
  });

  it("undo takes back the user's own edit and keeps the replayed change, on the canvas and in the run", async () => {
    state().replaceScenario(recording());
    state().updateNode('server-1', { workers: 7 }); // before Run: carried over the recording
    await state().stepRun();
    await state().stepRun();
    state().flushMetrics();
    expect(rate(state().scenario.nodes)).toBe(90);
    expect(workers(state().scenario.nodes)).toBe(7);

    history().undo();
    await drain();
    // The canvas: the user's edit gone, the replayed change kept.
    expect(workers(state().scenario.nodes)).toBe(4);
    expect(rate(state().scenario.nodes)).toBe(90);
    // The run: the undo is a live edit at 2 s, and it runs what the canvas shows.
    const run = state().runScenario!;
    const last = run.changes.at(-1)!;
    expect(run.changes).toHaveLength(2);
    expect(last.at).toBe(2);
    expect(workers(last.nodes)).toBe(4);
    expect(rate(last.nodes)).toBe(90);
    expect(scenarioToShare(state())).toBe(run);

    // Redo brings the edit back, the change still with it.
    history().redo();
    await drain();
    expect(workers(state().scenario.nodes)).toBe(7);
    expect(rate(state().scenario.nodes)).toBe(90);
    const redone = state().runScenario!;
    expect(workers(redone.changes.at(-1)!.nodes)).toBe(7);

    // What ran is what a shared link replays, byte for byte.
    await state().setSpeed(Number.POSITIVE_INFINITY);
    await state().startRun();
    while (state().runStatus !== 'finished') await settle();
    expect(JSON.stringify(state().report)).toBe(JSON.stringify(runScenario(redone)));
  });

  it("undoing an edit of a field the recording also changes gives the recording's value back", async () => {
    state().replaceScenario(recording());
    state().updateNode('client-1', { workload: { mode: 'open', rate: 60 } }); // carried over the change at 1.5 s
    await state().stepRun();
    await state().stepRun();
    state().flushMetrics();
    expect(rate(state().scenario.nodes)).toBe(60);
    history().undo();
    await drain();
    expect(rate(state().scenario.nodes)).toBe(90); // as the recording has it at 2 s
    expect(rate(state().runScenario!.changes.at(-1)!.nodes)).toBe(90);
  });

  it('after Reset, one undo takes back the edit made before Run', async () => {
    const opened = recording();
    state().replaceScenario(opened);
    state().updateNode('server-1', { workers: 7 });
    await state().stepRun();
    await state().stepRun();
    state().flushMetrics();
    expect(rate(state().scenario.nodes)).toBe(90); // the replay moved the canvas
    await state().resetRun();
    expect(workers(state().scenario.nodes)).toBe(7);
    history().undo();
    expect(state().scenario).toBe(opened);
    history().undo();
    expect(state().scenario.changes).toEqual([]); // the canvas before the recording was opened
  });

  it('undo of a live edit made after a replayed change goes back to the change, not before it', async () => {
    state().replaceScenario(recording());
    await state().stepRun();
    await state().stepRun();
    state().flushMetrics();
    state().updateNode('client-1', { workload: { mode: 'open', rate: 50 } });
    await drain();
    history().undo();
    await drain();
    expect(rate(state().scenario.nodes)).toBe(90);
    expect(rate(state().runScenario!.changes.at(-1)!.nodes)).toBe(90);
    history().redo();
    await drain();
    expect(rate(state().scenario.nodes)).toBe(50);
  });
});
