import { describe, expect, it } from 'vitest';
import type { Distribution, Scenario } from '../scenario/schema';
import { erlangC } from './queueing-theory';
import { buildScenario } from './testing/build-scenario';
import { expectClose, REPLICATIONS, replicate } from './testing/replication';
import type { NodeReport, Report } from './types';

/*
 * The engine against queueing theory's closed forms for single queues.
 *
 * Statistical checks run independent replications and allow 5 standard
 * errors of the mean; testing/replication.ts says why that is tight enough.
 *
 * Time is in units of the mean service time (μ = 1) unless said otherwise.
 * Warm-ups are over ten relaxation times of the queue (for M/M/1 at ρ = 0.8
 * that time is about 1/(μ(1 − √ρ)²) ≈ 90), so the empty start is forgotten.
 *
 * Little's law is in littles-law.test.ts, the closed loop's response-time law
 * and mean value analysis in closed-loop.test.ts.
 */

/** A client sending Poisson arrivals straight to one station with no link latency. */
function singleQueue(opts: { rate: number; workers: number; service: Distribution; requests: number; warmup: number }): Scenario {
  return buildScenario({
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

/** The report of the node with id "station". */
function station(report: Report): NodeReport {
  return report.nodes.find((n) => n.id === 'station') as NodeReport;
}

/** The histogram keeps three significant digits: a percentile may sit 0.1% off. */
const HISTOGRAM_RESOLUTION = 0.001;

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
