import { describe, expect, it } from 'vitest';
import { runScenario } from '../simulation';
import { balancedPool } from '../testing/build-scenario';

const active = { interval: 1, timeout: 0.5, healthyThreshold: 2, unhealthyThreshold: 3 };
/** Three servers (20/s each); server-2 crashes at t = 20 and restarts at t = 50. */
function pool(algorithm: string, healthCheck?: unknown, restart = true, rate = 30) {
  const faults: unknown[] = [{ at: 20, node: 'server-2', action: 'crash' }];
  if (restart) faults.push({ at: 50, node: 'server-2', action: 'restart' });
  return balancedPool({ rate, servers: 3, serviceMean: 0.05, algorithm, duration: 80, latency: 0.001, healthCheck, faults });
}

describe('health checks', () => {
  it('take a crashed server out within interval × unhealthy threshold and bring it back after it restarts', () => {
    const report = runScenario(pool('roundRobin', { active }), { window: 0 });
    const lb = report.nodes.find((n) => n.id === 'lb')!;
    const changes = lb.healthTimeline!.filter((c) => c.target === 'server-2');
    expect(changes.length).toBe(2);
    const [out, back] = changes;
    expect(out!.eligible).toBe(false);
    expect(out!.out).toBe('probes');
    expect(out!.time).toBeGreaterThan(20);
    expect(out!.time).toBeLessThanOrEqual(20 + active.interval * active.unhealthyThreshold + 0.01);
    expect(back!.eligible).toBe(true);
    expect(back!.time).toBeGreaterThan(50);
    expect(back!.time).toBeLessThanOrEqual(50 + active.interval * active.healthyThreshold + 0.01);
    // Once out, nothing but probes reached it: failures are bounded by the detection window.
    expect(report.totals.failures.nodeDown).toBeLessThan(30 * (active.interval * active.unhealthyThreshold) * 0.5);
    expect(lb.probesSent).toBeGreaterThan(200);
  });

  it('without health checks, least connections pours traffic into the crashed server (a sinkhole)', () => {
    const refusedBy = (algorithm: string) => {
      const report = runScenario(pool(algorithm, undefined, false, 40), { window: 0 });
      return report.nodes.find((n) => n.id === 'server-2')!.refused!;
    };
    const sentAfterCrash = 40 * 60;
    // Round robin keeps sending it its third; least connections sees a server that answers
    // (with an error) at once, so it nearly always has the fewest open requests, and gets more.
    const roundRobin = refusedBy('roundRobin');
    const leastConnections = refusedBy('leastConnections');
    expect(Math.abs(roundRobin / sentAfterCrash - 1 / 3)).toBeLessThan(0.03);
    expect(leastConnections).toBeGreaterThan(1.3 * roundRobin);
  });

  it('with active checks, least connections recovers: the crashed server stops receiving users’ requests', () => {
    const report = runScenario(pool('leastConnections', { active }, false), { window: 0 });
    expect(report.totals.failures.nodeDown).toBeLessThan(100);
    const lb = report.nodes.find((n) => n.id === 'lb')!;
    expect(lb.targets!.find((t) => t.id === 'server-2')!.eligible).toBe(false);
  });

  it('passive checks eject after consecutive failures and re-admit after the cool-off', () => {
    const passive = { consecutiveFailures: 5, cooloff: 4 };
    const report = runScenario(pool('roundRobin', { passive }, true), { window: 0 });
    const changes = report.nodes.find((n) => n.id === 'lb')!.healthTimeline!.filter((c) => c.target === 'server-2');
    expect(changes[0]!.out).toBe('ejected');
    expect(changes[0]!.time).toBeGreaterThan(20);
    expect(changes[0]!.time).toBeLessThan(22);
    expect(changes[1]!.eligible).toBe(true);
    expect(changes[1]!.time).toBeCloseTo(changes[0]!.time + passive.cooloff, 6);
  });
});
