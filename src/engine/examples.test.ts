import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from './index';
import type { CacheReport, Report } from './types';
import { parseScenarioJson } from '../scenario/parse';
import { type Scenario, ScenarioSchema } from '../scenario/schema';

const dir = join(import.meta.dirname, '../../scenarios');

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  innerType?: { _zod: { def: SchemaDef } };
  element?: { _zod: { def: SchemaDef } };
  options?: { _zod: { def: SchemaDef } }[];
}

/** Every [where, field] of objects inside a zod schema (through defaults, nullables, lists and unions). */
function fieldNames(schema: unknown, where: string): [string, string][] {
  const def = (schema as { _zod: { def: SchemaDef } })._zod.def;
  if (def.innerType) return fieldNames(def.innerType, where);
  if (def.type === 'array' && def.element) return fieldNames(def.element, where);
  if (def.type === 'union') return (def.options ?? []).flatMap((option) => fieldNames(option, where));
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape).flatMap(([field, child]): [string, string][] => [
    [where, field],
    ...fieldNames(child, `${where}.${field}`),
  ]);
}
const files = readdirSync(dir).filter((name) => name.endsWith('.json'));

describe('example scenarios', () => {
  it('include the examples the docs and the benchmark rely on', () => {
    expect(files).toEqual(
      expect.arrayContaining(['mm1.json', 'mmc.json', 'md1.json', 'web-tier.json', 'closed-loop.json', 'bench-8-servers.json']),
    );
  });

  it.each(files)('%s parses with no errors or warnings', (name) => {
    const result = parseScenarioJson(readFileSync(join(dir, name), 'utf8'));
    if (!result.ok) throw new Error(`${name}:\n${result.errors.join('\n')}`);
    expect(result.warnings).toEqual([]);
    expect(result.scenario.name).not.toBe('Untitled scenario');
    expect(result.scenario.description?.length ?? 0).toBeGreaterThan(80);
  });

  it.each(files)('%s has no two nodes at the same spot on the canvas', (name) => {
    const result = parseScenarioJson(readFileSync(join(dir, name), 'utf8'));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const spots = result.scenario.nodes.map((n) => `${n.position.x},${n.position.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });
});

describe('the scenario-format documentation', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../docs/scenario-format.md'), 'utf8');
  const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);

  // A section per node kind is checked by src/kind-completeness.test.ts.
  it('mentions every field of the format, at every depth', () => {
    const missing: string[] = [];
    for (const [where, field] of fieldNames(ScenarioSchema, 'scenario')) {
      if (!doc.includes(`\`${field}\``) && !doc.includes(`"${field}"`)) missing.push(`${where}.${field}`);
    }
    // A new field needs a line in docs/scenario-format.md: its type, range, default and meaning.
    expect(missing).toEqual([]);
  });

  it('lists every example file with what theory says and what a run gives', () => {
    expect(files.filter((name) => !doc.includes(`| \`${name}\` |`))).toEqual([]);
  });

  it('has JSON examples, and each one is a valid scenario', () => {
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const result = parseScenarioJson(block);
      if (!result.ok) throw new Error(`${block}\n${result.errors.join('\n')}`);
      expect(result.warnings).toEqual([]);
    }
  });
});

