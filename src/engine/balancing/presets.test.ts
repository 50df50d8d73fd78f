import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../scenario/load-balancer-presets';
import { parseScenario } from '../../scenario/parse';
import { SCENARIO_VERSION } from '../../scenario/schema';
import { runScenario } from '../simulation';

/** 400/s through a balancer of 2 cores, to two fast servers; written at this version (older files keep overhead 0). */
function behind(balancer: Record<string, unknown>) {
  const parsed = parseScenario({
    version: SCENARIO_VERSION,
    duration: 200,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate: 400 } },
      { id: 'lb', kind: 'loadBalancer', workers: 2, ...balancer },
      { id: 'a', kind: 'server', workers: 8, serviceTime: { type: 'constant', value: 0.001 } },
      { id: 'b', kind: 'server', workers: 8, serviceTime: { type: 'constant', value: 0.001 } },
    ],
    links: [
      { id: 'in', from: 'users', to: 'lb', latency: 0 },
      { id: 'to-a', from: 'lb', to: 'a', latency: 0 },
      { id: 'to-b', from: 'lb', to: 'b', latency: 0 },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

describe('load-balancer presets drive the engine', () => {
  it("a balancer whose overhead is left empty spends its preset's typical figure on every request", () => {
    // AWS ALB: 1 ms a request on 2 cores at 400/s is ρ = 0.2 (±3 %: ~80,000 requests).
    const report = runScenario(behind({ preset: 'awsAlb' }), { window: 0 });
    const lb = report.nodes.find((n) => n.id === 'lb')!;
    expect(PRESETS.awsAlb.overhead).toBe(0.001);
    expect(Math.abs(lb.utilization - 0.2) / 0.2).toBeLessThan(0.03);
    // Constant service: the end-to-end latency is the overhead, its queueing, and the server's 1 ms.
    expect(report.totals.latency.p50).toBeGreaterThanOrEqual(0.002 - 1e-6);
  });

  it('an overhead written in the file wins over the preset, and Custom costs nothing', () => {
    const written = runScenario(behind({ preset: 'awsAlb', overhead: 0.0005 }), { window: 0 });
    expect(Math.abs(written.nodes.find((n) => n.id === 'lb')!.utilization - 0.1) / 0.1).toBeLessThan(0.03);
    const custom = runScenario(behind({}), { window: 0 });
    expect(custom.nodes.find((n) => n.id === 'lb')!.utilization).toBe(0);
    expect(custom.totals.latency.max).toBeCloseTo(0.001, 6);
  });
});
