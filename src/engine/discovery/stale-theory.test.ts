import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { API, discoveryScenario, scaleIn } from './discovery-fixture';
import { expectedStaleCalls } from './stale-theory';

/*
 * One client, a steady 200 calls/s over 4 instances, a 2 s client-side TTL;
 * one instance leaves at 1 s. Each seed gives the copy another age, so the
 * mean of the stale-endpoint failures over 400 seeds estimates
 * λ × (1/n) × T/2 = 200 × 1/4 × 1 = 50. One run's count is (λ/n)·R plus
 * Poisson noise with R uniform on [0, T]: a standard deviation near 30,
 * so the mean of 400 has one near 1.5 (3 %); the tolerance is 8 %.
 */

const RATE = 200;
const INSTANCES = 4;
const TTL = 2;
const LEAVE_AT = 1;
const SEEDS = 400;

describe('stale-endpoint failures after a scale-in, one client-side caller', () => {
  let mean = 0;
  let registryAgrees = true;
  beforeAll(() => {
    let total = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const sim = createSimulation(discoveryScenario({ mode: 'clientSide', ttl: TTL, rate: RATE, instances: INSTANCES, duration: LEAVE_AT + TTL + 0.5, seed }));
      sim.runUntil(LEAVE_AT);
      scaleIn(sim, API, 2);
      sim.runUntil(LEAVE_AT + TTL + 0.5);
      const report = sim.report();
      const failures = report.totals.failures.staleEndpoint;
      const registry = report.nodes[1];
      if (registry?.kind !== 'registry' || registry.registry.staleCalls !== failures) registryAgrees = false;
      total += failures;
    }
    mean = total / SEEDS;
  });

  it('average λ × (share of the departed instance) × (expected residual of the TTL), within 8 %', () => {
    const expected = expectedStaleCalls(RATE, INSTANCES, TTL);
    expect(expected).toBe(50);
    expect(Math.abs(mean - expected) / expected).toBeLessThan(0.08);
  });

  it('are the calls the registry counts as sent to an instance it no longer listed', () => {
    expect(registryAgrees).toBe(true);
  });
});
