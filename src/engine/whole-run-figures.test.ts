import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { createSimulation, runScenario } from './simulation';
import { buildScenario } from './testing/build-scenario';

/** M/M/1 at 80 % load with a warm-up, short enough for a unit test. */
const mm1: Scenario = buildScenario({
  duration: 120,
  warmup: 10,
  nodes: [
    { id: 'users', kind: 'client', workload: { mode: 'open', rate: 8 } },
    { id: 'server', kind: 'server', workers: 1, serviceTime: { type: 'exponential', mean: 0.1 } },
  ],
  links: [{ id: 'l', from: 'users', to: 'server', latency: 0 }],
});

describe('whole-run figures in the live snapshot', () => {
  it('are null during warm-up, then equal the report’s figures at the same moment', () => {
    const sim = createSimulation(mm1);
    sim.runUntil(5);
    expect(sim.snapshot().measured).toBeNull();
    for (const t of [30, 77.5, 120]) {
      sim.runUntil(t);
      const { measured, nodes } = sim.snapshot();
      const report = sim.report();
      expect(measured).toEqual({
        from: 10,
        throughput: report.totals.throughput,
        latency: { count: report.totals.latency.count, mean: report.totals.latency.mean, p50: report.totals.latency.p50, p95: report.totals.latency.p95, p99: report.totals.latency.p99 },
      });
      expect(nodes[1]?.utilization).toBe(report.nodes[1]?.utilization);
    }
  });

  it('taking snapshots every frame leaves the report byte for byte as a headless run’s', () => {
    const watched = createSimulation(mm1);
    for (let t = 0.016; t < 120; t += 0.016) {
      watched.runUntil(t);
      watched.snapshot();
    }
    watched.runUntil(120);
    expect(JSON.stringify(watched.report())).toBe(JSON.stringify(runScenario(mm1)));
  });

  it('drops the theory once a fault or a live edit leaves the closed form', () => {
    const faulted = createSimulation(mm1);
    expect(faulted.snapshot().theory?.nodes[0]?.model).toBe('M/M/1');
    faulted.runUntil(20);
    expect(faulted.injectFault('server', 'crash')).toBeNull();
    expect(faulted.snapshot().theory).toBeNull();
    expect(faulted.report().theory).toBeNull();

    const edited = createSimulation(mm1);
    edited.runUntil(20);
    edited.applyChange(mm1.nodes, mm1.links);
    expect(edited.snapshot().theory).toBeNull();
  });
});
