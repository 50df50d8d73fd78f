import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { runScenario } from './simulation';
import type { NodeReport, Report } from './types';

/*
 * sessions-sticky: every sentence of its write-up (and of its row in the
 * docs' table of examples) against its headless run, the run stopped just
 * before the crash, and the variant without the cookie it tells the reader
 * to try. One seed; where a figure is exact, it is that run's.
 */

const dir = join(import.meta.dirname, '../../scenarios');
const file = 'sessions-sticky.json';

function load(): Scenario {
  const result = parseScenarioJson(readFileSync(join(dir, file), 'utf8'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

const node = (report: Report, id: string) => report.nodes.find((n) => n.id === id) as NodeReport;
const servers = ['app-1', 'app-2', 'app-3'];

describe(`${file}: sticky cookies, and a crash that loses sessions`, () => {
  let scenario: Scenario;
  let run: Report;
  let beforeCrash: Report;
  let noCookie: Report;
  beforeAll(() => {
    scenario = load();
    run = runScenario(scenario, { window: 0 });
    beforeCrash = runScenario({ ...scenario, duration: 29.999 }, { window: 0 });
    const nodes = scenario.nodes.map((n) => (n.id === 'lb' ? ({ ...n, stickySessions: false } as typeof n) : n));
    noCookie = runScenario({ ...scenario, nodes }, { window: 0 });
  });

  it('200 shoppers, about one request a second each, on servers that keep sessions in memory', () => {
    const users = scenario.nodes.find((n) => n.id === 'users');
    if (users?.kind !== 'client' || users.workload.mode !== 'closed') throw new Error('users is a closed-loop client');
    expect(users.workload.users).toBe(200);
    expect(run.totals.throughput / 200).toBeGreaterThan(0.9);
    expect(run.totals.throughput / 200).toBeLessThan(1.0);
    for (const id of servers) expect(scenario.nodes.find((n) => n.id === id)).toMatchObject({ sessions: 'inMemory' });
  });

  it('the sticky cookie: 200 logins and no re-login before the crash', () => {
    expect(beforeCrash.totals.sessions.logins).toBe(200);
    expect(beforeCrash.totals.sessions.relogins).toBe(0);
    expect(run.totals.sessions.logins).toBe(200);
  });

  it('without the cookie about two requests in three log in again (about 7,200), and the mean rises from 31 ms to 44 ms', () => {
    const { relogins } = noCookie.totals.sessions;
    // Every completed request looked its session up; ±5 % of 2/3 (binomial noise over ~11,000 is about 1 %).
    expect(Math.abs(relogins / (noCookie.totals.completed - 200) - 2 / 3) / (2 / 3)).toBeLessThan(0.05);
    expect(Math.round(relogins / 100) * 100).toBe(7200);
    expect(Math.round(run.totals.latency.mean * 1000)).toBe(31);
    expect(Math.round(noCookie.totals.latency.mean * 1000)).toBe(44);
  });

  it('app server 2 crashes at 30 s and restarts at 35 s, losing every session it held (67)', () => {
    expect(scenario.faults).toMatchObject([
      { at: 30, node: 'app-2', action: 'crash' },
      { at: 35, node: 'app-2', action: 'restart' },
    ]);
    const held = node(beforeCrash, 'app-2').sessions!.held;
    expect(held).toBe(67);
    expect(run.totals.sessions.lost).toBe(held);
    expect(node(run, 'app-2').sessions!.lost).toBe(held);
  });

  it('health checks (every second, out after 2 failures) take it out within 2 s; until then 120 requests fail', () => {
    const lb = scenario.nodes.find((n) => n.id === 'lb');
    if (lb?.kind !== 'loadBalancer') throw new Error('lb is a load balancer');
    expect(lb.healthCheck.active).toMatchObject({ interval: 1, unhealthyThreshold: 2 });
    const out = node(run, 'lb').healthTimeline!.find((c) => c.target === 'app-2' && !c.eligible)!;
    expect(out.time).toBeGreaterThan(30);
    expect(out.time).toBeLessThan(32);
    expect(run.totals.failed).toBe(120);
    expect(run.totals.failures.nodeDown).toBe(120);
  });

  it('their cookies re-pin them to another server, where they log in again (67); app server 2 ends with no session', () => {
    expect(run.totals.sessions.relogins).toBe(67);
    expect(node(run, 'app-2').sessions!.held).toBe(0);
    expect(node(run, 'app-1').sessions!.held + node(run, 'app-3').sessions!.held).toBe(200);
  });
});
