import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { erlangC, md1MeanResponse, mmcMeanResponse, mmcResponseSurvival, systemTheory } from './queueing-theory';
import { runScenario } from './simulation';
import { balancedPool, buildScenario } from './testing/build-scenario';
import type { Report } from './types';

/** A scenario from scenarios/, parsed as the app parses it. */
function example(name: string): Scenario {
  const parsed = parseScenarioJson(readFileSync(join(import.meta.dirname, '../../scenarios', name), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** Client → one server, as in the examples, with overrides for the parts a test varies. */
function direct(client: Record<string, unknown> = {}, server: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Scenario {
  return buildScenario({
    duration: 10,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate: 8 }, ...client },
      { id: 'server', kind: 'server', workers: 1, serviceTime: { type: 'exponential', mean: 0.1 }, ...server },
    ],
    links: [{ id: 'l', from: 'users', to: 'server', latency: 0 }],
    ...extra,
  });
}

describe('closed forms (the textbook values queueing.test.ts checks the engine against)', () => {
  it('M/M/1 at λ = 8, μ = 10: mean 1/(μ−λ) = 0.5 s, response time exponential with rate μ − λ', () => {
    expect(mmcMeanResponse(8, 10, 1)).toBeCloseTo(0.5, 12);
    for (const t of [0.1, 0.5, 2]) expect(mmcResponseSurvival(8, 10, 1, t)).toBeCloseTo(Math.exp(-2 * t), 12);
  });

  it('M/M/4 at ρ = 0.8 (λ = 32, μ = 10): P(wait) 0.596, mean wait 75 ms, mean response 175 ms', () => {
    expect(erlangC(4, 3.2)).toBeCloseTo(0.5964, 4);
    expect(mmcMeanResponse(32, 10, 4)).toBeCloseTo(0.1 + 0.5964 / 8, 4);
  });

  it('M/D/1 at ρ = 0.8: mean wait ρD/(2(1−ρ)) = 0.2 s, mean response 0.3 s', () => {
    expect(md1MeanResponse(8, 0.1)).toBeCloseTo(0.3, 12);
  });
});

describe('systemTheory', () => {
  it('gives M/M/1 percentiles exactly: p = −ln(1 − q)/(μ − λ)', () => {
    const theory = systemTheory(example('mm1.json'));
    expect(theory?.nodes).toEqual([{ id: 'server', model: 'M/M/1', arrivalRate: 8, utilization: 0.8, meanResponse: expect.closeTo(0.5, 12) }]);
    expect(theory?.latency.p50).toBeCloseTo(Math.log(2) / 2, 6);
    expect(theory?.latency.p95).toBeCloseTo(Math.log(20) / 2, 6);
    expect(theory?.latency.p99).toBeCloseTo(Math.log(100) / 2, 6);
  });

  it('names M/M/c and M/D/1, with only the mean for M/D/1', () => {
    expect(systemTheory(example('mmc.json'))?.nodes[0]).toMatchObject({ model: 'M/M/c', utilization: expect.closeTo(0.8, 12) });
    const md1 = systemTheory(example('md1.json'));
    expect(md1?.nodes[0]?.model).toBe('M/D/1');
    expect(md1?.latency).toEqual({ mean: expect.closeTo(0.3, 12) });
  });

  it('adds the links’ latency both ways to the client’s response time', () => {
    const theory = systemTheory(direct({}, {}, { links: [{ id: 'l', from: 'users', to: 'server', latency: 0.01 }] }));
    expect(theory?.latency.mean).toBeCloseTo(0.52, 12);
    expect(theory?.latency.p99).toBeCloseTo(0.02 + Math.log(100) / 2, 6);
  });

  it('splits Poisson arrivals evenly behind a random balancer: each server an M/M/1 at its share', () => {
    const theory = systemTheory(balancedPool({ rate: 16, servers: 2, serviceMean: 0.1, algorithm: 'random', duration: 10 }));
    expect(theory?.nodes.map((n) => [n.id, n.arrivalRate, n.utilization])).toEqual([
      ['server-1', 8, expect.closeTo(0.8, 12)],
      ['server-2', 8, expect.closeTo(0.8, 12)],
    ]);
    expect(theory?.latency.mean).toBeCloseTo(0.5, 12);
  });

  it.each([
    ['a closed loop', direct({ workload: { mode: 'closed', users: 10, thinkTime: { type: 'constant', value: 1 } } })],
    ['retries', direct({ retries: { count: 2, backoff: 0.1, jitter: true } })],
    ['a timeout', direct({ timeout: 1 })],
    ['a bounded queue', direct({}, { queueCapacity: 10 })],
    ['a saturated server', direct({}, { serviceTime: { type: 'exponential', mean: 0.2 } })],
    ['lognormal service', direct({}, { serviceTime: { type: 'lognormal', mean: 0.1, cv: 1 } })],
    ['constant service on two workers', direct({}, { workers: 2, serviceTime: { type: 'constant', value: 0.1 } })],
    ['replicas', direct({}, { replicas: 2 })],
    ['a fault', direct({}, {}, { faults: [{ at: 5, node: 'server', action: 'crash' }] })],
    ['a round-robin balancer', balancedPool({ rate: 16, servers: 2, serviceMean: 0.1, algorithm: 'roundRobin', duration: 10 })],
  ])('has no closed form with %s', (_name, scenario) => {
    expect(systemTheory(scenario)).toBeNull();
  });

  it('has no closed form with a cache in front of the server', () => {
    const scenario = buildScenario({
      duration: 10,
      nodes: [
        { id: 'users', kind: 'client', workload: { mode: 'open', rate: 8 } },
        { id: 'cache', kind: 'cache' },
        { id: 'server', kind: 'server', workers: 1, serviceTime: { type: 'exponential', mean: 0.1 } },
      ],
      links: [
        { id: 'a', from: 'users', to: 'cache', latency: 0 },
        { id: 'b', from: 'cache', to: 'server', latency: 0 },
      ],
    });
    expect(systemTheory(scenario)).toBeNull();
  });
});

/*
 * The examples' whole-run figures against the theory the engine reports.
 * One run each (3,540 measured seconds: 28,000 to 113,000 requests), so the
 * tolerances are about three standard errors of a run that long.
 */
describe('the examples measure what their theory says', () => {
  const reports: Record<string, Report> = {};
  beforeAll(() => {
    for (const name of ['mm1.json', 'mmc.json', 'md1.json']) reports[name] = runScenario(example(name), { window: 0 });
  });

  it.each([
    ['mm1.json', 0.12],
    ['mmc.json', 0.05],
    ['md1.json', 0.06],
  ])('%s: utilization within 3 %% and mean response within %s of theory', (name, meanTolerance) => {
    const report = reports[name] as Report;
    const theory = report.theory;
    if (!theory) throw new Error(`${name}: the engine reported no theory`);
    const server = report.nodes.find((n) => n.id === 'server');
    expect(Math.abs((server?.utilization ?? 0) - (theory.nodes[0]?.utilization ?? 0))).toBeLessThan(0.03);
    expect(Math.abs(report.totals.latency.mean - theory.latency.mean) / theory.latency.mean).toBeLessThan(meanTolerance);
  });

  it.each(['mm1.json', 'mmc.json'])('%s: p95 and p99 within 15 %% of the exact response-time distribution', (name) => {
    const report = reports[name] as Report;
    const latency = report.theory?.latency;
    expect(Math.abs(report.totals.latency.p95 - (latency?.p95 ?? 0)) / (latency?.p95 ?? 1)).toBeLessThan(0.15);
    expect(Math.abs(report.totals.latency.p99 - (latency?.p99 ?? 0)) / (latency?.p99 ?? 1)).toBeLessThan(0.15);
  });
});