/** Runs an example file as the runner would, with optional changes. */
function runExample(name: string, change: (scenario: Scenario) => Scenario = (s) => s): Report {
  const result = parseScenarioJson(readFileSync(join(dir, name), 'utf8'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return runScenario(change(result.scenario), { window: 0 });
}

const nodeNamed = (report: Report, id: string) => report.nodes.find((n) => n.id === id)!;

// The descriptions promise figures a teacher will check against theory. Tolerances are
// wide (one seed, modest runs) but catch a wrong unit, rate or formula in an example.
describe('example scenarios keep the promises in their descriptions', () => {
  it('mm1: mean response near 1/(μ−λ) = 0.5 s, the server busy 80% of the time', () => {
    const report = runExample('mm1.json');
    expect(report.totals.latency.mean).toBeGreaterThan(0.5 * 0.85);
    expect(report.totals.latency.mean).toBeLessThan(0.5 * 1.15);
    expect(nodeNamed(report, 'server').utilization).toBeCloseTo(0.8, 1);
  });

  it('mmc: mean response near the Erlang C figure of 0.175 s', () => {
    const mean = runExample('mmc.json').totals.latency.mean;
    expect(mean).toBeGreaterThan(0.1746 * 0.9);
    expect(mean).toBeLessThan(0.1746 * 1.1);
  });

  it('md1: mean response near the Pollaczek–Khinchine figure of 0.3 s', () => {
    const mean = runExample('md1.json').totals.latency.mean;
    expect(mean).toBeGreaterThan(0.3 * 0.85);
    expect(mean).toBeLessThan(0.3 * 1.15);
  });

  it('closed-loop: mean response agrees with R = N/X − Z', () => {
    const report = runExample('closed-loop.json');
    const predicted = 60 / report.totals.throughput - 1;
    expect(report.totals.latency.mean).toBeGreaterThan(predicted * 0.95);
    expect(report.totals.latency.mean).toBeLessThan(predicted * 1.05);
  });

  it('web-tier: app servers about 62% busy, database about 36%, mean response about 75 ms', () => {
    const report = runExample('web-tier.json');
    for (const id of ['app-1', 'app-2', 'app-3']) expect(nodeNamed(report, id).utilization).toBeCloseTo(0.625, 1);
    expect(nodeNamed(report, 'db').utilization).toBeCloseTo(0.36, 1);
    expect(report.totals.latency.mean).toBeGreaterThan(0.065);
    expect(report.totals.latency.mean).toBeLessThan(0.085);
  });

  it('retry-storm: collapses with retries, and holds without them', () => {
    const storm = runExample('retry-storm.json');
    const calm = runExample('retry-storm.json', (s) => ({
      ...s,
      nodes: s.nodes.map((n) => (n.kind === 'client' ? { ...n, retries: { ...n.retries, count: 0 } } : n)),
    }));
    expect(storm.totals.throughput).toBeLessThan(60);
    expect(nodeNamed(storm, 'server').dropped).toBeGreaterThan(1000);
    expect(calm.totals.throughput).toBeGreaterThan(80);
    expect(nodeNamed(calm, 'server').dropped).toBe(0);
  });

  it('bench-8-servers: every server and the database near 70% busy', () => {
    const report = runExample('bench-8-servers.json', (s) => ({ ...s, duration: 60 }));
    for (const node of report.nodes.filter((n) => n.kind === 'server' || n.kind === 'database')) {
      expect(node.utilization).toBeCloseTo(0.7, 1);
    }
  });
});

/*
 * The rest of what the write-ups and the docs' table of examples state
 * (engine/write-up-checks.ts). "Seed-1" figures are the table's, asserted at
 * the precision it prints them: the run is deterministic for its seed.
 */
describe('the queueing examples: every figure of their write-ups', () => {
  const station = (report: Report) => nodeNamed(report, 'server');

  it('mm1.json: μ = 10, Wq = 0.4 s, P(wait) 80%, p95 −ln(0.05)/(μ−λ) = 1.5 s, Lq = ρ²/(1−ρ) = 3.2; seed-1 W = 0.512 s, Lq = 3.32, p95 = 1.57 s, ρ = 0.797', () => {
    const report = runExample('mm1.json');
    const server = station(report);
    // One hour at ρ = 0.8: the mean wait is known to about 5%.
    expect(Math.abs(server.meanWait - 0.4) / 0.4).toBeLessThan(0.1);
    expect(server.waitProbability).toBeCloseTo(0.8, 1);
    expect(-Math.log(0.05) / (10 - 8)).toBeCloseTo(1.5, 2);
    expect(0.8 ** 2 / (1 - 0.8)).toBeCloseTo(3.2, 10);
    expect(report.totals.latency.mean).toBeCloseTo(0.512, 3);
    expect(server.meanQueueLength).toBeCloseTo(3.32, 2);
    expect(report.totals.latency.p95).toBeCloseTo(1.57, 2);
    expect(server.utilization).toBeCloseTo(0.797, 3);
  });

  it('mm1.json: at a rate of 9 or 9.5 the waiting time explodes (theory W = 1 s and 2 s)', () => {
    const at = (rate: number) =>
      runExample('mm1.json', (s) => ({ ...s, nodes: s.nodes.map((n) => (n.kind === 'client' ? { ...n, workload: { mode: 'open' as const, rate } } : n)) }));
    // At ρ 0.9 and 0.95 one hour wanders by tens of percent: the claim is the explosion, not the figure.
    expect(at(9).totals.latency.mean).toBeGreaterThan(0.7);
    expect(at(9.5).totals.latency.mean).toBeGreaterThan(1.3);
  });

  it('md1.json: μ = 10, Wq = ρ/(2μ(1−ρ)) = 0.2 s; seed-1 W = 0.312 s', () => {
    const report = runExample('md1.json');
    expect(0.8 / (2 * 10 * 0.2)).toBeCloseTo(0.2, 10);
    expect(Math.abs(station(report).meanWait - 0.2) / 0.2).toBeLessThan(0.1);
    expect(report.totals.latency.mean).toBeCloseTo(0.312, 3);
  });

  it('mmc.json: Erlang C P(wait) = 59.6% (0.596), Wq = 0.0746 s; seed-1 W = 0.173 s, Lq = 2.34 (theory 2.39)', () => {
    const report = runExample('mmc.json');
    const server = station(report);
    expect(Math.abs(server.waitProbability - 0.596)).toBeLessThan(0.02);
    expect(Math.abs(server.meanWait - 0.0746) / 0.0746).toBeLessThan(0.1);
    expect(report.totals.latency.mean).toBeCloseTo(0.173, 3);
    expect(server.meanQueueLength).toBeCloseTo(2.34, 2);
    // Lq = λ·Wq = 32 × 0.0746.
    expect(32 * 0.0746).toBeCloseTo(2.39, 2);
  });

  it('closed-loop.json: users who never waited would ask for 60/1.05 ≈ 57/s; seed-1 X = 56.2/s, N/X − Z = 66.8 ms, R = 65.7 ms', () => {
    const report = runExample('closed-loop.json');
    expect(60 / 1.05).toBeCloseTo(57, 0);
    expect(report.totals.throughput).toBeCloseTo(56.2, 1);
    expect(60 / report.totals.throughput - 1).toBeCloseTo(0.0668, 4);
    expect(report.totals.latency.mean).toBeCloseTo(0.0657, 4);
  });

  it('web-tier.json: 43 ms of network, app capacity 480/s; seed-1 mean 74.9 ms, p99 176 ms, app servers ρ 0.62–0.63, database 0.36', () => {
    const report = runExample('web-tier.json');
    // Round trips: 2 × (20 + 0.5 + 1) ms.
    expect(2 * (0.02 + 0.0005 + 0.001)).toBeCloseTo(0.043, 6);
    // Three servers of 4 workers at 25 ms.
    expect((3 * 4) / 0.025).toBe(480);
    expect(report.totals.latency.mean).toBeCloseTo(0.0749, 4);
    expect(Math.round(report.totals.latency.p99 * 1000)).toBe(176);
    for (const id of ['app-1', 'app-2', 'app-3']) expect([0.62, 0.63]).toContain(Math.round(nodeNamed(report, id).utilization * 100) / 100);
    expect(Math.round(nodeNamed(report, 'db').utilization * 100) / 100).toBe(0.36);
  });

  it('web-tier.json: past 480/s the app queues fill', () => {
    const report = runExample('web-tier.json', (s) => ({
      ...s,
      duration: 120,
      nodes: s.nodes.map((n) => (n.kind === 'client' ? { ...n, workload: { mode: 'open' as const, rate: 520 } } : n)),
    }));
    expect(report.totals.failures.queueFull).toBeGreaterThan(1000);
  });

  it('retry-storm.json: healthy for about two minutes, then no completions; seed-1 40.9/s over the run (83.6/s with count 0)', () => {
    const scenario = parseScenarioJson(readFileSync(join(dir, 'retry-storm.json'), 'utf8'));
    if (!scenario.ok) throw new Error(scenario.errors.join('\n'));
    const sim = createSimulation(scenario.scenario);
    sim.runUntil(scenario.scenario.duration);
    const windows = sim.windowsSince(0);
    // The last second with completions: after it the server completes nothing, for good.
    let lastAlive = windows.length - 1;
    while (lastAlive >= 0 && (windows[lastAlive] as (typeof windows)[number]).completed === 0) lastAlive--;
    expect(lastAlive).toBeGreaterThan(90);
    expect(lastAlive).toBeLessThan(170);
    expect(lastAlive).toBeLessThan(windows.length - 60);
    // Before it, about one request in a hundred times out; after it, the server stays 100% busy completing nothing.
    const early = windows.slice(10, 60);
    const timeouts = early.reduce((sum, w) => sum + w.failed, 0) / early.reduce((sum, w) => sum + w.completed + w.failed, 0);
    expect(timeouts).toBeGreaterThan(0.002);
    expect(timeouts).toBeLessThan(0.03);
    for (const w of windows.slice(lastAlive + 5)) expect(w.nodes[1]!.utilization).toBeGreaterThan(0.999);
    expect(sim.report().totals.throughput).toBeCloseTo(40.9, 1);
    const calm = runExample('retry-storm.json', (s) => ({
      ...s,
      nodes: s.nodes.map((n) => (n.kind === 'client' ? { ...n, retries: { ...n.retries, count: 0 } } : n)),
    }));
    expect(calm.totals.throughput).toBeCloseTo(83.6, 1);
  });

  it('mm1.json and md1.json: with no link latency the client sees exactly the server time', () => {
    for (const name of ['mm1.json', 'md1.json']) {
      const report = runExample(name, (s) => ({ ...s, duration: 600 }));
      expect(report.totals.latency.mean).toBeCloseTo(station(report).latency.mean, 9);
    }
  });

  it('closed-loop.json: with more users throughput flattens at 80/s while response time climbs', () => {
    const withUsers = (users: number) =>
      runExample('closed-loop.json', (s) => ({
        ...s,
        duration: 300,
        nodes: s.nodes.map((n) => (n.kind === 'client' && n.workload.mode === 'closed' ? { ...n, workload: { ...n.workload, users } } : n)),
      }));
    const many = withUsers(120);
    const more = withUsers(200);
    // 300 s at about 80 completions a second: the measured rate moves by about half a request a second.
    expect(many.totals.throughput).toBeGreaterThan(76);
    expect(Math.abs(more.totals.throughput - 80)).toBeLessThan(1.5);
    expect(more.totals.throughput - many.totals.throughput).toBeLessThan(4);
    expect(more.totals.latency.mean).toBeGreaterThan(many.totals.latency.mean + 0.5);
  });

  it('bench-8-servers.json: every server gets 700 requests per second; 1.68 million requests in 300 s', () => {
    const report = runExample('bench-8-servers.json', (s) => ({ ...s, duration: 60 }));
    for (const node of report.nodes.filter((n) => n.kind === 'server')) expect(Math.abs(node.arrivals / 60 - 700)).toBeLessThan(15);
    expect((report.totals.sent / 60) * 300).toBeCloseTo(1.68e6, -4);
  });
});

describe('bench-cache-million.json: the cache benchmark', () => {
  let cache: CacheReport;
  let lastHitRatio: number;
  beforeAll(() => {
    const scenario = parseScenarioJson(readFileSync(join(dir, 'bench-cache-million.json'), 'utf8'));
    if (!scenario.ok) throw new Error(scenario.errors.join('\n'));
    const sim = createSimulation(scenario.scenario);
    sim.runUntil(scenario.scenario.duration);
    cache = sim.report().nodes.find((n) => n.kind === 'cache')!.cache!;
    // The last 30 s, full all along: about 150,000 reads, so the hit ratio is known to a fraction of a point.
    const cacheIndex = scenario.scenario.nodes.findIndex((n) => n.kind === 'cache');
    const last = sim.windowsSince(0).slice(-30);
    lastHitRatio = last.reduce((sum, w) => sum + (w.nodes[cacheIndex]!.hitRatio ?? 0), 0) / last.length;
    // 1.7 million requests: about 6 s alone, longer on a busy machine.
  }, 120_000);

  it('once the cache is full, about half the reads miss and every miss evicts an entry', () => {
    expect(cache.entries).toBe(1_000_000);
    expect(cache.evictions).toBeGreaterThan(10_000);
    expect(Math.abs(lastHitRatio - 0.5)).toBeLessThan(0.02);
  });
});
