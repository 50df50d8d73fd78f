import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { createSimulation, runScenario } from '../simulation';
import { balancedPool, buildScenario } from '../testing/build-scenario';
import { expectClose, REPLICATIONS, replicate } from '../testing/replication';
import type { Report, WindowSample } from '../types';

/** client → lb → two single-worker servers with the given mean service times, no link latency. */
function twoServers(algorithm: string, means: [number, number], rate: number, duration: number, faults: unknown[] = []) {
  return buildScenario({
    duration,
    warmup: 10,
    nodes: [
      { id: 'client', kind: 'client', workload: { mode: 'open', rate } },
      { id: 'lb', kind: 'loadBalancer', algorithm },
      ...means.map((mean, i) => ({ id: `server-${i + 1}`, kind: 'server', workers: 1, serviceTime: { type: 'exponential', mean } })),
    ] as ScenarioInput['nodes'],
    links: [
      { id: 'in', from: 'client', to: 'lb', latency: 0 },
      { id: 'to-1', from: 'lb', to: 'server-1', latency: 0 },
      { id: 'to-2', from: 'lb', to: 'server-2', latency: 0 },
    ],
    faults: faults as ScenarioInput['faults'],
  });
}

const shareOf = (report: Report, target: number) => report.nodes.find((n) => n.id === 'lb')?.targets?.[target]?.share ?? Number.NaN;

/*
 * A fast server (10 ms) and one 3× slower (30 ms), 60 requests/s: capacity
 * 100/s + 33/s. Round robin gives the slow one 30/s, ρ = 0.9 there, against
 * ρ = 0.3 on the fast one; each server sees every other arrival, an E2/M/1
 * queue (W = 12 ms fast, 228 ms slow: a mean of 0.120 s). A balancer that weighs response time ×
 * (open + 1) sends a request to the slow server only when the fast one has
 * about three requests open, so the fast one takes most of the load.
 * 600 s is 36,000 requests per run: the shares of one seed are within a
 * percent or so, far inside the margins below, which catch an algorithm that
 * ignores response time (0.5) or herds everything onto one server (1.0).
 */
describe('least response time with one server 3× slower', () => {
  let lrt: Report;
  let roundRobin: Report;
  beforeAll(() => {
    lrt = runScenario(twoServers('leastResponseTime', [0.01, 0.03], 60, 600), { window: 0 });
    roundRobin = runScenario(twoServers('roundRobin', [0.01, 0.03], 60, 600), { window: 0 });
  });

  it('sends clearly more to the fast server, but not everything', () => {
    expect(shareOf(roundRobin, 0)).toBeCloseTo(0.5, 3);
    expect(shareOf(lrt, 0)).toBeGreaterThan(0.7);
    expect(shareOf(lrt, 0)).toBeLessThan(0.97);
  });

  it('answers faster than round robin, which loads the slow server to ρ = 0.9', () => {
    // Round robin's mean against the E2/M/1 figure of 0.120 s (10% covers one seed at ρ = 0.9).
    expect(Math.abs(roundRobin.totals.latency.mean - 0.12) / 0.12).toBeLessThan(0.1);
    expect(lrt.totals.latency.mean).toBeLessThan(roundRobin.totals.latency.mean / 3);
  });
});

/*
 * Two equal servers (μ = 10/s) at ρ = 0.8: by symmetry each gets half. Twenty
 * seeds of 500 s (8,000 requests each); expectClose allows 5 standard errors
 * of the mean share and insists that standard error be under 1% of 0.5.
 * Since it prefers the server with fewer open requests, it should also beat
 * a random split (two M/M/1 queues at ρ = 0.8, W = 0.5 s) clearly.
 */
describe('least response time with equal servers', () => {
  it('splits evenly, and waits less than a random split', () => {
    const scenario = balancedPool({ rate: 16, servers: 2, serviceMean: 0.1, algorithm: 'leastResponseTime', duration: 500, warmup: 20 });
    const estimate = replicate(scenario, REPLICATIONS, (report) => ({ share: shareOf(report, 0), mean: report.totals.latency.mean }));
    expectClose('share of server-1', estimate.share, 0.5, 0.01);
    expect(estimate.mean.mean).toBeLessThan(0.5 * 0.8);
  });
});

/*
 * Two equal servers (10 ms, 60/s, ρ = 0.3 each). From 100 s to 200 s server-2
 * is slowed 5× (50 ms: alone it would be at ρ = 1.5 with half the load). Its
 * measured response time rises, so its share over that span must fall well
 * under half, and come back after it recovers. The share is read from the
 * servers' served counts in 1-second windows; each span holds about 6,000
 * requests, so a 0.35 threshold leaves a wide margin either way.
 */
describe('least response time when a server slows mid-run', () => {
  const spanShare = (windows: WindowSample[], from: number, to: number) => {
    let one = 0;
    let two = 0;
    for (const w of windows) {
      if (w.start < from || w.start >= to) continue;
      one += w.nodes[2]?.served ?? 0;
      two += w.nodes[3]?.served ?? 0;
    }
    return two / (one + two);
  };
  let windows: WindowSample[];
  beforeAll(() => {
    const faults = [
      { at: 100, node: 'server-2', action: 'slow', factor: 5 },
      { at: 200, node: 'server-2', action: 'recover' },
    ];
    const sim = createSimulation(twoServers('leastResponseTime', [0.01, 0.01], 60, 300, faults));
    sim.runUntil(300);
    windows = sim.windowsSince(0);
  });

  it('takes an even share before, loses share while slowed, and wins it back', () => {
    expect(Math.abs(spanShare(windows, 10, 100) - 0.5)).toBeLessThan(0.05);
    expect(spanShare(windows, 110, 200)).toBeLessThan(0.35);
    expect(Math.abs(spanShare(windows, 210, 300) - 0.5)).toBeLessThan(0.05);
  });
});
