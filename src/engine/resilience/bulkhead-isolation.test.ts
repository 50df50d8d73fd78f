import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { runScenario } from '../simulation';
import { buildScenario } from '../testing/build-scenario';

interface Case {
  rate: number;
  limit: number | null;
  workers: number;
  seed: number;
  /** True: payments takes a million seconds per request, so it never answers within the run. */
  paymentsHangs: boolean;
}

/** users → api, whose workers call payments or catalog (half each, by link weight), with a bulkhead on payments. */
function catalogThroughput(c: Case): number {
  const scenario = buildScenario({
    duration: 60,
    warmup: 10,
    seed: c.seed,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate: c.rate } },
      { id: 'api', kind: 'server', workers: c.workers, serviceTime: { type: 'constant', value: 0.005 } },
      { id: 'payments', kind: 'server', workers: 20, serviceTime: c.paymentsHangs ? { type: 'constant', value: 1e6 } : { type: 'exponential', mean: 0.01 } },
      { id: 'catalog', kind: 'server', workers: 20, serviceTime: { type: 'exponential', mean: 0.01 } },
    ] as ScenarioInput['nodes'],
    links: [
      { id: 'in', from: 'users', to: 'api', latency: 0.001 },
      { id: 'pay', from: 'api', to: 'payments', latency: 0.001, call: { maxConcurrent: c.limit } },
      { id: 'cat', from: 'api', to: 'catalog', latency: 0.001, call: {} },
    ],
  });
  const report = runScenario(scenario, { window: 0 });
  return report.nodes.find((n) => n.id === 'catalog')?.throughput ?? 0;
}

describe('bulkhead isolation', () => {
  it('a dependency that never answers leaves the other dependency’s throughput unchanged, within 3 % (property, 6 runs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 150 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 12, max: 30 }),
        fc.integer({ min: 1, max: 10_000 }),
        (rate, limit, workers, seed) => {
          const healthy = catalogThroughput({ rate, limit, workers, seed, paymentsHangs: false });
          const hanging = catalogThroughput({ rate, limit, workers, seed, paymentsHangs: true });
          // Half the requests go to catalog: about rate / 2 per second either way.
          expect(Math.abs(healthy - rate / 2) / (rate / 2)).toBeLessThan(0.1);
          expect(Math.abs(hanging - healthy) / healthy).toBeLessThan(0.03);
        },
      ),
      { numRuns: 6 },
    );
  });

  it('without the bulkhead the same hanging dependency holds every worker and catalog starves', () => {
    const healthy = catalogThroughput({ rate: 100, limit: null, workers: 20, seed: 5, paymentsHangs: false });
    const hanging = catalogThroughput({ rate: 100, limit: null, workers: 20, seed: 5, paymentsHangs: true });
    expect(healthy).toBeGreaterThan(45);
    expect(hanging).toBeLessThan(1);
  });
});
