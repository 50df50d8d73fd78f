import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import { INSTANCE_SIZES } from '../scenario/instance-sizes';
import { parseScenario } from '../scenario/parse';
import { createSimService } from './sim-service';
import type { SweepPoint } from './protocol';
import { runSweep, sweepVariants } from './sweep';

/** 150 requests/s at one server of 2 workers taking 10 ms: busy 75 % with one replica. */
function system() {
  const parsed = parseScenario({
    version: 1,
    duration: 40,
    warmup: 5,
    nodes: [
      { id: 'users', kind: 'client', position: { x: 0, y: 0 }, workload: { mode: 'open', rate: 150 } },
      { id: 'app', kind: 'server', position: { x: 0, y: 0 }, workers: 2, serviceTime: { type: 'exponential', mean: 0.01 }, costPerHour: 0.1 },
    ],
    links: [{ id: 'l', from: 'users', to: 'app', latency: 0 }],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

describe('cost against latency sweep', () => {
  it('offers replicas 1..N, then every instance size, leaving the rest of the scenario alone', () => {
    const variants = sweepVariants(system(), 'app', 3);
    expect(variants.map((v) => v.label)).toEqual(['×1', '×2', '×3', ...INSTANCE_SIZES.map((s) => s.name)]);
    const app = variants[2]?.scenario.nodes.find((n) => n.id === 'app');
    expect(app).toMatchObject({ replicas: 3, workers: 2 });
    expect(sweepVariants(system(), 'users', 3)).toEqual([]);
  });

  it('scaling out costs more per hour and lowers p99, reporting progress after every run', async () => {
    const progress: number[] = [];
    const points = await runSweep(sweepVariants(system(), 'app', 3).slice(0, 3), runScenario, (done) => progress.push(done), async () => {});
    expect(progress).toEqual([1, 2, 3]);
    const costs = points.map((p) => p.costPerHour);
    expect(costs[0]).toBeCloseTo(0.1);
    expect(costs[2]).toBeCloseTo(0.3);
    const p99s = points.map((p) => p.p99);
    expect(p99s[1]).toBeLessThan(p99s[0] ?? 0);
    // Every variant serves the offered load: throughput stays near 150/s.
    for (const p of points) expect(p.throughput).toBeGreaterThan(135);
  });

  it('runs in the worker’s service with progress, and refuses a node that is not a server', async () => {
    const service = createSimService();
    const seen: SweepPoint[] = [];
    const answer = await service.sweep(system(), 'app', 1, (_done, _total, point) => seen.push(point));
    expect(answer.ok).toBe(true);
    expect(seen).toHaveLength(1 + INSTANCE_SIZES.length);
    expect(await service.sweep(system(), 'users', 2, () => {})).toMatchObject({ ok: false });
  });
});
