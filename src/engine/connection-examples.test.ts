import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { runScenario } from './simulation';
import type { NodeReport, Report } from './types';

/*
 * lb-l4-long-connections: every sentence of its write-up, against its
 * headless run and the two variants it tells the reader to try. One seed,
 * so the margins are a few standard errors of that run.
 */

const dir = join(import.meta.dirname, '../../scenarios');
const file = 'lb-l4-long-connections.json';

function load(): Scenario {
  const result = parseScenarioJson(readFileSync(join(dir, file), 'utf8'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

function withBalancer(scenario: Scenario, change: Record<string, unknown>): Scenario {
  return { ...scenario, nodes: scenario.nodes.map((n) => (n.id === 'lb' ? ({ ...n, ...change } as typeof n) : n)) };
}

const node = (report: Report, id: string) => report.nodes.find((n) => n.id === id) as NodeReport;
const servers = (report: Report) => report.nodes.filter((n) => n.kind === 'server');
const ms = (seconds: number) => seconds * 1000;

describe(`${file}: least connections against round robin when connections are long`, () => {
  let scenario: Scenario;
  let least: Report;
  let roundRobin: Report;
  let l7: Report;
  beforeAll(() => {
    scenario = load();
    least = runScenario(scenario, { window: 0 });
    roundRobin = runScenario(withBalancer(scenario, { algorithm: 'roundRobin' }), { window: 0 });
    l7 = runScenario(withBalancer(scenario, { algorithm: 'roundRobin', preset: 'haproxyHttp', layer: 'L7' }), { window: 0 });
  });

  it('600/s from 30 installs, connections of about 1,000 requests, about 50 s each', () => {
    const apps = scenario.nodes.find((n) => n.id === 'apps');
    if (apps?.kind !== 'client' || apps.workload.mode !== 'open') throw new Error('apps is an open-loop client');
    expect(apps.workload.rate).toBe(600);
    expect(apps.addresses).toBe(30);
    expect(apps.connections.requestsPerConnection).toBe(1000);
    expect(apps.connections.requestsPerConnection / (apps.workload.rate / apps.addresses)).toBe(50);
  });

  it('the L4 balancer (HAProxy TCP) pins each connection: its targets count open connections, at most one per install', () => {
    const lb = scenario.nodes.find((n) => n.id === 'lb');
    expect(lb).toMatchObject({ preset: 'haproxyTcp', layer: 'L4', algorithm: 'leastConnections' });
    const open = node(least, 'lb').targets!.map((t) => t.open);
    expect(open.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30);
    expect(open.reduce((a, b) => a + b, 0)).toBeGreaterThan(25);
  });

  it('least connections: about 10 connections each, about 80 % busy, mean 26 ms, p99 0.11 s', () => {
    for (const t of node(least, 'lb').targets!) expect(Math.abs(t.open - 10)).toBeLessThanOrEqual(2);
    // ρ = 600 × 0.008 / 6 = 0.8: 3 servers of 2 workers.
    expect((600 * 0.008) / 6).toBeCloseTo(0.8, 9);
    for (const s of servers(least)) expect(Math.abs(s.utilization - 0.8)).toBeLessThan(0.02);
    expect(ms(least.totals.latency.mean)).toBeCloseTo(26, -0.5);
    expect(least.totals.latency.p99).toBeGreaterThan(0.1);
    expect(least.totals.latency.p99).toBeLessThan(0.12);
  });

  it('round robin deals connections in turn, and the numbers the servers hold drift apart: 12 against 8 at the end', () => {
    const open = node(roundRobin, 'lb').targets!.map((t) => t.open);
    expect(Math.max(...open)).toBe(12);
    expect(Math.min(...open)).toBe(8);
  });

  it('round robin: shares end at 35 %, 28 % and 36 %, the busiest 87 % busy, mean 121 ms, p99 1.6 s', () => {
    const shares = node(roundRobin, 'lb').targets!.map((t) => Math.round(t.share * 100));
    expect(shares).toEqual([35, 28, 36]);
    expect(Math.max(...servers(roundRobin).map((s) => s.utilization))).toBeCloseTo(0.87, 2);
    expect(Math.round(ms(roundRobin.totals.latency.mean))).toBe(121);
    expect(roundRobin.totals.latency.p99).toBeCloseTo(1.6, 1);
    // "The mean rises": several times the least-connections mean.
    expect(roundRobin.totals.latency.mean).toBeGreaterThan(least.totals.latency.mean * 3);
  });

  it('HAProxy (HTTP) at L7 picks per request: round robin is even again, 80 % busy each, mean 19 ms', () => {
    for (const t of node(l7, 'lb').targets!) expect(Math.abs(t.share - 1 / 3)).toBeLessThan(0.001);
    for (const s of servers(l7)) expect(Math.abs(s.utilization - 0.8)).toBeLessThan(0.01);
    expect(Math.round(ms(l7.totals.latency.mean))).toBe(19);
  });

  it("the preset's 20 µs a request on 4 cores keeps the balancer 0.3 % busy", () => {
    // 600 × 0.00002 / 4 = 0.003.
    expect(node(least, 'lb').utilization).toBeCloseTo(0.003, 4);
  });
});
