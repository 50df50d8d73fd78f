import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import type { Scenario, ScenarioInput } from '../scenario/schema';
import { createSimulation, runScenario } from './index';
import { Outcome, type OutcomeCode, type Report } from './types';

/** Validates a scenario, returning it with the parser's warnings. */
function build(input: Omit<ScenarioInput, 'version'>): { scenario: Scenario; warnings: string[] } {
  const parsed = parseScenario({ version: 1, ...input });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return { scenario: parsed.scenario, warnings: parsed.warnings };
}

const users = (extra: object = {}) => ({ id: 'users', kind: 'client' as const, workload: { mode: 'open' as const, rate: 50 }, ...extra });

/** Every attempt that has come back failed, for `reason` alone. */
function expectAllFailed(report: Report, reason: keyof Report['totals']['failures']): void {
  const { totals } = report;
  expect(totals.sent).toBeGreaterThan(100);
  expect(totals.completed).toBe(0);
  expect(totals.failed).toBe(totals.failures[reason]);
  expect(totals.failed + totals.inFlight).toBe(totals.sent);
  expect(totals.latency.count).toBe(0);
}

describe('hop limit', () => {
  const latency = 0.002;
  const cycle = (hopLimit: number) =>
    build({
      duration: 10,
      hopLimit,
      nodes: [users(), { id: 'lbA', kind: 'loadBalancer' }, { id: 'lbB', kind: 'loadBalancer' }],
      links: [
        { id: 'users-lbA', from: 'users', to: 'lbA', latency },
        { id: 'lbA-lbB', from: 'lbA', to: 'lbB', latency },
        { id: 'lbB-lbA', from: 'lbB', to: 'lbA', latency },
      ],
    });

  it('turns every request caught in a cycle with no answering node into a "hop limit" failure', () => {
    const { scenario, warnings } = cycle(16);
    expect(warnings.join('\n')).toMatch(/cycle.*hop limit/);
    expectAllFailed(runScenario(scenario, { window: 0 }), 'hopLimit');
  });

  it.each([1, 3, 16])('with a limit of %i, each request crosses exactly that many links out and back', (hopLimit) => {
    const { scenario } = cycle(hopLimit);
    const out: number[] = [];
    let back = 0;
    let badOutcome: OutcomeCode | null = null;
    const sim = createSimulation(scenario, { window: 0 });
    sim.setTrace({
      hop(_link, _depart, _arrive, outcome, reverse) {
        if (!reverse) out.push(outcome);
        else if (outcome === Outcome.hopLimit) back++;
        else badOutcome = outcome;
      },
    });
    sim.runUntil(scenario.duration);
    const { totals } = sim.report();
    expect(badOutcome).toBeNull();
    expect(out.every((o) => o === Outcome.request)).toBe(true);
    // A response's whole way back is traced when it sets off, so every failed
    // request, and every one now on its way back, crossed exactly hopLimit links
    // back; the requests still going out crossed at most hopLimit.
    const turnedBack = back / hopLimit;
    expect(Number.isInteger(turnedBack)).toBe(true);
    expect(turnedBack).toBeGreaterThanOrEqual(totals.failures.hopLimit);
    expect(turnedBack).toBeLessThanOrEqual(totals.failures.hopLimit + totals.inFlight);
    expect(out.length).toBeGreaterThanOrEqual(back);
    expect(out.length).toBeLessThanOrEqual(back + (totals.failures.hopLimit + totals.inFlight - turnedBack) * hopLimit);
    expect(totals.failures.hopLimit).toBeGreaterThan(0);
  });

  it('fails a request that was served but needs one link more than the limit allows', () => {
    const { scenario } = build({
      duration: 10,
      hopLimit: 2,
      nodes: [
        users(),
        { id: 'lb', kind: 'loadBalancer' },
        { id: 'app', kind: 'server', workers: 4, serviceTime: { type: 'constant', value: 0.001 } },
        { id: 'db', kind: 'database', workers: 4, readTime: { type: 'constant', value: 0.001 }, writeTime: { type: 'constant', value: 0.001 } },
      ],
      links: [
        { id: 'users-lb', from: 'users', to: 'lb' },
        { id: 'lb-app', from: 'lb', to: 'app' },
        { id: 'app-db', from: 'app', to: 'db' },
      ],
    });
    const report = runScenario(scenario, { window: 0 });
    expectAllFailed(report, 'hopLimit');
    const byId = new Map(report.nodes.map((n) => [n.id, n]));
    expect(byId.get('app')?.served).toBeGreaterThan(0);
    expect(byId.get('db')?.arrivals).toBe(0);
    // With one more hop allowed the same system answers every request.
    const roomy = runScenario({ ...scenario, hopLimit: 3 }, { window: 0 });
    expect(roomy.totals.failed).toBe(0);
    expect(roomy.totals.completed).toBeGreaterThan(100);
  });
});

describe('no route', () => {
  it('fails every request sent to a load balancer with no targets', () => {
    const { scenario, warnings } = build({
      duration: 10,
      nodes: [users(), { id: 'lb', kind: 'loadBalancer' }],
      links: [{ id: 'users-lb', from: 'users', to: 'lb', latency: 0.005 }],
    });
    expect(warnings.join('\n')).toMatch(/load balancer "lb" has no targets/);
    const report = runScenario(scenario, { window: 0 });
    expectAllFailed(report, 'noRoute');
    // Every failure went as far as the balancer; the rest are still on the link or on their way back.
    const balancer = report.nodes[1]!;
    expect(balancer.arrivals).toBeGreaterThanOrEqual(report.totals.failed);
    expect(balancer.arrivals).toBeLessThanOrEqual(report.totals.sent);
  });

  it('fails every request of a client with no outgoing link, at once and without retrying', () => {
    const { scenario, warnings } = build({
      duration: 10,
      nodes: [users({ retries: { count: 2, backoff: 0.01, jitter: false }, timeout: 1 })],
      links: [],
    });
    expect(warnings.join('\n')).toMatch(/client "users" has no outgoing link/);
    let hops = 0;
    const sim = createSimulation(scenario, { window: 0 });
    sim.setTrace({ hop: () => hops++ });
    sim.runUntil(scenario.duration);
    const report = sim.report();
    expectAllFailed(report, 'noRoute');
    // A missing link is a mistake in the system, not a passing fault: no retry will find a route.
    expect(report.totals.retries).toBe(0);
    expect(hops).toBe(0);
    // Nothing is left travelling: the failure is known the instant the request is made.
    expect(report.totals.inFlight).toBe(0);
  });

  it('lets a closed-loop user go on thinking and trying after a "no route" failure', () => {
    const { scenario } = build({
      duration: 9.95,
      nodes: [{ id: 'users', kind: 'client', workload: { mode: 'closed', users: 3, thinkTime: { type: 'constant', value: 0.1 } } }],
      links: [],
    });
    const report = runScenario(scenario, { window: 0 });
    // Each of 3 users tries once per 0.1 s of thinking: 3 × 99 attempts by 9.95 s.
    expect(report.totals.sent).toBe(297);
    expect(report.totals.failures.noRoute).toBe(297);
  });
});
