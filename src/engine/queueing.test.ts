import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import type { Distribution, Scenario, ScenarioInput } from '../scenario/schema';
import { createSimulation, runScenario } from './index';
import type { NodeReport, Report } from './types';

/*
 * The engine against queueing theory's closed forms.
 *
 * Statistical checks run independent replications (seeds 1000, 1001, …) and
 * compare the mean over replications with the exact value, allowing 5
 * standard errors of that mean (SE = sample sd / √replications). With 20
 * replications the t-distribution has 19 degrees of freedom and
 * P(|t| > 5) ≈ 1e-4, so a correct engine passes for almost any seed, while a
 * real bug (a wrong worker count, a wait measured from the wrong instant,
 * warm-up leaking into the figures) misses by many standard errors. Each
 * check also requires the standard error itself to be small, so a noisy run
 * cannot pass by widening its own tolerance.
 *
 * Time is in units of the mean service time (μ = 1) unless said otherwise.
 * Warm-ups are over ten relaxation times of the queue (for M/M/1 at ρ = 0.8
 * that time is about 1/(μ(1 − √ρ)²) ≈ 90), so the empty start is forgotten.
 *
 * Sample-path laws (Little's law, the response-time law) need no statistics:
 * they hold on every run up to the requests cut by the edges of the measured
 * window, and their tolerances are stated from that.
 */

