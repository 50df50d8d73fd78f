/**
 * The page's side of the simulation worker: one Worker, wrapped by comlink,
 * behind a small promise-based interface the store talks to (and tests fake),
 * with a heartbeat that notices a worker that stopped without a word.
 */
import { type Endpoint, proxy, wrap } from 'comlink';
import type { FaultAction, Link, Scenario, ScenarioNode } from '../scenario/schema';
import type { ChangeAnswer, FaultAnswer, Frame, LoadResult, RunStatus, Speed } from './protocol';
import type { SimService } from './sim-service';
import { type HeartbeatDeps, startHeartbeat } from './heartbeat';
import { failureOf, WorkerFailedError } from './worker-failure';

export { WorkerFailedError };

/** What the store needs from the worker. */
export interface SimClient {
  load(scenario: Scenario, seed?: number): Promise<LoadResult>;
  run(): Promise<RunStatus>;
  pause(): Promise<RunStatus>;
  step(): Promise<RunStatus>;
  reset(): Promise<RunStatus>;
  setSpeed(speed: Speed): Promise<void>;
  /** Applies a fault to a node of the running simulation; resolves to the fault as recorded, or why it could not. */
  injectFault(nodeId: string, action: FaultAction, factor?: number, replica?: number): Promise<FaultAnswer>;
  /** A live edit: the running simulation takes this graph at the time it has reached (see SimService.applyChange). */
  applyChange(nodes: ScenarioNode[], links: Link[]): Promise<ChangeAnswer>;
  /** Registers the one frame listener (a later call replaces it). */
  subscribe(onFrame: (frame: Frame) => void): Promise<void>;
  /** Calls `listener` once, as soon as the worker stops (a crash, a close, a hang), with what happened. */
  onStop(listener: (error: WorkerFailedError) => void): void;
}

/** How the page learns that the worker behind a client stopped. */
export interface SimConnection {
  /** Rejects when the worker reports an error (a script that failed to load, a crash). */
  failed?: Promise<never>;
  /** The watchdog's clock and timer: a worker that stops answering pings has closed or hung. */
  heartbeat?: Omit<HeartbeatDeps, 'ping'>;
  /** Ends the worker for good once it is given up on, so a hung one stops burning a core. */
  terminate?: () => void;
}

/** What the controls say when the worker is given up on; Restart is the way out. */
const RESTART_ADVICE = 'Your scenario is unchanged: press Restart to start a fresh simulation.';

/**
 * Wraps a comlink endpoint (a Worker, or a MessagePort in tests) that exposes
 * the sim service. When the worker stops (its error event, or silence found
 * by the heartbeat), every call waiting on it and every later call rejects
 * with the reason, instead of waiting for an answer that will never come,
 * and the `onStop` listeners hear it at once.
 */
export function connectSimService(endpoint: Endpoint, connection: SimConnection = {}): SimClient {
  const remote = wrap<SimService>(endpoint);
  let rejectStopped: (error: WorkerFailedError) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (rejectStopped = reject));
  // Nobody may be waiting when it stops: keep that from surfacing as an unhandled rejection.
  stopped.catch(() => undefined);
  let reason: WorkerFailedError | null = null;
  const listeners: ((error: WorkerFailedError) => void)[] = [];
  let stopWatch: () => void = () => undefined;

  const stop = (error: WorkerFailedError) => {
    if (reason) return;
    reason = error;
    stopWatch();
    connection.terminate?.();
    rejectStopped(error);
    for (const listener of listeners.splice(0)) listener(error);
  };
  connection.failed?.catch((error: unknown) => stop(error instanceof WorkerFailedError ? error : new WorkerFailedError(String(error))));
  if (connection.heartbeat) {
    stopWatch = startHeartbeat({ ...connection.heartbeat, ping: () => remote.ping() }, (silentMs) =>
      stop(
        new WorkerFailedError(
          `The simulation worker stopped answering (no reply for ${(silentMs / 1000).toFixed(1)} s): it closed or hung. ${RESTART_ADVICE}`,
        ),
      ),
    );
  }

  const guard = <T>(call: () => Promise<T>): Promise<T> => Promise.race([call(), stopped]);
  return {
    load: (scenario, seed) => guard(() => remote.load(scenario, seed)),
    run: () => guard(() => remote.run()),
    pause: () => guard(() => remote.pause()),
    step: () => guard(() => remote.step()),
    reset: () => guard(() => remote.reset()),
    setSpeed: (speed) => guard(() => remote.setSpeed(speed)),
    // comlink maps an answer union member by member; the plain data crosses unchanged.
    injectFault: (nodeId, action, factor, replica) => guard(() => remote.injectFault(nodeId, action, factor, replica) as unknown as Promise<FaultAnswer>),
    applyChange: (nodes, links) => guard(() => remote.applyChange(nodes, links) as unknown as Promise<ChangeAnswer>),
    subscribe: (onFrame) => guard(() => remote.subscribe(proxy(onFrame))),
    onStop: (listener) => {
      const stoppedWith = reason;
      if (stoppedWith) queueMicrotask(() => listener(stoppedWith));
      else listeners.push(listener);
    },
  };
}

let shared: SimClient | null = null;

/** The page's simulation worker, started on first use and watched by a heartbeat. */
export function getSimClient(): SimClient {
  if (!shared) {
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
    shared = connectSimService(worker, {
      // A crash is one bad moment; a script that cannot load (a deploy replaced it) stops again at once, and only a reload helps.
      failed: failureOf(worker, 'The simulation worker', `${RESTART_ADVICE} If it stops again at once, reload the page.`),
      heartbeat: {
        clock: () => performance.now(),
        every: (tick, ms) => {
          const handle = setInterval(tick, ms);
          return () => clearInterval(handle);
        },
      },
      terminate: () => worker.terminate(),
    });
  }
  return shared;
}

/** Replaces the worker (tests, or a page that wants its own). */
export function setSimClient(client: SimClient | null): void {
  shared = client;
}
