import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../simulation';
import { balancedPool } from '../testing/build-scenario';
import type { Report } from '../types';

/**
 * Two identical servers (μ = 10/s) behind one balancer at ρ = 0.8 (λ = 16/s),
 * 800,000 requests each after a warm-up. Theory:
 * - random split: each server is an independent M/M/1 with λ = 8, so W = 1/(μ − λ) = 0.5 s;
 * - round robin: each server sees Erlang-2 arrivals, an E2/M/1 queue: σ solves
 *   σ = (16 / (16 + 10(1 − σ)))², σ ≈ 0.740, W = 1/(μ(1 − σ)) ≈ 0.384 s;
 * - least connections joins the shorter queue, close to M/M/2 (W ≈ 0.278 s).
 * At ρ = 0.8 the batch-means standard error of W with 800,000 requests is
 * about 0.5%; the 3% tolerance is 6 of them and still catches a wrong split.
 */
const base = { rate: 16, servers: 2, serviceMean: 0.1, duration: 50_000, warmup: 500 };

function solveE2M1Sigma(): number {
  let sigma = 0.5;
  for (let i = 0; i < 200; i++) sigma = (16 / (16 + 10 * (1 - sigma))) ** 2;
  return sigma;
}

describe('balancing two servers at ρ = 0.8', () => {
  // Run once, when the tests run rather than while Vitest collects them, and
  // shared by the tests below. Hooks time out after 10 s by default, so this
  // one gets the 60 s a test has.
  let random: Report;
  let roundRobin: Report;
  let leastConnections: Report;
  beforeAll(() => {
    random = runScenario(balancedPool({ ...base, algorithm: 'random' }), { window: 0 });
    roundRobin = runScenario(balancedPool({ ...base, algorithm: 'roundRobin' }), { window: 0 });
    leastConnections = runScenario(balancedPool({ ...base, algorithm: 'leastConnections' }), { window: 0 });
  }, 60_000);

  it('a random split matches two independent M/M/1 queues', () => {
    expect(Math.abs(random.totals.latency.mean - 0.5) / 0.5).toBeLessThan(0.03);
  });

  it('round robin matches the E2/M/1 queue', () => {
    const expected = 1 / (10 * (1 - solveE2M1Sigma()));
    expect(expected).toBeCloseTo(0.384, 2);
    expect(Math.abs(roundRobin.totals.latency.mean - expected) / expected).toBeLessThan(0.03);
  });

  it('least connections < round robin < random in mean latency', () => {
    expect(leastConnections.totals.latency.mean).toBeLessThan(roundRobin.totals.latency.mean);
    expect(roundRobin.totals.latency.mean).toBeLessThan(random.totals.latency.mean);
    // Joining the shorter queue comes near the pooled M/M/2 (0.278 s) and cannot beat it.
    expect(leastConnections.totals.latency.mean).toBeGreaterThan(0.278 * 0.97);
    expect(leastConnections.totals.latency.mean).toBeLessThan(0.33);
  });
});
