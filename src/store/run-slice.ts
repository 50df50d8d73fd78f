import type { StateCreator, StoreApi } from 'zustand';
import type { TemporalState } from 'zundo';
import { rebaseChanges } from '../scenario/rebase-changes';
import type { FaultAction, GraphChange, Link, Scenario, ScenarioNode } from '../scenario/schema';
import { getSimClient, type SimClient, setSimClient } from '../worker/sim-client';
import type { RunStatus, Speed } from '../worker/protocol';
import { asRunHasIt, inHistoryMove, markShownForRun, stepsOf } from './replay-history';
import type { AppState } from './types';

export interface RunSlice {
  runStatus: RunStatus;
  /** Simulated seconds per wall second; Infinity is "max". */
  speed: Speed;
  /**
   * The scenario the worker is running, with the live edits made so far
   * recorded in its `changes` (what Share and Export carry while a run is
   * loaded), and the faults clicked during the run in its `faults`.
   * Settings such as the seed and duration apply on the next Reset.
   */
  runScenario: Scenario | null;
  /** A live edit or fault was recorded into runScenario since it was loaded. */
  runRecordsLive: boolean;
  /** The recorded changes the loaded run replays (empty once the user edits: the rest of the recording is dropped). */
  replaying: readonly GraphChange[];
  /** Why the last run could not start or stopped (an engine error), for the controls to show. */
  runError: string | null;
  /** The worker itself stopped (crashed, closed or hung): the controls offer Restart. */
  workerStopped: boolean;
  /** Starts a fresh worker and loads the current scenario into it, ready to run; the canvas is untouched. */
  restartWorker(): Promise<void>;
  /** Starts a run (loading the current scenario if none is loaded or the last run finished) or resumes it. */
  startRun(): Promise<void>;
  pauseRun(): Promise<void>;
  /** Advances one metrics window (1 simulated second) and pauses. */
  stepRun(): Promise<void>;
  /** Back to time 0 with the current scenario. */
  resetRun(): Promise<void>;
  /** Another system was opened (an example, New, Import): the run stops and starts over with it, at time 0. */
  discardRun(): Promise<void>;
  setSpeed(speed: Speed): Promise<void>;
  /**
   * Crashes, restarts, slows (service time × factor), recovers or flushes a
   * node in the current run, at the simulated time it has reached.
   * Resolves to null when applied, else a message saying why not.
   */
  /** `replica` (from 1) names one machine of a replicated server; absent, the whole node. */
  injectFault(nodeId: string, action: FaultAction, factor?: number, replica?: number): Promise<string | null>;
}

/** The worker the slice talks to; tests swap it with `setSimClient` from worker/sim-client. */
const client = (): SimClient => getSimClient();

