import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { runScenario } from './index';
import type { NodeReport, NodeReportOf, Report } from './types';

/* The gateway examples' write-ups, sentence by sentence, against their headless runs (seed 1). */

const dir = join(import.meta.dirname, '../../scenarios');
function load(name: string): Scenario {
  const result = parseScenarioJson(readFileSync(join(dir, name), 'utf8'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}
const run = (scenario: Scenario) => runScenario(scenario, { window: 0 });
const node = (report: Report, id: string) => report.nodes.find((n) => n.id === id) as NodeReport;
const gateway = (report: Report, id = 'gateway') => (node(report, id) as NodeReportOf<'gateway'>).gateway;
const busyCores = (report: Report, scenario: Scenario, ids: string[]) =>
  ids.reduce((sum, id) => {
    const spec = scenario.nodes.find((n) => n.id === id) as { workers: number };
    return sum + node(report, id).utilization * spec.workers;
  }, 0);
/** Share of a limit key's requests that were throttled. */
const throttledShare = (report: Report, key: string) => {
  const limiter = gateway(report).limiter;
  const i = limiter?.keys.indexOf(key) ?? -1;
  const admitted = limiter?.admitted[i] ?? 0;
  const throttled = limiter?.throttled[i] ?? 0;
  return throttled / (admitted + throttled);
};

describe('gateway-microservices.json', () => {
  let report: Report;
  beforeAll(() => {
    report = run(load('gateway-microservices.json'));
  });

  it('0.9 ms of CPU per request on 4 workers: about 7% busy', () => {
    expect(node(report, 'gateway').utilization).toBeCloseTo((300 * 0.0009) / 4, 2);
    // The docs' row: ρ = 0.068, the run 6.8% busy.
    expect(node(report, 'gateway').utilization).toBeCloseTo(0.068, 3);
  });

  it('353 requests answered 401 (seed 1)', () => {
    expect(gateway(report).unauthorized).toBe(353);
  });

  it('2% carry no valid token, answered 401, and no service sees them', () => {
    const g = gateway(report);
    expect(g.unauthorized / report.totals.sent).toBeGreaterThan(0.015);
    expect(g.unauthorized / report.totals.sent).toBeLessThan(0.025);
    expect(report.totals.failures.unauthorized).toBeGreaterThan(0);
    const served = ['users', 'orders', 'catalogue'].reduce((sum, id) => sum + node(report, id).arrivals, 0);
    // Every request the services saw was forwarded by the gateway; a few are still on the 1 ms links at the end.
    expect(g.forwarded - served).toBeGreaterThanOrEqual(0);
    expect(g.forwarded - served).toBeLessThan(5);
    expect(g.forwarded + g.unauthorized + node(report, 'gateway').inSystem).toBe(node(report, 'gateway').arrivals);
  });

  it('users, orders and catalogue about 44%, 29% and 74% busy; nothing throttled', () => {
    expect(node(report, 'users').utilization).toBeCloseTo(0.44, 1);
    expect(node(report, 'orders').utilization).toBeCloseTo(0.29, 1);
    expect(node(report, 'catalogue').utilization).toBeCloseTo(0.74, 1);
    expect(gateway(report).throttled).toBe(0);
  });
});

describe('gateway-noisy-tenant.json', () => {
  let perTenant: Report;
  let global: Report;
  beforeAll(() => {
    const scenario = load('gateway-noisy-tenant.json');
    perTenant = run(scenario);
    global = run({
      ...scenario,
      nodes: scenario.nodes.map((n) => (n.kind === 'gateway' ? { ...n, rateLimit: { ...n.rateLimit, scope: 'global', rate: 400, burst: 80 } } : n)),
    });
  });

  it('per tenant: A held to 100/s (90% answered 429), B and C never throttled', () => {
    expect(throttledShare(perTenant, 'tenant-a')).toBeCloseTo(0.9, 2);
    expect(throttledShare(perTenant, 'tenant-b')).toBe(0);
    expect(throttledShare(perTenant, 'tenant-c')).toBe(0);
  });

  it('per tenant: the service about 50% busy and every p99 under 120 ms', () => {
    expect(node(perTenant, 'api').utilization).toBeCloseTo(0.5, 1);
    for (const id of ['tenant-a', 'tenant-b', 'tenant-c']) expect(node(perTenant, id).latency.p99).toBeLessThan(0.12);
  });

  it('the docs’ row (seed 1): per tenant p99 89–101 ms; global 64% throttled, 99.4% busy, p99 515–531 ms', () => {
    const p99s = (report: Report) => ['tenant-a', 'tenant-b', 'tenant-c'].map((id) => Math.round(node(report, id).latency.p99 * 1000));
    expect(Math.min(...p99s(perTenant))).toBe(89);
    expect(Math.max(...p99s(perTenant))).toBe(101);
    expect(throttledShare(global, 'all')).toBeCloseTo(0.64, 2);
    expect(node(global, 'api').utilization).toBeCloseTo(0.994, 3);
    expect(Math.min(...p99s(global))).toBe(515);
    expect(Math.max(...p99s(global))).toBe(531);
  });

  it('global: over half of B’s and C’s requests answered 429, the service 99% busy, every p99 past 500 ms', () => {
    expect(throttledShare(global, 'all')).toBeGreaterThan(0.5);
    // One bucket for all: B's and C's requests are throttled in the same proportion as A's.
    expect(global.totals.failures.throttled).toBeGreaterThan(0.5 * global.totals.sent);
    expect(node(global, 'api').utilization).toBeGreaterThan(0.985);
    for (const id of ['tenant-a', 'tenant-b', 'tenant-c']) expect(node(global, id).latency.p99).toBeGreaterThan(0.5);
  });
});

describe('gateway-auth-at-edge.json', () => {
  let report: Report;
  let scenario: Scenario;
  beforeAll(() => {
    scenario = load('gateway-auth-at-edge.json');
    report = run(scenario);
  });
  const edge = ['edge-catalogue', 'edge-reviews', 'edge-pricing'];
  const inServices = ['svc-catalogue', 'svc-reviews', 'svc-pricing'];

  it('top: the gateway about 11% busy (11.1%), each service about 25%', () => {
    expect(node(report, 'edge-gw').utilization).toBeCloseTo(0.11, 2);
    expect(node(report, 'edge-gw').utilization).toBeCloseTo(0.111, 3);
    for (const id of edge) expect(node(report, id).utilization).toBeCloseTo(0.25, 1);
  });

  it('bottom: the gateway 1% busy, each service 30%', () => {
    expect(node(report, 'plain-gw').utilization).toBeCloseTo(0.01, 2);
    for (const id of inServices) expect(node(report, id).utilization).toBeCloseTo(0.3, 1);
  });

  it('about 3.2 cores against 3.6: checking once at the edge saves about 0.4', () => {
    const top = busyCores(report, scenario, ['edge-gw', ...edge]);
    const bottom = busyCores(report, scenario, ['plain-gw', ...inServices]);
    expect(top).toBeCloseTo(3.2, 1);
    expect(bottom).toBeCloseTo(3.6, 1);
    expect(bottom - top).toBeGreaterThan(0.3);
    expect(bottom - top).toBeLessThan(0.5);
    // The closed forms of the docs' row: top 0.22 + 3 × 1.0 = 3.22 cores, bottom 0.02 + 3 × 1.2 = 3.62.
    expect(top).toBeCloseTo(0.22 + 3 * 1.0, 1);
    expect(bottom).toBeCloseTo(0.02 + 3 * 1.2, 1);
    expect(0.22 + 3 * 1.0).toBeCloseTo(3.22, 9);
    expect(0.02 + 3 * 1.2).toBeCloseTo(3.62, 9);
  });
});

describe('gateway-fan-out-tail.json', () => {
  let report: Report;
  beforeAll(() => {
    report = run(load('gateway-fan-out-tail.json'));
  });
  const harmonic = (k: number) => Array.from({ length: k }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
  const p99OfMax = (k: number) => -0.02 * Math.log(1 - 0.99 ** (1 / k));

  it.each([1, 3, 10])('page %i: mean H_k × 20 ms within 5 %, p99 from (1 − e^(−t/20 ms))^k = 0.99 within 8 %', (k) => {
    const latency = node(report, `page-${k}`).latency;
    expect(Math.abs(latency.mean / (harmonic(k) * 0.02) - 1)).toBeLessThan(0.05);
    expect(Math.abs(latency.p99 / p99OfMax(k) - 1)).toBeLessThan(0.08);
    expect([92, 114, 138][[1, 3, 10].indexOf(k)]).toBe(Math.round(p99OfMax(k) * 1000));
    // The write-up's means H_k × 20 ms: 20, 37 and 59 ms (the docs: 20, 36.7, 58.6).
    expect([20, 36.7, 58.6][[1, 3, 10].indexOf(k)]).toBeCloseTo(harmonic(k) * 20, 1);
    expect([20, 37, 59][[1, 3, 10].indexOf(k)]).toBe(Math.round(harmonic(k) * 20));
  });

  it('the docs’ row (seed 1): means 19.8, 37.2, 58.7 ms; p99 91.6, 114, 136 ms', () => {
    const ms = (k: number, stat: 'mean' | 'p99') => node(report, `page-${k}`).latency[stat] * 1000;
    expect([1, 3, 10].map((k) => ms(k, 'mean'))).toEqual([expect.closeTo(19.8, 1), expect.closeTo(37.2, 1), expect.closeTo(58.7, 1)]);
    expect(ms(1, 'p99')).toBeCloseTo(91.6, 1);
    expect(Math.round(ms(3, 'p99'))).toBe(114);
    expect(Math.round(ms(10, 'p99'))).toBe(136);
  });

  it('every service’s own p99 stays near 92 ms (88–92 ms in the run)', () => {
    for (let i = 1; i <= 10; i++) expect(Math.abs(node(report, `svc-${i}`).latency.p99 / 0.0921 - 1)).toBeLessThan(0.08);
    for (let i = 1; i <= 10; i++) expect(Math.round(node(report, `svc-${i}`).latency.p99 * 1000)).toBeGreaterThanOrEqual(88);
    for (let i = 1; i <= 10; i++) expect(Math.round(node(report, `svc-${i}`).latency.p99 * 1000)).toBeLessThanOrEqual(92);
  });
});

describe('bench-gateway.json: the gateway benchmark (full 300 s, about 3 s)', () => {
  let report: Report;
  beforeAll(() => {
    report = run(load('bench-gateway.json'));
  });
  const services = ['users', 'orders', 'catalogue', 'search'];

  it('the gateway about 14% busy: ρ = 5600 × 0.0002 / 8 = 0.14 (14.0% in the run)', () => {
    expect((5600 * 0.0002) / 8).toBeCloseTo(0.14, 9);
    expect(node(report, 'gateway').utilization).toBeCloseTo(0.14, 3);
  });

  it('each service gets 1,386 requests per second and is about 70% busy: ρ = 1386 × 0.001 / 2 = 0.69', () => {
    expect((5600 * 0.99) / 4).toBeCloseTo(1386, 9);
    expect((1386 * 0.001) / 2).toBeCloseTo(0.69, 2);
    for (const id of services) {
      expect(Math.abs(node(report, id).arrivals / 300 / 1386 - 1)).toBeLessThan(0.01);
      // 69% in the docs' row, "about 70%" in the write-up.
      expect(node(report, id).utilization).toBeCloseTo(0.69, 2);
      expect(Math.abs(node(report, id).utilization - 0.7)).toBeLessThan(0.015);
    }
  });

  it('16,700 answered 401 (1% without a valid token), none throttled (seed 1)', () => {
    expect(gateway(report).unauthorized).toBe(16_700);
    expect(gateway(report).throttled).toBe(0);
    expect(report.totals.failures.throttled).toBe(0);
  });
});
