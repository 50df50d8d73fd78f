import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import { oneServer } from '../engine/testing/build-scenario';
import { type FieldSweepPoint, fieldSweepPoint, planFieldSweep } from '../worker/field-sweep';
import { sweepCsv } from './format-sweep';
import { poolSpeedup, sweepInThreads } from './thread-sweep';

const figures = ({ runMs: _, ...rest }: FieldSweepPoint) => rest;

describe('the headless sweep on worker threads', () => {
  it('gives every point the figures of a run in this thread with the same seed', async () => {
    const plan = planFieldSweep(oneServer({ rate: 150, duration: 10 }), { path: 'nodes.app.workers', from: 1, to: 4, steps: 4 });
    if (!plan.ok) throw new Error(plan.error);
    const result = await sweepInThreads(plan.variants, 3, 2);
    const sequential = plan.variants.map((v) => figures(fieldSweepPoint(v.value, runScenario(v.scenario, { seed: 3 }), 0)));
    expect(result.points.map(figures)).toEqual(sequential);
    expect(result.workers).toBe(2);
    const { speedup, efficiency } = poolSpeedup(result);
    expect(speedup).toBeGreaterThan(0);
    expect(efficiency).toBeLessThanOrEqual(1.5);
    expect(sweepCsv(result.points).split('\n')[0]).toBe('value,throughput,p99,meanLatency,failedRatio,hitRatio,speedup,runMs');
  }, 60_000);
});
