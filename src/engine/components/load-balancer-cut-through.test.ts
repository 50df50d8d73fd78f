import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../scenario/schema';
import { createSimulation } from '../simulation';
import { balancedPool, buildScenario } from '../testing/build-scenario';

/**
 * A balancer with one incoming link routes each request as it is sent
 * (cut-through) instead of at an arrival event. That must change nothing a
 * user sees: the twin below has a second, silent client on the balancer, so
 * it takes the scheduled path, and every figure must come out the same.
 */
function withSilentSecondClient(scenario: Scenario): Scenario {
  return buildScenario({
    ...scenario,
    nodes: [...scenario.nodes, { id: 'silent', kind: 'client', workload: { mode: 'open', rate: 1e-9 } }],
    links: [...scenario.links, { id: 'silent-in', from: 'silent', to: 'lb', latency: 0.003 }],
  });
}

function run(scenario: Scenario) {
  const sim = createSimulation(scenario, { window: 1 });
  sim.runUntil(7.25);
  const midRun = sim.snapshot();
  sim.runUntil(scenario.duration);
  return { report: sim.report(), windows: sim.windowsSince(0), midRun };
}

describe('a cut-through load balancer', () => {
  for (const algorithm of ['roundRobin', 'random', 'consistentHash']) {
    it(`gives the figures of a balancer that waits for each arrival (${algorithm})`, () => {
      // Warm-up ends mid-window and links are long, so arrivals decided early straddle both.
      const pool = balancedPool({ rate: 300, servers: 3, serviceMean: 0.008, algorithm, duration: 20, warmup: 2.5, latency: 0.05 });
      const fast = run(pool);
      const slow = run(withSilentSecondClient(pool));
      const lbOf = (r: typeof fast) => r.report.nodes.find((n) => n.id === 'lb')!;

      expect(lbOf(fast)).toEqual(lbOf(slow));
      expect(fast.report.totals).toEqual(slow.report.totals);
      expect(fast.report.nodes).toEqual(slow.report.nodes.slice(0, -1));
      expect(fast.windows.map((w) => w.nodes)).toEqual(slow.windows.map((w) => w.nodes.slice(0, -1)));
      expect(fast.midRun.nodes).toEqual(slow.midRun.nodes.slice(0, -1));
      // And it did save the balancer's arrival events.
      expect(slow.report.events - fast.report.events).toBeGreaterThan(0.9 * lbOf(fast).arrivals);
    });
  }

  it('is not used when the balancer needs the time of arrival (health checks)', () => {
    const active = { interval: 1, timeout: 0.5, healthyThreshold: 2, unhealthyThreshold: 3 };
    const pool = balancedPool({ rate: 100, servers: 2, serviceMean: 0.005, algorithm: 'roundRobin', duration: 5, latency: 0.01, healthCheck: { active } });
    const twin = withSilentSecondClient(pool);
    const fast = run(pool);
    const slow = run(twin);
    // Same events either way: both schedule every arrival at the balancer.
    expect(Math.abs(fast.report.events - slow.report.events)).toBeLessThanOrEqual(2);
  });
});
