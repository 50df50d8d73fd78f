import { expose, wrap } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { oneServer } from '../engine/testing/build-scenario';
import { type BackgroundRemote, connectBackgroundPool } from './background-client';
import { createBackgroundService } from './background-service';
import type { SweepPoint } from './protocol';
import { sweepVariants } from './sweep';
import { exampleScenario } from './testing/example-run';
import { inProcessBackground } from './testing/in-process-background';
import { WorkerFailedError } from './worker-failure';

/** Node's MessagePort has the addEventListener/postMessage shape of a Worker; comlink takes it as is. */
type NodePort = Parameters<typeof expose>[1] & Parameters<typeof wrap>[0] & { close(): void };

const system = () => oneServer({ rate: 100, duration: 10 });

const ports: NodePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

/** A background service behind a real message channel, as a Worker would hold it. */
function overChannel(): BackgroundRemote {
  const channel = new MessageChannel();
  const workerSide = channel.port1 as unknown as NodePort;
  const pageSide = channel.port2 as unknown as NodePort;
  ports.push(workerSide, pageSide);
  expose(createBackgroundService(), workerSide);
  return wrap<ReturnType<typeof createBackgroundService>>(pageSide);
}

/** `remote`, counting the sweep points it is handed. */
function counting(remote: BackgroundRemote, count: () => void): BackgroundRemote {
  return {
    runBaseline: (scenario, seed) => remote.runBaseline(scenario, seed),
    earlyTheories: (scenario, seed) => remote.earlyTheories(scenario, seed),
    runSweepPoint: (variant, seed) => {
      count();
      return remote.runSweepPoint(variant, seed);
    },
    runFieldPoint: (scenario, value, seed) => remote.runFieldPoint(scenario, value, seed),
    runComparison: (scenario, seed) => remote.runComparison(scenario, seed),
  };
}

describe('background client over a real message channel', () => {
  it('answers a baseline and the early theory, and a job that cannot run rejects with its reason', async () => {
    const client = connectBackgroundPool(1, () => ({ service: overChannel() }));
    const scenario = exampleScenario('cache-aside-zipf', 3);
    expect(await client.runBaseline(scenario, scenario.seed)).toHaveLength(3);
    const theories = await client.earlyTheories(scenario, scenario.seed);
    expect(theories.filter((t) => t !== null)).toHaveLength(1);
    await expect(client.runBaseline({ ...scenario, nodes: [] }, 1)).rejects.toThrow();
  });

  it('spreads a sweep over every worker of the pool and keeps the points in the variants’ order', async () => {
    const ran: number[] = [];
    const client = connectBackgroundPool(2, (index) => ({ service: counting(overChannel(), () => ran.push(index)) }));
    const variants = sweepVariants(system(), 'app', 4);
    const heard: number[] = [];
    const outcome = await client.sweep(variants, 1, { onPoint: (_p, _i, done) => heard.push(done) });
    expect(outcome.status).toBe('done');
    expect(outcome.points.map((p) => p.label)).toEqual(variants.map((v) => v.label));
    expect(heard).toEqual(variants.map((_v, i) => i + 1));
    expect(new Set(ran)).toEqual(new Set([0, 1]));
  });
});

describe('background client sweeps', () => {
  it('stops handing out points when cancelled, and ends at once as cancelled with the points it has', async () => {
    let handedOut = 0;
    const client = connectBackgroundPool(1, () => ({ service: counting(inProcessBackground(), () => handedOut++) }));
    const stop = new AbortController();
    const seen: SweepPoint[] = [];
    const outcome = await client.sweep(sweepVariants(system(), 'app', 4), 1, {
      signal: stop.signal,
      onPoint: (point) => {
        seen.push(point);
        stop.abort();
      },
    });
    expect(outcome).toEqual({ status: 'cancelled', points: seen });
    expect(seen).toHaveLength(1);
    // Of ten points, none was handed out after the cancel.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handedOut).toBe(1);
  });

  it('ends as failed with the reason when its worker stops, and the next job gets a fresh worker', async () => {
    let started = 0;
    const client = connectBackgroundPool(1, () => {
      started++;
      if (started > 1) return { service: inProcessBackground() };
      // A worker that takes the job and dies before it answers.
      const failed = Promise.reject(new WorkerFailedError('A background worker stopped (out of memory). Try again: a fresh one will start.'));
      failed.catch(() => undefined);
      const never = () => new Promise<never>(() => {});
      return { service: { runBaseline: never, earlyTheories: never, runSweepPoint: never, runFieldPoint: never, runComparison: never }, failed };
    });
    const outcome = await client.sweep(sweepVariants(system(), 'app', 2), 1);
    expect(outcome).toMatchObject({ status: 'failed', points: [], error: expect.stringContaining('out of memory') });
    const again = await client.sweep(sweepVariants(system(), 'app', 2).slice(0, 2), 1);
    expect(again.status).toBe('done');
    expect(started).toBe(2);
  });

  it('refuses nothing and runs nothing for an empty sweep', async () => {
    const client = connectBackgroundPool(1, () => ({ service: inProcessBackground() }));
    expect(await client.sweep([], 1)).toEqual({ status: 'done', points: [] });
  });
});
