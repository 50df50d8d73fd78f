import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse';
import type { Scenario, ScenarioInput } from '../../scenario/schema';
import { erlangC } from '../queueing-theory';
import { runScenario } from '../simulation';
import type { NodeReportOf, Report } from '../types';

function build(input: Omit<ScenarioInput, 'version'>): Scenario {
  const parsed = parseScenario({ version: 4, ...input });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** users → pooler → db, no link latency; `into` is the users' link's connection policy. */
function throughPooler(options: { rate: number; pooler: Record<string, unknown>; db?: Record<string, unknown>; into?: unknown; duration: number; warmup?: number }): Scenario {
  return build({
    duration: options.duration,
    warmup: options.warmup ?? 10,
    seed: 3,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate: options.rate } },
      { id: 'bouncer', kind: 'pooler', overhead: 0, ...options.pooler },
      { id: 'db', kind: 'database', workers: 256, readTime: { type: 'exponential', mean: 0.01 }, writeTime: { type: 'exponential', mean: 0.01 }, ...options.db },
    ] as ScenarioInput['nodes'],
    links: [
      { id: 'in', from: 'users', to: 'bouncer', latency: 0, ...(options.into === undefined ? {} : { connection: options.into }) } as ScenarioInput['links'][number],
      { id: 'out', from: 'bouncer', to: 'db', latency: 0 },
    ],
  });
}

const poolerOf = (report: Report) => (report.nodes.find((n) => n.id === 'bouncer') as NodeReportOf<'pooler'>).pooler;

describe('a pooler with c server connections', () => {
  // λ = 240/s, each server connection held for an exponential 10 ms read (μ = 100/s), c = 3: ρ = 0.8.
  // The database has far more workers than the pooler has connections, so requests wait only in the pooler:
  // M/M/3 for the wait. 800 s ≈ 190,000 requests, fixed seed; tolerance 3 %.
  let report: Report;
  beforeAll(() => {
    report = runScenario(throughPooler({ rate: 240, pooler: { serverConnections: 3 }, duration: 800 }), { window: 0 });
  });

  it('makes requests wait as M/M/c says (Erlang C), within 3 %', () => {
    const theory = erlangC(3, 2.4) / (3 * 100 - 240);
    expect(poolerOf(report).meanWait).toBeGreaterThan(theory * 0.97);
    expect(poolerOf(report).meanWait).toBeLessThan(theory * 1.03);
  });

  it('keeps c connections to the database, busy ρ · c on average', () => {
    expect(poolerOf(report).serverOpen).toBe(3);
    expect(report.nodes.find((n) => n.id === 'db')?.inboundConnections?.peak).toBe(3);
    expect(poolerOf(report).meanServerBusy).toBeGreaterThan(2.4 * 0.97);
    expect(poolerOf(report).meanServerBusy).toBeLessThan(2.4 * 1.03);
  });
});

describe('a pooler at its limits', () => {
  it('fails a request with "too many connections" when the database refuses a server connection', () => {
    const report = runScenario(throughPooler({ rate: 500, pooler: { serverConnections: 10 }, db: { maxConnections: 4 }, duration: 20, warmup: 0 }), { window: 0 });
    expect(poolerOf(report).serverOpen).toBe(4);
    expect(poolerOf(report).refusedByDatabase).toBeGreaterThan(0);
    expect(report.totals.failures.tooManyConnections).toBe(poolerOf(report).refusedByDatabase);
  });

  it('fails a request that waited longer than waitTimeout with "pool timeout"', () => {
    const report = runScenario(throughPooler({ rate: 400, pooler: { serverConnections: 2, waitTimeout: 0.05 }, duration: 20 }), { window: 0 });
    expect(report.totals.failures.poolTimeout).toBeGreaterThan(0);
    expect(poolerOf(report).maxWait).toBeLessThanOrEqual(0.05);
  });

  it('refuses client connections past maxClientConnections', () => {
    const into = { handshakeRoundTrips: 0, pool: null };
    const report = runScenario(throughPooler({ rate: 2000, pooler: { serverConnections: 50, maxClientConnections: 5 }, into, duration: 20 }), { window: 0 });
    const inbound = report.nodes.find((n) => n.id === 'bouncer')?.inboundConnections;
    expect(inbound?.peak).toBe(5);
    expect(report.totals.failures.tooManyConnections).toBeGreaterThan(0);
  });
});
