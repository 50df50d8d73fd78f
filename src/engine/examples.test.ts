import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from './index';
import type { Report } from './types';
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
