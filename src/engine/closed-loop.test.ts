import { describe, expect, it } from 'vitest';
import type { Distribution, Scenario } from '../scenario/schema';
import { runScenario } from './index';
import { buildScenario } from './testing/build-scenario';
import { expectClose, REPLICATIONS, replicate } from './testing/replication';
import type { NodeReport } from './types';

/*
 * A closed loop (users who think, then send, one request at a time) against
 * the interactive response-time law R = N/X − Z, a sample-path law whose
 * tolerances come from the edges of the measured window, and against exact
 * mean value analysis, checked statistically over replications.
 */

describe('closed loop: the interactive response-time law R = N/X − Z', () => {
  function closedLoop(users: number, think: Distribution, workers: number, serviceMean: number, duration: number): Scenario {
    return buildScenario({
      name: 'closed loop',
      duration,
      warmup: 100,
      nodes: [
        { id: 'users', kind: 'client', workload: { mode: 'closed', users, thinkTime: think } },
        { id: 'station', kind: 'server', workers, serviceTime: { type: 'exponential', mean: serviceMean } },
      ],
      links: [{ id: 'users-station', from: 'users', to: 'station', latency: 0 }],
    });
  }

  it('holds for 60 users with a constant 1 s think time (≈550,000 requests)', () => {
    const N = 60;
    const Z = 1;
    const report = runScenario(closedLoop(N, { type: 'constant', value: Z }, 4, 0.05, 10_000), { seed: 3, window: 0 });
    const X = report.totals.throughput;
    const R = report.totals.latency.mean;
    // With a constant Z the law is an identity but for the cycles cut by the
    // window's two edges, about N·(Z+R) of N·T user-seconds; with T = 9,900 s that
    // moves N/X − Z by ~(Z+R)²/T ≈ 1e-4 s, 0.2% of R. Allow 1% of R.
    expect(R).toBeGreaterThan(0.05);
    expect(Math.abs(N / X - Z - R) / R).toBeLessThan(0.01);
  });

  it('holds when 200 users saturate the server, and throughput meets the bound c/S = 80/s', () => {
    const N = 200;
    const Z = 1;
    const T = 2000 - 100;
    const report = runScenario(closedLoop(N, { type: 'exponential', mean: Z }, 4, 0.05, 2000), { seed: 4, window: 0 });
    const X = report.totals.throughput;
    const R = report.totals.latency.mean;
    // With random think times the law holds for the realised mean think time Z̄,
    // whose standard error over X·T cycles is Z/√(X·T) ≈ 0.0025 s. Allow 5 of
    // those plus the edge term (Z+R)²/T.
    const tolerance = (5 * Z) / Math.sqrt(X * T) + (Z + R) ** 2 / T;
    expect(Math.abs(N / X - Z - R)).toBeLessThan(tolerance);
    // Saturated: the server is never idle, so X is 4 workers / 0.05 s, within
    // 5 standard errors of the mean service time over X·T services.
    const station = report.nodes[1] as NodeReport;
    expect(station.utilization).toBeGreaterThan(0.999);
    expect(Math.abs(X - 80)).toBeLessThan((5 * 80) / Math.sqrt(80 * T));
    // And the asymptotic bound R ≥ N/Xmax − Z is met.
    expect(R).toBeGreaterThan(N / 80 - Z - tolerance);
  });

  it('matches exact mean value analysis for 10 users and one exponential server', () => {
    const N = 10;
    const Z = 1;
    const S = 0.1;
    // MVA for a delay station (think) and one FCFS exponential server:
    // R(n) = S(1 + Q(n−1)), X(n) = n/(R(n) + Z), Q(n) = X(n)·R(n).
    let R = 0;
    let X = 0;
    let Q = 0;
    for (let n = 1; n <= N; n++) {
      R = S * (1 + Q);
      X = n / (R + Z);
      Q = X * R;
    }
    const est = replicate(closedLoop(N, { type: 'exponential', mean: Z }, 1, S, 1100), REPLICATIONS, (r) => ({
      response: r.totals.latency.mean,
      throughput: r.totals.throughput,
    }));
    expectClose('MVA response time', est.response, R, 0.01);
    expectClose('MVA throughput', est.throughput, X, 0.004);
  });
});
