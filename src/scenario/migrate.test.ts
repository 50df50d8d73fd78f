import { describe, expect, it } from 'vitest';
import { migrateScenario } from './migrate';
import { parseScenario } from './parse';
import { SCENARIO_VERSION } from './schema';
import { STARTER_SCENARIO } from './starter';

describe('a version-1 scenario (before live edits were recorded)', () => {
  const v1 = { ...STARTER_SCENARIO, version: 1 } as Record<string, unknown>;
  delete v1.changes;

  it('migrates through version 2 (no recorded changes) to the current version', () => {
    const migrated = migrateScenario(v1);
    expect(migrated).toEqual({ ok: true, value: { ...v1, version: SCENARIO_VERSION, changes: [] } });
    expect(SCENARIO_VERSION).toBe(4);
  });

  it('opens as the same system', () => {
    const parsed = parseScenario(v1);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.scenario.version).toBe(SCENARIO_VERSION);
    expect(parsed.scenario.changes).toEqual([]);
    expect(parsed.scenario.nodes.map((n) => n.id)).toEqual(STARTER_SCENARIO.nodes.map((n) => n.id));
  });
});

describe('a version-2 scenario (before this build’s node kinds)', () => {
  it('opens unchanged at the current version', () => {
    const v2 = { ...STARTER_SCENARIO, version: 2 } as Record<string, unknown>;
    expect(migrateScenario(v2)).toEqual({ ok: true, value: { ...v2, version: SCENARIO_VERSION } });
  });
});

describe('a version-3 scenario (before elastic membership)', () => {
  it('opens unchanged at the current version', () => {
    const v3 = { ...STARTER_SCENARIO, version: 3 } as Record<string, unknown>;
    expect(migrateScenario(v3)).toEqual({ ok: true, value: { ...v3, version: SCENARIO_VERSION } });
  });
});

describe("a version-2 balancer with a preset and no overhead (which meant 0; version 3 reads the preset's figure)", () => {
  it('gets its 0 written out, in the graph and in recorded changes', () => {
    const lb = { id: 'lb', kind: 'loadBalancer', preset: 'awsAlb' };
    const kept = { id: 'lb-2', kind: 'loadBalancer', preset: 'nginx', overhead: 0.002 };
    const plain = { id: 'lb-3', kind: 'loadBalancer' };
    const v2 = { version: 2, nodes: [lb, kept, plain], links: [], changes: [{ at: 5, nodes: [lb], links: [] }] };
    const migrated = migrateScenario(v2);
    if (!migrated.ok) throw new Error(migrated.error);
    expect(migrated.value.nodes).toEqual([{ ...lb, overhead: 0 }, kept, plain]);
    expect(migrated.value.changes).toEqual([{ at: 5, nodes: [{ ...lb, overhead: 0 }], links: [] }]);
  });
});

describe('recorded changes', () => {
  const graph = { nodes: STARTER_SCENARIO.nodes, links: STARTER_SCENARIO.links };

  it('are checked like the scenario’s own graph, naming the change', () => {
    const broken = { ...graph, links: [...graph.links, { id: 'link-9', from: 'lb-1', to: 'nobody' }] };
    const parsed = parseScenario({ ...STARTER_SCENARIO, changes: [{ at: 3, ...broken }] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/^change \(changes\[0\], at 3 s\): link "link-9": "to" names node "nobody"/);
  });

  it('must be in time order', () => {
    const parsed = parseScenario({ ...STARTER_SCENARIO, changes: [{ at: 5, ...graph }, { at: 2, ...graph }] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toContain('change (changes[1], at 2 s) field "at": changes must be in time order.');
  });
});