/** Run controls: the store's side of the worker protocol. Status follows the worker's frames. */
export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get, api) => {
  let subscribedTo: SimClient | null = null;
  // Actions run one after another, in the order the user gave them: a Reset
  // pressed just before Run must not load after Run has started.
  let queue: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(action: () => Promise<T>): Promise<T | undefined> => {
    const next = queue.then(action, action);
    queue = next.catch(() => undefined);
    return next.catch(failed);
  };

  /**
   * The worker stopped (its script failed to load, it crashed, closed or
   * hung): say so beside the controls, and let Restart or the next action
   * start a fresh worker.
   */
  const failed = (error: unknown): undefined => {
    set({ runError: error instanceof Error ? error.message : String(error), runStatus: 'idle', runScenario: null, workerStopped: true });
    setSimClient(null);
    subscribedTo = null;
    return undefined;
  };

  /** Subscribes once per client: one callback carries every frame. */
  const connect = async (): Promise<SimClient> => {
    const sim = client();
    if (subscribedTo !== sim) {
      subscribedTo = sim;
      // Heard at once, not at the next click; a stop of a worker already replaced is old news.
      sim.onStop((error) => {
        if (subscribedTo === sim) failed(error);
      });
      await sim.subscribe((frame) => get().applyFrame(frame));
      await sim.setSpeed(get().speed);
    }
    return sim;
  };

  /**
   * Loads the current scenario into the worker; false (with the message shown) when it cannot run.
   * A canvas still showing a replayed recording (no edit since) loads the recording again, from its start.
   */
  const load = async (sim: SimClient): Promise<boolean> => {
    const recording = get().runScenario;
    const replay = followedCanvas !== null && get().scenario === followedCanvas && recording !== null;
    const scenario = replay ? recording : get().scenario;
    const result = await sim.load(scenario);
    if (!result.ok) {
      set({ runError: result.error ?? 'The scenario cannot run.', runStatus: 'idle' });
      return false;
    }
    get().startMetrics(
      result.epoch,
      result.nodeIds,
      scenario.links.map((l) => l.id),
      scenario.links.map((l) => ({ from: l.from, to: l.to })),
    );
    if (replay) showOnCanvas(scenario);
    sentGraph = graphKey(scenario.nodes, scenario.links);
    shownChange = null;
    followedCanvas = null;
    stepsBeforeRun = stepsOf(temporalApi()?.getState(), get().scenario);
    set({ runScenario: scenario, runRecordsLive: false, replaying: scenario.changes, runError: null, runStatus: 'idle', workerStopped: false });
    return true;
  };

  /** Puts `next` on the canvas for the run's sake: not an edit, so neither sent back to the worker nor an undo step. */
  const showOnCanvas = (next: Scenario) => {
    sentGraph = graphKey(next.nodes, next.links);
    markShownForRun(get().scenario, next);
    untracked(() => set({ scenario: next }));
  };
  const temporalApi = () => (api as { temporal?: StoreApi<TemporalState<Pick<AppState, 'scenario'>>> }).temporal;
  const untracked = (change: () => void) => {
    const temporal = temporalApi()?.getState();
    temporal?.pause();
    change();
    temporal?.resume();
  };

  /**
   * The undo steps made before the run loaded: one holding a recording comes
   * back during the run as the recording has it now (replay-history.ts), so
   * the run keeps a replayed change when the user takes back their edit.
   */
  let stepsBeforeRun = new WeakSet<Scenario>();
  /** An undo or redo during a run to a step from before it that holds a recording: true when it was put back as the run has it. */
  const restoreAsRunHasIt = (next: Scenario): boolean => {
    const { runStatus, simTime } = get();
    if (next.changes.length === 0 || !inHistoryMove() || !stepsBeforeRun.has(next)) return false;
    if (runStatus !== 'running' && runStatus !== 'paused') return false;
    const carried = asRunHasIt(next, simTime);
    // Not tracked: the undo or redo under way is the step. Set anew, so followEdit sends it to the run as a live edit.
    untracked(() => set({ scenario: carried }));
    return true;
  };

  /**
   * A replayed recording reached one of its changes: the canvas shows the
   * graph in force (its `changes` cleared: it is the system as it is now,
   * and the recording stays in runScenario for Share), so an edit starts
   * from what runs. The user's own live edits are already on the canvas.
   */
  let shownChange: GraphChange | null = null;
  let followedCanvas: Scenario | null = null;
  const followRecording = () => {
    const { runScenario: run, runStatus, simTime } = get();
    if (run === null || run.changes.length === 0 || runStatus === 'idle') return;
    const inForce = run.changes.filter((change) => change.at <= simTime).at(-1);
    if (inForce === undefined || inForce === shownChange) return;
    shownChange = inForce;
    followedCanvas = { ...get().scenario, nodes: inForce.nodes, links: inForce.links, changes: [] };
    showOnCanvas(followedCanvas);
  };

  /**
   * A graph edit during a running or paused run goes to the worker, which
   * applies it at the simulated time it has reached; the change it answers
   * is recorded in runScenario.changes, so the run replays exactly.
   */
  let sentGraph = '';
  const followEdit = (scenario: Scenario) => {
    const { runScenario, runStatus } = get();
    if (runScenario === null || (runStatus !== 'running' && runStatus !== 'paused')) return;
    const graph = graphKey(scenario.nodes, scenario.links);
    if (graph === sentGraph) return;
    sentGraph = graph;
    void inOrder(async () => {
      const sim = await connect();
      const answer = await sim.applyChange(scenario.nodes, scenario.links);
      const running = get().runScenario;
      if (!answer.ok) {
        set({ runError: answer.error });
        return;
      }
      get().applyLayout(answer.layout);
      if (running) {
        // A recorded change still due later was dropped by the worker: the live edit overrides it.
        const kept = running.changes.filter((c) => c.at <= answer.change.at);
        shownChange = answer.change;
        set({ runScenario: { ...running, changes: [...kept, answer.change] }, runRecordsLive: true, replaying: [], runError: null });
      }
      // The canvas is the system as it is now, no longer the start of the recording it opened with.
      const canvas = get().scenario;
      if (canvas.changes.length > 0) showOnCanvas({ ...canvas, changes: [] });
    });
  };
  /**
   * An edit made before a run (or after Reset) on a canvas that holds a
   * recording: its changes are carried over the edit (scenario/rebase-changes.ts),
   * so a recorded whole graph does not undo it at its time. Part of the
   * same edit, so no undo step of its own.
   */
  const rebaseRecording = (next: Scenario, previous: Scenario) => {
    const { runStatus } = get();
    if (runStatus === 'running' || runStatus === 'paused') return;
    if (previous.changes.length === 0 || next.changes !== previous.changes) return;
    if (next.nodes === previous.nodes && next.links === previous.links) return;
    showOnCanvas({ ...next, changes: rebaseChanges(previous, next, previous.changes) });
  };
  api.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario) {
      // The scenario it set instead comes through here in turn.
      if (restoreAsRunHasIt(state.scenario)) return;
      rebaseRecording(state.scenario, previous.scenario);
      followEdit(state.scenario);
    }
    if (state.simTime !== previous.simTime || state.runStatus !== previous.runStatus) followRecording();
  });

  /** A run needs (re)loading when nothing ran yet, the run ended, or it is at time 0 with an edited scenario. */
  const needsLoad = (): boolean => {
    const { runScenario, runStatus, scenario } = get();
    return runScenario === null || runStatus === 'finished' || (runStatus === 'idle' && runScenario !== scenario);
  };

  return {
    runStatus: 'idle',
    speed: 1,
    runScenario: null,
    runRecordsLive: false,
    replaying: [],
    runError: null,
    workerStopped: false,

    restartWorker: () =>
      inOrder(async () => {
        if (subscribedTo) return;
        await load(await connect());
      }),

    startRun: () =>
      inOrder(async () => {
        const sim = await connect();
        if (needsLoad() && !(await load(sim))) return;
        set({ runStatus: 'running' });
        set({ runStatus: await sim.run() });
      }),

    pauseRun: () =>
      inOrder(async () => {
        if (get().runStatus !== 'running') return;
        const sim = await connect();
        set({ runStatus: await sim.pause() });
      }),

    stepRun: () =>
      inOrder(async () => {
        const sim = await connect();
        if (needsLoad() && !(await load(sim))) return;
        set({ runStatus: await sim.step() });
      }),

    resetRun: () =>
      inOrder(async () => {
        await load(await connect());
      }),

    discardRun: () =>
      inOrder(async () => {
        if (get().runScenario === null) return;
        const sim = await connect();
        await sim.pause();
        await load(sim);
      }),

    setSpeed: (speed) => {
      set({ speed });
      return inOrder(async () => {
        if (subscribedTo) await subscribedTo.setSpeed(speed);
      });
    },

    injectFault: async (nodeId, action, factor, replica) => {
      const answer = await inOrder(async () => {
        if (get().runStatus === 'idle') return 'Start the run first: faults apply to a running simulation.';
        const sim = await connect();
        const result = await sim.injectFault(nodeId, action, factor, replica);
        if (!result.ok) return result.error;
        const running = get().runScenario;
        if (running) {
          // Appended, then sorted stably: after every fault due at or before it, as the engine applied it.
          const faults = [...running.faults, result.fault].sort((a, b) => a.at - b.at);
          set({ runScenario: { ...running, faults }, runRecordsLive: true });
        }
        return null;
      });
      // undefined: the worker stopped, and runError says why.
      return answer === undefined ? (get().runError ?? 'The simulation stopped.') : answer;
    },
  };
};

