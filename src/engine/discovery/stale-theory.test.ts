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

/** Mean stale-endpoint failures over SEEDS runs (each seed another age for the copies), and whether the registry counted each. */
function meanStale(mode: 'clientSide' | 'dns', seeds: number) {
  let total = 0;
  let registryAgrees = true;
  for (let seed = 1; seed <= seeds; seed++) {
    const sim = createSimulation(discoveryScenario({ mode, resolvers: 8, ttl: TTL, rate: RATE, instances: INSTANCES, duration: LEAVE_AT + TTL + 0.5, seed }));
    sim.runUntil(LEAVE_AT);
    scaleIn(sim, API, 2);
    sim.runUntil(LEAVE_AT + TTL + 0.5);
    const report = sim.report();
    const failures = report.totals.failures.staleEndpoint;
    const registry = report.nodes[1];
    if (registry?.kind !== 'registry' || registry.registry.staleCalls !== failures) registryAgrees = false;
    total += failures;
  }
  return { mean: total / seeds, registryAgrees };
}

describe('stale-endpoint failures after a scale-in, one client-side caller', () => {
  let mean = 0;
  let registryAgrees = true;
  beforeAll(() => {
    ({ mean, registryAgrees } = meanStale('clientSide', SEEDS));
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

/*
 * DNS over 8 resolvers: each gets λ/8 of the calls and has its own age, so
 * the sum averages the same λ × (1/n) × T/2, with less spread (8 ages, not
 * one): 200 seeds. Each resolver waits 1/(λ/8) = 40 ms for its first call
 * after an expiry against T = 2 s, which the form neglects (about 2 % low).
 */
describe('stale-endpoint failures after a scale-in, DNS over 8 resolvers', () => {
  let mean = 0;
  beforeAll(() => {
    ({ mean } = meanStale('dns', 200));
  });

  it('average the same λ × (1/n) × T/2 summed over the resolvers, within 8 %', () => {
    expect(Math.abs(mean - expectedStaleCalls(RATE, INSTANCES, TTL)) / 50).toBeLessThan(0.08);
  });
});
