import type { StateCreator } from 'zustand';
import type { FaultAction, Scenario } from '../scenario/schema';
import { getSimClient, type SimClient, setSimClient } from '../worker/client';
import type { RunStatus, Speed } from '../worker/protocol';
import type { AppState } from './types';

export interface RunSlice {
  runStatus: RunStatus;
  /** Simulated seconds per wall second; Infinity is "max". */
  speed: Speed;
  /** The scenario the worker is running. Edits made since apply on the next Reset or Run after the end. */
  runScenario: Scenario | null;
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
  /** Back to time 0 with the current scenario: this is how edits reach a run. */
  resetRun(): Promise<void>;
  setSpeed(speed: Speed): Promise<void>;
  /**
   * Crashes, restarts, slows (service time × factor), recovers or flushes a
   * node in the current run, at the simulated time it has reached.
   * Resolves to null when applied, else a message saying why not.
   */
  injectFault(nodeId: string, action: FaultAction, factor?: number): Promise<string | null>;
}

/** The worker the slice talks to; tests swap it with `setSimClient` from worker/client. */
const client = (): SimClient => getSimClient();

/** Run controls: the store's side of the worker protocol. Status follows the worker's frames. */
export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => {
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

  /** Loads the current scenario into the worker; false (with the message shown) when it cannot run. */
  const load = async (sim: SimClient): Promise<boolean> => {
    const scenario = get().scenario;
    const result = await sim.load(scenario);
    if (!result.ok) {
      set({ runError: result.error ?? 'The scenario cannot run.', runStatus: 'idle' });
      return false;
    }
    get().startMetrics(result.epoch, result.nodeIds, scenario.links.map((l) => l.id));
    set({ runScenario: scenario, runError: null, runStatus: 'idle', workerStopped: false });
    return true;
  };

  /** A run needs (re)loading when nothing ran yet, the run ended, or it is at time 0 with an edited scenario. */
  const needsLoad = (): boolean => {
    const { runScenario, runStatus, scenario } = get();
    return runScenario === null || runStatus === 'finished' || (runStatus === 'idle' && runScenario !== scenario);
  };

  return {
    runStatus: 'idle',
    speed: 1,
    runScenario: null,
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

    setSpeed: (speed) => {
      set({ speed });
      return inOrder(async () => {
        if (subscribedTo) await subscribedTo.setSpeed(speed);
      });
    },

    injectFault: async (nodeId, action, factor) => {
      const answer = await inOrder(async () => {
        if (get().runStatus === 'idle') return 'Start the run first: faults apply to a running simulation.';
        const sim = await connect();
        return sim.injectFault(nodeId, action, factor);
      });
      // undefined: the worker stopped, and runError says why.
      return answer === undefined ? (get().runError ?? 'The simulation stopped.') : answer;
    },
  };
};
