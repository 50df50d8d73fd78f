import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numericFieldPaths } from './field-paths';
import { nodeFieldBounds } from './field-bounds';
import { createNode } from './node-factory';
import { MAX_CACHE_ENTRIES } from './cache-schema';
import { parseScenarioJson } from './parse';

const examples = join(import.meta.dirname, '../../scenarios');

describe("a node field's bounds, read from its kind's schema", () => {
  it("gives a cache's capacity as whole entries from 1 to the largest cache", () => {
    const cache = createNode('cache', 'cache', 'Cache', { x: 0, y: 0 });
    expect(nodeFieldBounds(cache, 'nodes.cache.capacity')).toEqual({ min: 1, max: MAX_CACHE_ENTRIES, minExclusive: false, maxExclusive: false, integer: true });
  });

  it('follows the distribution a service time is (a positive mean excludes 0) and a client’s workload mode', () => {
    const server = createNode('server', 'app', 'App', { x: 0, y: 0 });
    expect(server.kind === 'server' && server.serviceTime.type).toBe('exponential');
    expect(nodeFieldBounds(server, 'nodes.app.serviceTime.mean')).toMatchObject({ min: 0, minExclusive: true, max: Number.POSITIVE_INFINITY, integer: false });
    const client = createNode('client', 'users', 'Users', { x: 0, y: 0 });
    expect(nodeFieldBounds(client, 'nodes.users.workload.rate')).toMatchObject({ min: 0, minExclusive: true, integer: false });
  });

  it('finds bounds for every numeric field a sweep lists on every kind, and none for a path that is not a number', () => {
    for (const kind of ['client', 'loadBalancer', 'server', 'database', 'cache', 'cdn', 'sessionStore', 'messageQueue', 'topic', 'parallelJob', 'gateway', 'registry', 'pooler'] as const) {
      const node = createNode(kind, 'n', 'N', { x: 0, y: 0 });
      for (const path of numericFieldPaths(node)) expect(nodeFieldBounds(node, path), path).not.toBeNull();
    }
    const cache = createNode('cache', 'cache', 'Cache', { x: 0, y: 0 });
    expect(nodeFieldBounds(cache, 'nodes.cache.eviction')).toBeNull();
    expect(nodeFieldBounds(cache, 'nodes.cache.nothing')).toBeNull();
    expect(nodeFieldBounds(cache, 'nodes.other.capacity')).toBeNull();
  });

  it("holds every example node's numeric values inside the bounds it reads for them", () => {
    let checked = 0;
    for (const file of readdirSync(examples).filter((name) => name.endsWith('.json'))) {
      const parsed = parseScenarioJson(readFileSync(join(examples, file), 'utf8'));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join('; ')}`);
      for (const node of parsed.scenario.nodes) {
        for (const path of numericFieldPaths(node)) {
          const bounds = nodeFieldBounds(node, path);
          let value: unknown = node;
          for (const key of path.slice(`nodes.${node.id}.`.length).split('.')) value = (value as Record<string, unknown>)[key];
          const v = value as number;
          const where = `${file} ${path} = ${v}`;
          expect(bounds, where).not.toBeNull();
          if (!bounds) continue;
          expect(bounds.minExclusive ? v > bounds.min : v >= bounds.min, where).toBe(true);
          expect(bounds.maxExclusive ? v < bounds.max : v <= bounds.max, where).toBe(true);
          if (bounds.integer) expect(Number.isInteger(v), where).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
