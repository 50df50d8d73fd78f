import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse';
import type { Scenario, ScenarioInput } from '../../scenario/schema';
import { erlangC } from '../queueing-theory';
import { createSimulation, runScenario } from '../simulation';
import type { NodeReport, Report } from '../types';

/** Parses a version-4 scenario written here, failing loudly if it is wrong. */
function build(input: Omit<ScenarioInput, 'version'>): Scenario {
  const parsed = parseScenario({ version: 4, ...input });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const nodeOf = (report: Report, id: string) => report.nodes.find((n) => n.id === id) as NodeReport;

/** users → db over one link with `connection` (or none), open-loop Poisson arrivals. */
function usersToDatabase(options: {
  rate: number;
  workers: number;
  readTime: unknown;
  latency: number;
  connection?: unknown;
  maxConnections?: number | null;
  duration: number;
  warmup?: number;
  changes?: unknown[];
}): Scenario {
  const db = { id: 'db', kind: 'database', workers: options.workers, readTime: options.readTime, writeTime: options.readTime, maxConnections: options.maxConnections ?? null };
  const link = { id: 'query', from: 'users', to: 'db', latency: options.latency, ...(options.connection === undefined ? {} : { connection: options.connection }) };
  return build({
    duration: options.duration,
    warmup: options.warmup ?? 0,
    seed: 7,
    nodes: [{ id: 'users', kind: 'client', workload: { mode: 'open', rate: options.rate } }, db] as ScenarioInput['nodes'],
    links: [link] as ScenarioInput['links'],
    changes: options.changes as ScenarioInput['changes'],
  });
}

describe('a pool of k connections in front of a database', () => {
  // λ = 280/s, each connection held for the read (exponential, 10 ms: μ = 100/s), k = 4: ρ = 0.7.
  // No handshake and no latency, and the database has far more workers than the pool has connections,
  // so a call waits only for a connection: M/M/4 for the wait. 1000 s ≈ 280,000 calls, fixed seed.
  const lambda = 280;
  const mu = 100;
  const k = 4;
  let report: Report;
  beforeAll(() => {
    const scenario = usersToDatabase({
      rate: lambda,
      workers: 256,
      readTime: { type: 'exponential', mean: 1 / mu },
      latency: 0,
      connection: { handshakeRoundTrips: 0, tlsCpu: 0, pool: { size: k, idleTimeout: null, waitTimeout: null } },
      duration: 1000,
      warmup: 20,
    });
    report = runScenario(scenario, { window: 0 });
  });

  it('has the mean wait for a connection of M/M/k (Erlang C), within 3 %', () => {
    const pool = nodeOf(report, 'users').connections?.[0];
    const theory = erlangC(k, lambda / mu) / (k * mu - lambda);
    expect(pool?.meanWait).toBeGreaterThan(theory * 0.97);
    expect(pool?.meanWait).toBeLessThan(theory * 1.03);
  });

  it('waits as often as Erlang C says, within 3 %', () => {
    const pool = nodeOf(report, 'users').connections?.[0];
    const share = (pool?.waited ?? 0) / (pool?.calls ?? 1);
    const theory = erlangC(k, lambda / mu);
    expect(share).toBeGreaterThan(theory * 0.97);
    expect(share).toBeLessThan(theory * 1.03);
  });

  it('never opens more than k connections, and each once', () => {
    const pool = nodeOf(report, 'users').connections?.[0];
    expect(pool?.peakOpen).toBe(k);
    expect(pool?.open).toBe(k);
    expect(nodeOf(report, 'db').inboundConnections?.peak).toBe(k);
  });
});

describe('without a pool, every call pays the handshake', () => {
  // Arrivals stop at 40 s (a live edit gives the users a rate that sends nothing more), and the run
  // goes on to 60 s: both runs complete the same requests, so their mean latencies compare one to one.
  const latency = 0.004;
  const roundTrips = 2;
  const tlsCpu = 0.003;
  const base = { rate: 150, workers: 2, readTime: { type: 'exponential', mean: 0.01 }, latency, duration: 60 };
  const quiet = (connection: unknown) => [
    {
      at: 40,
      nodes: [
        { id: 'users', kind: 'client', workload: { mode: 'open', rate: 1e-9 } },
        { id: 'db', kind: 'database', workers: 2, readTime: base.readTime, writeTime: base.readTime },
      ],
      links: [{ id: 'query', from: 'users', to: 'db', latency, ...(connection === undefined ? {} : { connection }) }],
    },
  ];
  const connection = { handshakeRoundTrips: roundTrips, tlsCpu, pool: null };
  let plain: Report;
  let handshaking: Report;
  beforeAll(() => {
    plain = runScenario(usersToDatabase({ ...base, changes: quiet(undefined) }), { window: 0 });
    handshaking = runScenario(usersToDatabase({ ...base, connection, changes: quiet(connection) }), { window: 0 });
  });

  it('completes the same requests', () => {
    expect(plain.totals.completed).toBeGreaterThan(5000);
    expect(handshaking.totals.completed).toBe(plain.totals.completed);
    expect(handshaking.totals.failed).toBe(0);
  });

  it('adds round trips × 2 × link latency + TLS CPU to the mean latency, exactly', () => {
    const cost = roundTrips * 2 * latency + tlsCpu;
    expect(handshaking.totals.latency.mean - plain.totals.latency.mean).toBeCloseTo(cost, 12);
  });

  it('opens and closes one connection per call', () => {
    const link = nodeOf(handshaking, 'users').connections?.[0];
    expect(link?.handshakes).toBe(handshaking.totals.completed);
    expect(link?.open).toBe(0);
  });
});

describe("a database's maxConnections", () => {
  // 2,000 calls a second, each holding its connection for 0.1 s: about 200 open at once without a pool.
  const base = { rate: 2000, workers: 400, readTime: { type: 'constant', value: 0.1 }, latency: 0.001, maxConnections: 100, duration: 20 };
  it('refuses new connections past it, and never has more open', () => {
    const report = runScenario(usersToDatabase({ ...base, connection: { handshakeRoundTrips: 1, pool: null } }), { window: 0 });
    expect(report.totals.failures.tooManyConnections).toBeGreaterThan(report.totals.sent * 0.3);
    const db = nodeOf(report, 'db').inboundConnections;
    expect(db?.peak).toBe(100);
    // A refusal reaches the caller a round trip later: the last few may still be on their way at the end.
    expect(db?.refused).toBeGreaterThanOrEqual(report.totals.failures.tooManyConnections);
    expect(db?.refused).toBeLessThan(report.totals.failures.tooManyConnections + 10);
  });

  it('lets a pool below it through: calls wait for a pooled connection instead', () => {
    const pooled = { handshakeRoundTrips: 1, pool: { size: 90, idleTimeout: 60, waitTimeout: null } };
    const sim = createSimulation(usersToDatabase({ ...base, rate: 800, connection: pooled }), { window: 0 });
    sim.runUntil(20);
    const report = sim.report();
    expect(report.totals.failures.tooManyConnections).toBe(0);
    expect(nodeOf(report, 'users').connections?.[0]?.handshakes).toBe(90);
  });

  it('fails calls that wait longer than waitTimeout with "pool timeout"', () => {
    const pooled = { handshakeRoundTrips: 1, pool: { size: 50, idleTimeout: 60, waitTimeout: 0.05 } };
    const report = runScenario(usersToDatabase({ ...base, connection: pooled }), { window: 0 });
    const link = nodeOf(report, 'users').connections?.[0];
    expect(report.totals.failures.poolTimeout).toBeGreaterThan(0);
    expect(link?.timeouts).toBe(report.totals.failures.poolTimeout);
    expect(link?.maxWait).toBeLessThanOrEqual(0.05);
  });
});

describe('a pool of 0', () => {
  it('is refused with a message naming the link and the field', () => {
    const parsed = parseScenario({
      version: 4,
      nodes: [
        { id: 'users', kind: 'client', workload: { mode: 'open', rate: 1 } },
        { id: 'db', kind: 'database', workers: 1, readTime: { type: 'constant', value: 0.01 }, writeTime: { type: 'constant', value: 0.01 } },
      ],
      links: [{ id: 'query', from: 'users', to: 'db', connection: { pool: { size: 0 } } }],
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join('\n')).toMatch(/link "query".*field "connection\.pool\.size".*at least 1/);
  });
});

describe('a live edit of the connection policy', () => {
  // 5 s without a policy, 5 s with a pool of 4, 5 s with a new connection per call, then 5 s without again.
  const readTime = { type: 'exponential', mean: 0.01 };
  const db = { id: 'db', kind: 'database', workers: 64, readTime, writeTime: readTime, maxConnections: 50 };
  const users = { id: 'users', kind: 'client', workload: { mode: 'open', rate: 300 } };
  const link = (connection?: unknown) => ({ id: 'query', from: 'users', to: 'db', latency: 0.002, ...(connection === undefined ? {} : { connection }) });
  const pooled = { handshakeRoundTrips: 1, pool: { size: 4, idleTimeout: 1, waitTimeout: null } };
  const perCall = { handshakeRoundTrips: 1, pool: null };
  const changes = [
    { at: 5, nodes: [users, db], links: [link(pooled)] },
    { at: 10, nodes: [users, db], links: [link(perCall)] },
    { at: 15, nodes: [users, db], links: [link()] },
  ];

  it('conserves requests at every moment and leaves no connection open once the calls are over', () => {
    const scenario = build({ duration: 25, seed: 5, nodes: [users, db] as ScenarioInput['nodes'], links: [link()] as ScenarioInput['links'], changes: changes as ScenarioInput['changes'] });
    const sim = createSimulation(scenario, { window: 0 });
    for (let t = 0.5; t <= 25; t += 0.5) {
      sim.runUntil(t);
      const s = sim.snapshot();
      expect(s.sent).toBe(s.completed + s.failed + s.inFlight);
    }
    const report = sim.report();
    expect(report.totals.failed).toBe(0);
    const inbound = nodeOf(report, 'db').inboundConnections;
    expect(inbound?.open).toBe(0);
    expect(inbound?.peak).toBeGreaterThan(0);
  });
});
