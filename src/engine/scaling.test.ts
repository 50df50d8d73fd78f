import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenario/schema';
import { runScenario } from './simulation';
import { buildScenario } from './testing/build-scenario';

function service(options: { rate: number; replicas?: number; speed?: number; workers?: number; algorithm?: string }) {
  return buildScenario({
    duration: 20_000,
    warmup: 200,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate: options.rate } },
      { id: 'lb', kind: 'loadBalancer', algorithm: options.algorithm ?? 'random' },
      {
        id: 'api',
        kind: 'server',
        workers: options.workers ?? 1,
        serviceTime: { type: 'exponential', mean: 0.1 },
        replicas: options.replicas ?? 1,
        speed: options.speed ?? 1,
        costPerHour: 0.25,
      },
    ] as ScenarioInput['nodes'],
    links: [
      { id: 'in', from: 'users', to: 'lb', latency: 0 },
      { id: 'out', from: 'lb', to: 'api', latency: 0 },
    ],
  });
}

describe('scaling out and up', () => {
  it('a balancer sees each replica as a target, and a random split over replicas is independent M/M/1 queues', () => {
    // λ = 24/s over 3 replicas of μ = 10/s: each is an M/M/1 at λ = 8, W = 1/(10 − 8) = 0.5 s (±3%: ~130,000 requests a replica).
    const report = runScenario(service({ rate: 24, replicas: 3 }), { window: 0 });
    const lb = report.nodes.find((n) => n.id === 'lb')!;
    expect(lb.targets!.map((t) => t.id)).toEqual(['api #1', 'api #2', 'api #3']);
    for (const t of lb.targets!) expect(Math.abs(t.share - 1 / 3)).toBeLessThan(0.01);
    const api = report.nodes.find((n) => n.id === 'api')!;
    expect(Math.abs(api.latency.mean - 0.5) / 0.5).toBeLessThan(0.03);
    expect(api.utilization).toBeCloseTo(0.8, 1);
    expect(api.costPerHour).toBeCloseTo(0.75, 10);
    expect(report.totals.costPerHour).toBeCloseTo(0.75, 10);
  });

  it('scaling up: twice the per-core speed halves service and utilization', () => {
    const base = runScenario(service({ rate: 5 }), { window: 0 }).nodes.find((n) => n.id === 'api')!;
    const fast = runScenario(service({ rate: 5, speed: 2 }), { window: 0 }).nodes.find((n) => n.id === 'api')!;
    expect(fast.utilization / base.utilization).toBeCloseTo(0.5, 1);
    // M/M/1: W = 1/(μ − λ): 1/(10 − 5) = 0.2 s at speed 1, 1/(20 − 5) ≈ 0.067 s at speed 2.
    expect(Math.abs(base.latency.mean - 0.2) / 0.2).toBeLessThan(0.04);
    expect(Math.abs(fast.latency.mean - 1 / 15) / (1 / 15)).toBeLessThan(0.04);
  });

  it('one queue per replica is worse than one shared queue with the same workers (M/M/1 × 2 vs M/M/2)', () => {
    const outReplicas = runScenario(service({ rate: 16, replicas: 2 }), { window: 0 });
    const upWorkers = runScenario(service({ rate: 16, workers: 2 }), { window: 0 });
    // 0.5 s (two M/M/1 at ρ 0.8) against M/M/2 at ρ 0.8: 0.278 s.
    expect(outReplicas.totals.latency.mean).toBeGreaterThan(upWorkers.totals.latency.mean * 1.6);
  });
});