/** Validates a scenario as a file would be, with defaults filled in. */
function build(input: Omit<ScenarioInput, 'version'>): Scenario {
  const parsed = parseScenario({ version: 1, ...input });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** A client sending Poisson arrivals straight to one station with no link latency. */
function singleQueue(opts: { rate: number; workers: number; service: Distribution; requests: number; warmup: number }): Scenario {
  return build({
    name: 'single queue',
    duration: opts.warmup + opts.requests / opts.rate,
    warmup: opts.warmup,
    nodes: [
      { id: 'client', kind: 'client', workload: { mode: 'open', rate: opts.rate } },
      { id: 'station', kind: 'server', workers: opts.workers, serviceTime: opts.service },
    ],
    links: [{ id: 'client-station', from: 'client', to: 'station', latency: 0 }],
  });
}

interface Estimate {
  mean: number;
  /** Standard error of the mean over replications. */
  se: number;
}

/** Runs independent seeds and estimates each statistic's mean and standard error. */
function replicate<K extends string>(
  scenario: Scenario,
  replications: number,
  stats: (report: Report) => Record<K, number>,
): Record<K, Estimate> {
  const runs = Array.from({ length: replications }, (_, i) => stats(runScenario(scenario, { seed: 1000 + i, window: 0 })));
  const out = {} as Record<K, Estimate>;
  for (const key of Object.keys(runs[0] as object) as K[]) {
    const values = runs.map((run) => run[key]);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
    out[key] = { mean, se: Math.sqrt(variance / values.length) };
  }
  return out;
}

/**
 * Within 5 standard errors (plus `resolution` × exact, for the histogram's
 * three significant digits) of the exact value; and the standard error under
 * `maxRelativeSe` of the value, so the tolerance stays tight.
 */
function expectClose(name: string, estimate: Estimate, exact: number, maxRelativeSe: number, resolution = 0): void {
  const tolerance = 5 * estimate.se + resolution * Math.abs(exact);
  const detail = `${name}: estimate ${estimate.mean} ± ${estimate.se} (se), exact ${exact}`;
  expect(estimate.se, `${detail}: standard error too large`).toBeLessThanOrEqual(maxRelativeSe * Math.abs(exact));
  expect(Math.abs(estimate.mean - exact), detail).toBeLessThanOrEqual(tolerance);
}

function station(report: Report): NodeReport {
  return report.nodes.find((n) => n.id === 'station') as NodeReport;
}

/** Enough for the standard error itself to be estimated within about 16%. */
const REPLICATIONS = 20;

/** The histogram keeps three significant digits: a percentile may sit 0.1% off. */
const HISTOGRAM_RESOLUTION = 0.001;

/** Probability that an arrival waits in M/M/c with offered load a = λ/μ (Erlang's C formula). */
function erlangC(c: number, a: number): number {
  let term = 1;
  let below = 0;
  for (let k = 0; k < c; k++) {
    below += term;
    term *= a / (k + 1);
  }
  const waiting = term / (1 - a / c);
  return waiting / (below + waiting);
}

describe('M/M/1 at ρ = 0.8 (λ = 0.8, μ = 1), 20 × 100,000 requests', () => {
  const lambda = 0.8;
  const mu = 1;
  const rho = lambda / mu;
  const scenario = singleQueue({
    rate: lambda,
    workers: 1,
    service: { type: 'exponential', mean: 1 / mu },
    requests: 100_000,
    warmup: 1000,
  });

  it('matches mean response, mean wait, P(wait), utilization and p95 of response', () => {
    const est = replicate(scenario, REPLICATIONS, (r) => ({
      response: r.totals.latency.mean,
      wait: station(r).meanWait,
      waitProbability: station(r).waitProbability,
      utilization: station(r).utilization,
      p95: r.totals.latency.p95,
      throughput: station(r).throughput,
    }));
    // Relative sd of one 1M-request run, over 10 seeds: response 0.6%, P(wait) 0.11%,
    // p95 0.8%; the mean of 20 × 100k has about √0.5 of that. The guards allow about 2.5×.
    expectClose('mean response 1/(μ−λ)', est.response, 1 / (mu - lambda), 0.012);
    expectClose('mean wait ρ/(μ−λ)', est.wait, rho / (mu - lambda), 0.015);
    expectClose('P(wait) = ρ', est.waitProbability, rho, 0.003);
    expectClose('utilization = ρ', est.utilization, rho, 0.003);
    // Response time is exponential with rate μ−λ, so its p95 is −ln(0.05)/(μ−λ).
    expectClose('p95 of response −ln(0.05)/(μ−λ)', est.p95, -Math.log(0.05) / (mu - lambda), 0.015, HISTOGRAM_RESOLUTION);
    expectClose('throughput = λ', est.throughput, lambda, 0.003);
  });
});

describe('M/M/4 at ρ = 0.8 (λ = 3.2, μ = 1), 20 × 60,000 requests', () => {
  const c = 4;
  const lambda = 3.2;
  const mu = 1;
  const scenario = singleQueue({
    rate: lambda,
    workers: c,
    service: { type: 'exponential', mean: 1 / mu },
    requests: 60_000,
    warmup: 500,
  });

  it('matches Erlang C: P(wait) = C, mean wait C/(cμ−λ), mean response C/(cμ−λ) + 1/μ', () => {
    const C = erlangC(c, lambda / mu);
    // By hand: (a⁴/4!)/(1−ρ) = 21.845, Σ_{k<4} aᵏ/k! = 14.781, C = 21.845 / 36.627.
    expect(C).toBeCloseTo(0.59643, 4);
    const est = replicate(scenario, REPLICATIONS, (r) => ({
      wait: station(r).meanWait,
      waitProbability: station(r).waitProbability,
      response: station(r).latency.mean,
      utilization: station(r).utilization,
    }));
    // Relative sd of one 1M-request run, over 10 seeds: wait 1.0%, P(wait) 0.27%, response 0.43%,
    // about the SE of the mean of 20 × 60k. The guards allow about 2.5×.
    expectClose('mean wait (Erlang C)', est.wait, C / (c * mu - lambda), 0.025);
    expectClose('P(wait) (Erlang C)', est.waitProbability, C, 0.006);
    expectClose('mean response', est.response, C / (c * mu - lambda) + 1 / mu, 0.01);
    expectClose('utilization = λ/(cμ)', est.utilization, lambda / (c * mu), 0.003);
  });
});

describe('M/D/1 at ρ = 0.8 (λ = 0.8, service exactly 1), 20 × 60,000 requests', () => {
  const lambda = 0.8;
  const scenario = singleQueue({
    rate: lambda,
    workers: 1,
    service: { type: 'constant', value: 1 },
    requests: 60_000,
    warmup: 1000,
  });

  it('matches Pollaczek–Khinchine: mean wait ρ/(2μ(1−ρ)), half that of M/M/1', () => {
    const rho = lambda;
    const est = replicate(scenario, REPLICATIONS, (r) => ({
      wait: station(r).meanWait,
      response: r.totals.latency.mean,
      waitProbability: station(r).waitProbability,
    }));
    // Relative sd of one 1M-request run, over 10 seeds: wait 0.8%, P(wait) 0.13%; the guards allow about 3×.
    expectClose('mean wait ρ/(2μ(1−ρ))', est.wait, rho / (2 * (1 - rho)), 0.025);
    expectClose('mean response', est.response, rho / (2 * (1 - rho)) + 1, 0.015);
    expectClose('P(wait) = ρ', est.waitProbability, rho, 0.004);
  });
});

describe('M/G/1 with log-normal service (mean 1, cv 1.5) at ρ = 0.7, 20 × 60,000 requests', () => {
  const lambda = 0.7;
  const cv = 1.5;
  const scenario = singleQueue({
    rate: lambda,
    workers: 1,
    service: { type: 'lognormal', mean: 1, cv },
    requests: 60_000,
    warmup: 1000,
  });

  it('matches Pollaczek–Khinchine with the second moment: mean wait λE[S²]/(2(1−ρ))', () => {
    // E[S²] = mean²(1 + cv²): a service-time variance the engine ignored would give the M/M/1 figure instead.
    const secondMoment = 1 + cv * cv;
    const est = replicate(scenario, REPLICATIONS, (r) => ({ wait: station(r).meanWait }));
    expectClose('mean wait (P–K)', est.wait, (lambda * secondMoment) / (2 * (1 - lambda)), 0.03);
  });
});

describe("Little's law on client → load balancer → 3 servers → database", () => {
  const rate = 150;
  const warmup = 100;
  const duration = 1100;
  const links = { clientToBalancer: 0.02, balancerToServer: 0.0005, serverToDatabase: 0.001 };
  const servers = ['app-1', 'app-2', 'app-3'];
  const scenario = build({
    name: 'web tier',
    duration,
    warmup,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate }, writeRatio: 0.25 },
      { id: 'lb', kind: 'loadBalancer' },
      ...servers.map((id) => ({
        id,
        kind: 'server' as const,
        workers: 2,
        serviceTime: { type: 'lognormal' as const, mean: 0.024, cv: 1 },
      })),
      {
        id: 'db',
        kind: 'database',
        workers: 2,
        readTime: { type: 'exponential', mean: 0.004 },
        writeTime: { type: 'exponential', mean: 0.008 },
      },
    ],
    links: [
      { id: 'users-lb', from: 'users', to: 'lb', latency: links.clientToBalancer },
      ...servers.map((id) => ({ id: `lb-${id}`, from: 'lb', to: id, latency: links.balancerToServer })),
      ...servers.map((id) => ({ id: `${id}-db`, from: id, to: 'db', latency: links.serverToDatabase })),
    ],
  });
  const roundTrip = 2 * (links.clientToBalancer + links.balancerToServer + links.serverToDatabase);

  it('holds for each node, for the links and for the whole system (≈150,000 requests)', () => {
    const sim = createSimulation(scenario, { seed: 7, window: 0 });
    sim.runUntil(warmup);
    // Time-average of requests in flight, exactly: the count is constant between events.
    let inFlight = sim.snapshot().inFlight;
    let last = sim.now;
    let area = 0;
    while (sim.peek() <= duration) {
      sim.step();
      area += inFlight * (sim.now - last);
      last = sim.now;
      inFlight = sim.snapshot().inFlight;
    }
    area += inFlight * (duration - last);
    sim.runUntil(duration);
    const report = sim.report();
    expect(report.totals.failed).toBe(0);

    // Little's law is a sample-path identity: L and λW differ only by the
    // requests in the node when measurement starts and ends, a few out of
    // ~150,000, so a 1% tolerance is loose for the law and tight for a bug
    // (counting the warm-up, or only the queue, shifts a figure by far more).
    const stations = report.nodes.filter((n) => n.kind === 'server' || n.kind === 'database');
    expect(stations).toHaveLength(4);
    for (const node of stations) {
      expect(node.meanInSystem, `${node.id}: L = ${node.meanInSystem}, λW = ${node.throughput * node.latency.mean}`).toBeGreaterThan(0);
      expect(Math.abs(node.meanInSystem - node.throughput * node.latency.mean) / node.meanInSystem, node.id).toBeLessThan(0.01);
    }
    // Round robin splits the load evenly, and every request visits the database.
    const db = stations.find((n) => n.id === 'db') as NodeReport;
    for (const node of stations) if (node !== db) expect(Math.abs(node.throughput - rate / 3) / (rate / 3)).toBeLessThan(0.02);
    expect(Math.abs(db.throughput - rate) / rate).toBeLessThan(0.02);

    // The whole system: time-averaged in flight = throughput × end-to-end mean latency.
    const systemL = area / (duration - warmup);
    const X = report.totals.throughput;
    const W = report.totals.latency.mean;
    expect(Math.abs(systemL - X * W) / systemL).toBeLessThan(0.01);

    // The parts add up: in flight = in the nodes + on the links, where each
    // request spends the round trip on links (Little's law for the links).
    const inNodes = stations.reduce((sum, n) => sum + n.meanInSystem, 0);
    expect(Math.abs(systemL - (inNodes + X * roundTrip)) / systemL).toBeLessThan(0.01);

    // End-to-end latency = the links' round trip + the server's time + the database's time.
    const servedByServers = stations.filter((n) => n !== db).reduce((sum, n) => sum + n.throughput, 0);
    const serverTime = stations.filter((n) => n !== db).reduce((sum, n) => sum + n.throughput * n.latency.mean, 0) / servedByServers;
    expect(Math.abs(W - (roundTrip + serverTime + db.latency.mean)) / W).toBeLessThan(0.005);
  });
});

