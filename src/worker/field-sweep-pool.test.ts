import { expose, wrap } from 'comlink';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import { oneServer } from '../engine/testing/build-scenario';
import { type BackgroundRemote, connectBackgroundPool } from './background-client';
import { createBackgroundService } from './background-service';
import { type FieldSweepPoint, type FieldVariant, fieldSweepPoint, planFieldSweep } from './field-sweep';
import { inProcessBackground } from './testing/in-process-background';

/** Node's MessagePort has the addEventListener/postMessage shape of a Worker; comlink takes it as is. */
type NodePort = Parameters<typeof expose>[1] & Parameters<typeof wrap>[0] & { close(): void };
const ports: NodePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

/** A background service behind a real message channel, as a Worker would hold it. */
function overChannel(): BackgroundRemote {
  const channel = new MessageChannel();
  const [workerSide, pageSide] = [channel.port1 as unknown as NodePort, channel.port2 as unknown as NodePort];
  ports.push(workerSide, pageSide);
  expose(createBackgroundService(), workerSide);
  return wrap<ReturnType<typeof createBackgroundService>>(pageSide);
}

function variants(): FieldVariant[] {
  const plan = planFieldSweep(oneServer({ rate: 150, duration: 20 }), { path: 'nodes.users.workload.rate', from: 50, to: 190, steps: 8 });
  if (!plan.ok) throw new Error(plan.error);
  return plan.variants;
}

/** The point without its wall-clock time, which no two runs share. */
const figures = ({ runMs: _, ...rest }: FieldSweepPoint) => rest;

describe('a field sweep over a pool of workers', () => {
  let sequential: ReturnType<typeof figures>[] = [];
  beforeAll(() => {
    sequential = variants().map((v) => figures(fieldSweepPoint(v.value, runScenario(v.scenario, { seed: 7 }), 0)));
  });

  it('gives each point the same figures as a run in this thread with the same seed, whatever the pool size', async () => {
    for (const size of [1, 3]) {
      const client = connectBackgroundPool(size, () => ({ service: overChannel() }));
      const outcome = await client.fieldSweep(variants(), 7);
      expect(outcome.status).toBe('done');
      expect(outcome.points.map(figures)).toEqual(sequential);
      for (const point of outcome.points) expect(point.runMs).toBeGreaterThan(0);
    }
  });

  it('Cancel stops every worker running a point, hands out no more, and the next sweep runs on fresh workers', async () => {
    const stopped: number[] = [];
    let started = 0;
    const client = connectBackgroundPool(2, (index) => {
      started++;
      // The first two workers never answer, as a run of minutes would not.
      if (started > 2) return { service: inProcessBackground() };
      const never = () => new Promise<never>(() => {});
      return { service: { runBaseline: never, earlyTheories: never, runSweepPoint: never, runFieldPoint: never, runComparison: never }, stop: () => stopped.push(index) };
    });
    const cancel = new AbortController();
    const running = client.fieldSweep(variants(), 7, { signal: cancel.signal });
    await new Promise((resolve) => setTimeout(resolve, 0));
    cancel.abort();
    expect(await running).toEqual({ status: 'cancelled', points: [] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(stopped.sort()).toEqual([0, 1]);
    expect(started).toBe(2);
    const again = await client.fieldSweep(variants().slice(0, 3), 7);
    expect(again.status).toBe('done');
    expect(again.points.map(figures)).toEqual(sequential.slice(0, 3));
    expect(started).toBe(4);
  });
});