/** The graph as the engine sees it: positions and labels left out, so moving or renaming a node is not a live edit. */
function graphKey(nodes: readonly ScenarioNode[], links: readonly Link[]): string {
  return JSON.stringify([nodes.map(({ position: _p, label: _l, ...settings }) => settings), links]);
}

/**
 * What Share and Export carry: while a run with live edits or faults is
 * loaded, the run as recorded (its start, its changes and faults), so the
 * link replays it; otherwise the scenario on the canvas.
 */
export function scenarioToShare(state: Pick<RunSlice, 'runScenario' | 'runRecordsLive'> & { scenario: Scenario }): Scenario {
  const run = state.runScenario;
  return run && (run.changes.length > 0 || state.runRecordsLive) ? run : state.scenario;
}

/**
 * While a run replays a recording, which of its edits is in force, as the
 * controls say it ("replay: edit 1 of 2"); '' otherwise.
 */
export function replayNote(state: Pick<RunSlice, 'replaying' | 'runStatus'> & { simTime: number }): string {
  const { replaying, runStatus, simTime } = state;
  if (replaying.length === 0 || runStatus === 'idle') return '';
  const inForce = replaying.filter((change) => change.at <= simTime).length;
  return `replay: edit ${inForce} of ${replaying.length}`;
}

/** True when the run's seed, duration, warm-up or hop limit differ from the canvas': those apply on the next Reset. */
export function settingsAwaitReset(state: Pick<RunSlice, 'runScenario'> & { scenario: Scenario }): boolean {
  const run = state.runScenario;
  const now = state.scenario;
  return run !== null && (run.seed !== now.seed || run.duration !== now.duration || run.warmup !== now.warmup || run.hopLimit !== now.hopLimit);
}