describe("Little's law at a load balancer that spends CPU on each request", () => {
  /*
   * A balancer with an overhead (or TLS termination) has workers and a
   * waiting line, and reports them like a station. Here 1,000 requests/s on
   * 2 workers at 1.5 ms each keep it 75% busy: about 1.5 requests are in
   * service on average and, as in M/D/2, many wait.
   */
  it('reports its requests in system, its latency and its wait, consistently with L = λW', () => {
    const overhead = 0.0015;
    const workers = 2;
    const scenario = build({
      name: 'busy balancer',
      duration: 220,
      warmup: 20,
      nodes: [
        { id: 'users', kind: 'client', workload: { mode: 'open', rate: 1000 } },
        { id: 'lb', kind: 'loadBalancer', overhead, workers },
        { id: 'app', kind: 'server', workers: 4, serviceTime: { type: 'exponential', mean: 0.002 } },
      ],
      links: [
        { id: 'users-lb', from: 'users', to: 'lb', latency: 0.001 },
        { id: 'lb-app', from: 'lb', to: 'app', latency: 0.001 },
      ],
    });
    const report = runScenario(scenario, { seed: 11, window: 0 });
    const lb = report.nodes.find((n) => n.id === 'lb') as NodeReport;
    const app = report.nodes.find((n) => n.id === 'app') as NodeReport;
    expect(Math.abs(lb.utilization - 0.75)).toBeLessThan(0.01);
    // In service alone there are utilization × workers requests; waiting ones come on top.
    expect(lb.meanInSystem).toBeGreaterThanOrEqual(lb.utilization * workers);
    expect(lb.latency.mean).toBeGreaterThanOrEqual(overhead);
    expect(lb.waitProbability).toBeGreaterThan(0);
    expect(Math.abs(lb.meanInSystem - lb.throughput * lb.latency.mean) / lb.meanInSystem).toBeLessThan(0.01);
    // End to end = links both ways + the balancer's time + the server's time.
    const expected = 2 * (0.001 + 0.001) + lb.latency.mean + app.latency.mean;
    expect(Math.abs(report.totals.latency.mean - expected) / expected).toBeLessThan(0.005);
  });
});

describe('closed loop: the interactive response-time law R = N/X − Z', () => {
  function closedLoop(users: number, think: Distribution, workers: number, serviceMean: number, duration: number): Scenario {
    return build({
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
