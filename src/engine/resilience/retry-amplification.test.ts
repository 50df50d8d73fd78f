import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { runScenario } from '../simulation';
import { buildScenario } from '../testing/build-scenario';
import type { CallFigures } from '../types';
import { expectedAttempts } from './retry-policy';

/**
 * Retry amplification. The client calls a random balancer with `count`
 * retries; `down` of its `targets` servers are crashed, so each attempt fails
 * (node down, retryable) independently with p = down / targets. Attempts per
 * call must be (1 − p^(r+1)) / (1 − p) within 2 %. About 20,000 calls per
 * case (fixed seed): the standard error of the mean is under 0.5 %.
 */
function callFigures(p: { targets: number; down: number; retries: number }): CallFigures {
  const ids = Array.from({ length: p.targets }, (_, i) => `s${i}`);
  const scenario = buildScenario({
    duration: 100,
    seed: 11,
    nodes: [
      { id: 'client', kind: 'client', workload: { mode: 'open', rate: 200 } },
      { id: 'lb', kind: 'loadBalancer', algorithm: 'random' },
      ...ids.map((id) => ({ id, kind: 'server', workers: 64, serviceTime: { type: 'constant', value: 0.001 } })),
    ] as ScenarioInput['nodes'],
    links: [
      { id: 'in', from: 'client', to: 'lb', latency: 0, call: { retries: { count: p.retries, backoff: 0.01, jitter: true } } },
      ...ids.map((id) => ({ id: `to-${id}`, from: 'lb', to: id, latency: 0 })),
    ],
    faults: ids.slice(0, p.down).map((node) => ({ at: 0, node, action: 'crash' as const })),
  });
  const report = runScenario(scenario, { window: 0 });
  const figures = report.nodes.find((n) => n.id === 'client')?.calls?.[0];
  if (!figures) throw new Error('the client reports no call figures');
  return figures;
}

describe('retry amplification', () => {
  for (const c of [
    { targets: 2, down: 1, retries: 3 },
    { targets: 4, down: 1, retries: 2 },
    { targets: 4, down: 3, retries: 4 },
  ]) {
    const p = c.down / c.targets;
    it(`p = ${p}, ${c.retries} retries: attempts per call = (1 − p^(r+1))/(1 − p) within 2 %`, () => {
      const f = callFigures(c);
      const ended = f.succeeded + f.failed;
      // Attempts of calls still in progress at the end are few (a backoff of 10 ms at 200 calls/s); leave them out.
      const perCall = (f.attempts - f.inProgress * (c.retries + 1)) / ended;
      const expected = expectedAttempts(p, c.retries);
      expect(ended).toBeGreaterThan(19_000);
      expect(Math.abs(perCall - expected) / expected).toBeLessThan(0.02);
      // A retry is counted when it is scheduled: those still in their backoff have not been sent yet.
      expect(f.retries - (f.attempts - f.calls)).toBeGreaterThanOrEqual(0);
      expect(f.retries - (f.attempts - f.calls)).toBeLessThanOrEqual(f.inProgress);
    });
  }
});
