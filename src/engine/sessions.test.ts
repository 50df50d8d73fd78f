import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenario/schema';
import { runScenario } from './simulation';
import { buildScenario } from './testing/build-scenario';

/**
 * 200 users (closed loop, one address each) behind a balancer and three
 * servers; server-2 crashes at t = 30 and restarts at t = 35.
 */
function shop(options: { sessions: string; sticky: boolean; algorithm?: string; store?: boolean; crash?: boolean }) {
  const servers = ['server-1', 'server-2', 'server-3'];
  const nodes: unknown[] = [
    {
      id: 'users',
      kind: 'client',
      workload: { mode: 'closed', users: 200, thinkTime: { type: 'exponential', mean: 1 } },
      addresses: 200,
    },
    { id: 'lb', kind: 'loadBalancer', algorithm: options.algorithm ?? 'roundRobin', stickySessions: options.sticky },
    ...servers.map((id) => ({
      id,
      kind: 'server',
      workers: 8,
      serviceTime: { type: 'exponential', mean: 0.01 },
      sessions: options.sessions,
      loginCost: 0.02,
    })),
  ];
  const links = [{ id: 'in', from: 'users', to: 'lb' }, ...servers.map((id) => ({ id: `to-${id}`, from: 'lb', to: id }))];
  if (options.store) {
    nodes.push({ id: 'redis', kind: 'sessionStore', workers: 4, serviceTime: { type: 'exponential', mean: 0.0005 } });
    links.push(...servers.map((id) => ({ id: `${id}-redis`, from: id, to: 'redis' })));
  }
  const faults =
    options.crash === false
      ? []
      : [
          { at: 30, node: 'server-2', action: 'crash' },
          { at: 35, node: 'server-2', action: 'restart' },
        ];
  return buildScenario({ duration: 60, nodes: nodes as ScenarioInput['nodes'], links, faults: faults as ScenarioInput['faults'] });
}

describe('stateless vs stateful servers', () => {
  it('in-memory sessions without stickiness force re-logins as users bounce between servers', () => {
    const report = runScenario(shop({ sessions: 'inMemory', sticky: false, crash: false }), { window: 0 });
    expect(report.totals.sessions.logins).toBe(200);
    // A login issues a new session id and only the server that issued it knows it: a user lands on the
    // server of their current session one time in three, so two requests in three after the first log in
    // again (±5 %; ~11,000 lookups give about 1 % of binomial noise).
    const later = report.totals.completed - 200;
    expect(Math.abs(report.totals.sessions.relogins / later - 2 / 3) / (2 / 3)).toBeLessThan(0.05);
  });

  it('sticky cookies keep users with their session: no re-login until a crash', () => {
    const report = runScenario(shop({ sessions: 'inMemory', sticky: true, crash: false }), { window: 0 });
    expect(report.totals.sessions.logins).toBe(200);
    expect(report.totals.sessions.relogins).toBe(0);
  });

  it('a crash loses exactly the sessions the crashed server held', () => {
    const scenario = shop({ sessions: 'inMemory', sticky: true });
    const before = runScenario({ ...scenario, duration: 29.999 }, { window: 0 });
    const held = before.nodes.find((n) => n.id === 'server-2')!.sessions!.held;
    expect(held).toBeGreaterThan(40);
    const after = runScenario(scenario, { window: 0 });
    expect(after.totals.sessions.lost).toBe(held);
    expect(after.nodes.find((n) => n.id === 'server-2')!.sessions!.lost).toBe(held);
    // Their users log in again wherever they land next.
    expect(after.totals.sessions.relogins).toBeGreaterThanOrEqual(held);
  });

  it('an external session store makes servers stateless: no re-logins, and a crash loses no session', () => {
    const report = runScenario(shop({ sessions: 'externalStore', sticky: false, store: true }), { window: 0 });
    expect(report.totals.sessions.logins).toBe(200);
    expect(report.totals.sessions.relogins).toBe(0);
    expect(report.totals.sessions.lost).toBe(0);
    expect(report.nodes.find((n) => n.id === 'redis')!.sessions!.held).toBe(200);
    // Every user request called the store once.
    const redis = report.nodes.find((n) => n.id === 'redis')!;
    expect(redis.arrivals).toBeGreaterThan(report.totals.completed * 0.99);
  });
});
