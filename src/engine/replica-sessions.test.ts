import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenario/schema';
import { createSimulation, runScenario } from './simulation';
import { buildScenario } from './testing/build-scenario';
import type { NodeReportOf, Report } from './types';

/**
 * 300 users (closed loop, one address each, think 1 s) behind a round-robin
 * balancer and one server of 3 replicas that keep sessions in memory; no
 * cookie, so a user lands on any replica.
 */
function replicated(options: { sticky?: boolean; faults?: unknown[]; duration?: number; lifetime?: number | null; capacity?: number }) {
  return buildScenario({
    duration: options.duration ?? 60,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'closed', users: 300, thinkTime: { type: 'exponential', mean: 1 } }, addresses: 300 },
      { id: 'lb', kind: 'loadBalancer', algorithm: 'roundRobin', stickySessions: options.sticky ?? false },
      {
        id: 'api',
        kind: 'server',
        workers: 8,
        serviceTime: { type: 'exponential', mean: 0.01 },
        sessions: 'inMemory',
        loginCost: 0.02,
        replicas: 3,
        ...(options.lifetime !== undefined ? { sessionLifetime: options.lifetime } : {}),
        ...(options.capacity !== undefined ? { sessionCapacity: options.capacity } : {}),
      },
    ] as ScenarioInput['nodes'],
    links: [
      { id: 'in', from: 'users', to: 'lb' },
      { id: 'out', from: 'lb', to: 'api' },
    ],
    faults: (options.faults ?? []) as ScenarioInput['faults'],
  });
}

const api = (report: Report) => report.nodes.find((n) => n.id === 'api') as NodeReportOf<'server'>;

describe('replicas are machines, each with its own sessions', () => {
  let plain: Report;
  beforeAll(() => {
    plain = runScenario(replicated({}), { window: 0 });
  });

  it('without a cookie, two requests in three after a user first logs in land where their session is not', () => {
    const { logins, relogins } = plain.totals.sessions;
    expect(logins).toBe(300);
    // Every completed request looked its session up once; a few hundred in service at the end did too,
    // which moves the ratio by under 2 %. Binomial noise over ~17,000 lookups is under 1 %.
    const later = plain.totals.completed - logins;
    expect(later).toBeGreaterThan(15_000);
    expect(Math.abs(relogins / later - 2 / 3) / (2 / 3)).toBeLessThan(0.05);
  });

  it('every login creates a session on the replica that served it, and an abandoned one stays until it expires', () => {
    const replicas = api(plain).perReplica;
    expect(replicas.map((r) => r.replica)).toEqual([1, 2, 3]);
    // Nothing expires within 60 s (30 min by default) and nothing crashed: every session ever issued is held.
    const { logins, relogins } = plain.totals.sessions;
    expect(replicas.reduce((n, r) => n + r.sessions.held, 0)).toBe(logins + relogins);
    for (const r of replicas) expect(Math.abs(r.sessions.held / (logins + relogins) - 1 / 3)).toBeLessThan(0.02);
    expect(api(plain).sessions.held).toBe(logins + relogins);
  });

  it('a sticky cookie keeps every user on the replica that holds their session', () => {
    const report = runScenario(replicated({ sticky: true }), { window: 0 });
    expect(report.totals.sessions.logins).toBe(300);
    expect(report.totals.sessions.relogins).toBe(0);
  });

  it('one replica crashed alone loses only its own sessions; the others serve on', () => {
    const faults = [
      { at: 30, node: 'api', action: 'crash', replica: 2 },
      { at: 35, node: 'api', action: 'restart', replica: 2 },
    ];
    const scenario = replicated({ sticky: true, faults });
    const before = api(runScenario({ ...scenario, duration: 29.999 }, { window: 0 })).perReplica;
    const after = runScenario(scenario, { window: 0 });
    const replicas = api(after).perReplica;
    expect(before[1]!.sessions.held).toBeGreaterThan(60);
    expect(replicas[1]!.sessions.lost).toBe(before[1]!.sessions.held);
    expect(replicas[0]!.sessions.lost).toBe(0);
    expect(replicas[2]!.sessions.lost).toBe(0);
    expect(after.totals.sessions.lost).toBe(before[1]!.sessions.held);
    // Only replica 2 refused requests (no health checks: its cookies stay pinned to it while it is down).
    expect(replicas[1]!.refused).toBeGreaterThan(0);
    expect(replicas[0]!.refused + replicas[2]!.refused).toBe(0);
    expect(replicas.every((r) => !r.down)).toBe(true);
  });

  it('a fault injected live may hit one replica alone; a replica the node lacks is refused with the reason', () => {
    const sim = createSimulation(replicated({ sticky: true, duration: 20 }), { window: 0 });
    sim.runUntil(10);
    expect(sim.injectFault('api', 'crash', 1, 4)).toBe('"api" has 3 replicas, so there is no replica 4.');
    expect(sim.injectFault('api', 'crash', 1, 3)).toBeNull();
    expect(sim.snapshot().nodes[2]).toMatchObject({ down: false, replicasDown: 1 });
    sim.runUntil(20);
    const replicas = api(sim.report()).perReplica;
    expect(replicas.map((r) => r.down)).toEqual([false, false, true]);
    expect(replicas[2]!.sessions.lost).toBeGreaterThan(50);
  });

  it('sessions expire after their lifetime idle and a full table evicts the least recently used', () => {
    // Think 1 s: a 0.5 s lifetime expires most sessions between two requests of a user.
    const short = runScenario(replicated({ sticky: true, lifetime: 0.5, duration: 20 }), { window: 0 });
    expect(short.totals.sessions.expired).toBeGreaterThan(short.totals.sessions.relogins * 0.9);
    expect(short.totals.sessions.relogins).toBeGreaterThan(short.totals.completed * 0.5);
    // 100 users per replica and room for 50: about half the users lose their session between requests.
    const small = runScenario(replicated({ sticky: true, capacity: 50, duration: 20 }), { window: 0 });
    for (const r of api(small).perReplica) expect(r.sessions.held).toBe(50);
    expect(small.totals.sessions.evicted).toBeGreaterThan(small.totals.completed * 0.3);
  });
});
