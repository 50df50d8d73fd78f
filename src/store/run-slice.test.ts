import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { starterScenario } from '../scenario/starter';
import { type SimClient, setSimClient, WorkerFailedError } from '../worker/sim-client';
import { createSimService } from '../worker/sim-service';
import { createFakeSimulation } from '../worker/testing/fake-simulation';
import { inProcessClient } from '../worker/testing/in-process-client';
import { type AppStore, createAppStore } from './index';
import type { ParticleDelivery } from './metrics-slice';

let store: AppStore;
const state = () => store.getState();
/** Lets the service's timers and frame acknowledgements run. */
const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until `predicate` holds, polling the store (the run goes on real timers). */
async function until(predicate: () => boolean, timeoutMs = 5000) {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the store');
    await settle(5);
  }
}

beforeEach(() => {
  store = createAppStore({ ...starterScenario(), duration: 20 });
  setSimClient(inProcessClient(createSimService({ createSimulation: (s, o) => createFakeSimulation(s, o) })));
});
afterEach(() => setSimClient(null));

describe('run slice', () => {
  it('says so beside the controls when the worker stops, and starts a fresh one next time', async () => {
    const stopped = () => Promise.reject(new WorkerFailedError('The simulation worker stopped. Press Restart.'));
    const dead = { load: stopped, run: stopped, pause: stopped, step: stopped, reset: stopped, setSpeed: stopped, injectFault: stopped, subscribe: stopped, onStop: () => undefined };
    setSimClient(dead as unknown as SimClient);
    await state().startRun();
    expect(state().runError).toBe('The simulation worker stopped. Press Restart.');
    expect(state().runStatus).toBe('idle');

    setSimClient(inProcessClient(createSimService({ createSimulation: (s, o) => createFakeSimulation(s, o) })));
    await state().stepRun();
    await until(() => state().simTime === 1);
    expect(state().runError).toBeNull();
  });

  it('reports a worker that stopped by itself at once, without waiting for a click', async () => {
    let stop: (error: WorkerFailedError) => void = () => {};
    const watched: SimClient = { ...inProcessClient(createSimService({ createSimulation: (s, o) => createFakeSimulation(s, o) })), onStop: (listener) => (stop = listener) };
    setSimClient(watched);
    await state().setSpeed(1);
    await state().startRun();
    expect(state().runStatus).toBe('running');
    stop(new WorkerFailedError('The simulation worker stopped answering (no reply for 1.5 s): it closed or hung.'));
    expect(state().runError).toMatch(/stopped answering/);
    expect(state().workerStopped).toBe(true);
    expect(state().runStatus).toBe('idle');
  });

  it('Restart brings up a fresh worker with the scenario intact, and Run works after it', async () => {
    let stop: (error: WorkerFailedError) => void = () => {};
    setSimClient({ ...inProcessClient(createSimService({ createSimulation: (s, o) => createFakeSimulation(s, o) })), onStop: (listener) => (stop = listener) });
    await state().stepRun();
    const scenario = state().scenario;
    stop(new WorkerFailedError('The simulation worker stopped (boom).'));
    expect(state().workerStopped).toBe(true);

    setSimClient(inProcessClient(createSimService({ createSimulation: (s, o) => createFakeSimulation(s, o) })));
    await state().restartWorker();
    expect(state()).toMatchObject({ runError: null, workerStopped: false, runStatus: 'idle', simTime: 0 });
    expect(state().scenario).toBe(scenario);
    expect(state().runScenario).toBe(scenario);
    await state().stepRun();
    await until(() => state().simTime === 1);
    await state().resetRun();
    await until(() => state().simTime === 0);
    expect(state().runError).toBeNull();
  });

  it('runs the current scenario to its end at max speed and keeps the report', async () => {
    await state().setSpeed(Number.POSITIVE_INFINITY);
    await state().startRun();
    expect(state().runScenario).toBe(state().scenario);
    await until(() => state().runStatus === 'finished');
    expect(state().simTime).toBe(20);
    expect(state().windows).toHaveLength(20);
    expect(state().report?.totals.completed).toBeGreaterThan(0);
  });

  it('steps one simulated second at a time, paused', async () => {
    await state().stepRun();
    await until(() => state().simTime === 1);
    expect(state().runStatus).toBe('paused');
    await state().stepRun();
    await until(() => state().simTime === 2);
    expect(state().windows.map((w) => w.start)).toEqual([0, 1]);
  });

  it('pauses a running run and resumes it', async () => {
    await state().startRun();
    await until(() => state().simTime > 0.1);
    await state().pauseRun();
    await settle(20);
    expect(state().runStatus).toBe('paused');
    const pausedAt = state().simTime;
    await settle(50);
    expect(state().simTime).toBe(pausedAt);
    await state().startRun();
    await until(() => state().simTime > pausedAt);
    expect(state().runStatus).toBe('running');
    await state().pauseRun();
  });

  it('keeps running the loaded scenario after an edit; reset picks the edit up', async () => {
    await state().stepRun();
    await until(() => state().simTime === 1);
    const loaded = state().runScenario;
    state().updateNode('server-1', { workers: 9 });
    expect(state().runScenario).toBe(loaded);
    await state().resetRun();
    expect(state().runScenario).toBe(state().scenario);
    await until(() => state().simTime === 0 && state().windows.length === 0);
    expect(state().runStatus).toBe('idle');
  });

  it('maps node ids to the engine order and streams particles outside the state', async () => {
    const deliveries: ParticleDelivery[] = [];
    state().particles.subscribe((d) => deliveries.push(d));
    await state().stepRun();
    await until(() => deliveries.length > 0);
    expect(state().nodeIndex['server-2']).toBe(3);
    expect(state().linkIds[0]).toBe('link-1');
    expect(deliveries[0]!.simTo).toBe(1);
    expect(deliveries[0]!.batch.link.length).toBeGreaterThan(0);
  });

  it('shows why a scenario cannot run', async () => {
    store.setState({ scenario: { ...state().scenario, warmup: 100 } });
    await state().startRun();
    expect(state().runStatus).toBe('idle');
    expect(state().runError).toMatch(/warm-up/);
  });
});

describe('fault injection from the store', () => {
  it('asks to start first, then passes the fault to the worker', async () => {
    expect(await state().injectFault('server-1', 'crash')).toMatch(/Start the run/);
    await state().stepRun();
    await until(() => state().simTime === 1);
    expect(await state().injectFault('server-1', 'slow', 3)).toBeNull();
  });
});

describe('action order', () => {
  it('keeps the order of actions given without waiting: Reset then Run runs', async () => {
    // Answers take a macrotask, as from a real worker; the first subscription takes longest.
    const service = createSimService({ createSimulation: (s, o) => createFakeSimulation(s, o) });
    const direct = inProcessClient(service);
    const later = <T>(value: () => T, ms = 1) => new Promise<T>((resolve) => setTimeout(() => resolve(value()), ms));
    setSimClient({
      ...direct,
      subscribe: (onFrame) => later(() => service.subscribe(onFrame), 20),
      load: (scenario, seed) => later(() => service.load(scenario, seed)),
      run: () => later(() => service.run()),
      setSpeed: (speed) => later(() => service.setSpeed(speed)),
    });
    void state().resetRun();
    void state().setSpeed(Number.POSITIVE_INFINITY);
    await state().startRun();
    await until(() => state().runStatus === 'finished');
    // Nothing queued earlier may land afterwards and undo the run.
    await settle(60);
    expect(state().runStatus).toBe('finished');
    expect(state().simTime).toBe(20);
  });
});
