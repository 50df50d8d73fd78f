/**
 * The page's side of the simulation worker: one Worker, wrapped by comlink,
 * behind a small promise-based interface the store talks to (and tests fake).
 */
import { type Endpoint, proxy, wrap } from 'comlink';
import type { FaultAction, Link, Scenario, ScenarioNode } from '../scenario/schema';
import type { ChangeAnswer, Frame, LoadResult, RunStatus, Speed } from './protocol';
import type { SimService } from './sim-service';
import { failureOf } from './worker-failure';

export { WorkerFailedError } from './worker-failure';

/** What the store needs from the worker. */
export interface SimClient {
  load(scenario: Scenario, seed?: number): Promise<LoadResult>;
  run(): Promise<RunStatus>;
  pause(): Promise<RunStatus>;
  step(): Promise<RunStatus>;
  reset(): Promise<RunStatus>;
  setSpeed(speed: Speed): Promise<void>;
  /** Applies a fault to a node of the running simulation; resolves to null, or why it could not. */
  injectFault(nodeId: string, action: FaultAction, factor?: number): Promise<string | null>;
  /** A live edit: the running simulation takes this graph at the time it has reached (see SimService.applyChange). */
  applyChange(nodes: ScenarioNode[], links: Link[]): Promise<ChangeAnswer>;
  /** Registers the one frame listener (a later call replaces it). */
  subscribe(onFrame: (frame: Frame) => void): Promise<void>;
}

/**
 * Wraps a comlink endpoint (a Worker, or a MessagePort in tests) that exposes
 * the sim service. When `failed` rejects (the worker could not load or
 * crashed), every call waiting on it and every later call rejects with its
 * reason, instead of waiting for an answer that will never come.
 */
export function connectSimService(endpoint: Endpoint, failed?: Promise<never>): SimClient {
  const remote = wrap<SimService>(endpoint);
  const guard = <T>(call: () => Promise<T>): Promise<T> => (failed ? Promise.race([call(), failed]) : call());
  return {
    load: (scenario, seed) => guard(() => remote.load(scenario, seed)),
    run: () => guard(() => remote.run()),
    pause: () => guard(() => remote.pause()),
    step: () => guard(() => remote.step()),
    reset: () => guard(() => remote.reset()),
    setSpeed: (speed) => guard(() => remote.setSpeed(speed)),
    injectFault: (nodeId, action, factor) => guard(() => remote.injectFault(nodeId, action, factor)),
    // comlink maps the answer union member by member; the plain data crosses unchanged.
    applyChange: (nodes, links) => guard(() => remote.applyChange(nodes, links) as unknown as Promise<ChangeAnswer>),
    subscribe: (onFrame) => guard(() => remote.subscribe(proxy(onFrame))),
  };
}

let shared: SimClient | null = null;

/** The page's simulation worker, started on first use. */
export function getSimClient(): SimClient {
  if (!shared) {
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
    shared = connectSimService(worker, failureOf(worker, 'The simulation worker', 'Reload the page to start it again; your work is kept.'));
  }
  return shared;
}

/** Replaces the worker (tests, or a page that wants its own). */
export function setSimClient(client: SimClient | null): void {
  shared = client;
}
