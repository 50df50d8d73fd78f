import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FieldBounds, nodeFieldBounds } from '../../scenario/field-bounds';
import { numericFieldPaths } from '../../scenario/field-paths';
import { parseScenario, parseScenarioJson } from '../../scenario/parse';
import type { Scenario } from '../../scenario/schema';
import { suggestSweepRange, sweepRangeProblem } from './sweep-range';

const examples = join(import.meta.dirname, '../../../scenarios');
const load = (file: string): Scenario => {
  const parsed = parseScenarioJson(readFileSync(join(examples, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join('; ')}`);
  return parsed.scenario;
};

/** The keys after `nodes.<id>.` of a node's field path. */
const keysOf = (id: string, path: string) => path.slice(`nodes.${id}.`.length).split('.');

/** A copy of the scenario with the node's field at `keys` set to `value`. */
function withValue(scenario: Scenario, id: string, keys: string[], value: number): Scenario {
  const copy = structuredClone(scenario);
  let target = copy.nodes.find((n) => n.id === id) as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1) as string] = value;
  return copy;
}

const CAPACITY: FieldBounds = { min: 1, max: 1_000_000, minExclusive: false, maxExclusive: false, integer: true };

describe("a field sweep's suggested range", () => {
  it('offers the cache-aside example’s capacity of 10,000 as 5,000 up to 40,000, with 10,000 among the points', () => {
    const scenario = load('cache-aside-zipf.json');
    const cache = scenario.nodes.find((n) => n.id === 'cache');
    if (cache?.kind !== 'cache') throw new Error('the example has no cache');
    expect(suggestSweepRange(cache.capacity, nodeFieldBounds(cache, 'nodes.cache.capacity'))).toEqual({ from: 5000, to: 40000, steps: 8 });
  });

  it('stays inside the bounds: replicas stop at 64, a mean above 0, a share within 0…1, a field at 0 starts at 0', () => {
    expect(suggestSweepRange(20, { ...CAPACITY, max: 64 })).toEqual({ from: 10, to: 64, steps: 8 });
    expect(suggestSweepRange(64, { ...CAPACITY, max: 64 })).toEqual({ from: 32, to: 64, steps: 8 });
    expect(suggestSweepRange(0.005, { min: 0, max: Number.POSITIVE_INFINITY, minExclusive: true, maxExclusive: false, integer: false })).toEqual({ from: 0.0025, to: 0.02, steps: 8 });
    expect(suggestSweepRange(0.3, { min: 0, max: 1, minExclusive: false, maxExclusive: false, integer: false })).toEqual({ from: 0, to: 1, steps: 11 });
    expect(suggestSweepRange(0, { ...CAPACITY, min: 0, max: 16 })).toEqual({ from: 0, to: 8, steps: 8 });
    expect(suggestSweepRange(1, { ...CAPACITY, max: 1 })).toEqual({ from: 1, to: 1, steps: 1 });
  });

  it('for every numeric field of every example’s nodes: increasing, holding the value, and both ends accepted by the format', () => {
    let checked = 0;
    for (const file of readdirSync(examples).filter((name) => name.endsWith('.json'))) {
      const scenario = load(file);
      for (const node of scenario.nodes) {
        for (const path of numericFieldPaths(node)) {
          const keys = keysOf(node.id, path);
          const value = keys.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], node) as number;
          const range = suggestSweepRange(value, nodeFieldBounds(node, path));
          const where = `${file} ${path} = ${value}: ${range.from} – ${range.to}`;
          expect(range.from <= value && value <= range.to, where).toBe(true);
          expect(range.steps === 1 ? range.from === range.to : range.from < range.to, where).toBe(true);
          for (const end of [range.from, range.to]) {
            const parsed = parseScenario(withValue(scenario, node.id, keys, end));
            // A refinement across fields (uniform min ≤ max, a warm-up inside the run) may refuse an end; bounds never do.
            if (!parsed.ok) expect(parsed.errors.join(' '), `${where} at ${end}`).not.toMatch(/must be (at least|at most|greater than|less than|a whole number)/);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('a sweep range the user typed', () => {
  it('that runs backwards says so, naming both ends, rather than run', () => {
    const problem = sweepRangeProblem({ from: 500, to: 400, steps: 8 }, 'capacity', CAPACITY);
    expect(problem).toContain('“From” (500) is above “to” (400): put the smaller value first.');
  });

  it('outside the field’s bounds names the field and what it takes; a good one has no problem', () => {
    expect(sweepRangeProblem({ from: 0, to: 400, steps: 8 }, 'capacity', CAPACITY)).toBe('“capacity” takes whole numbers from 1 to 1,000,000: the range 0 – 400 does not fit.');
    expect(sweepRangeProblem({ from: Number.NaN, to: 400, steps: 8 }, 'capacity', CAPACITY)).toMatch(/Enter the sweep's range/);
    expect(sweepRangeProblem({ from: 500, to: 4000, steps: 8 }, 'capacity', CAPACITY)).toBeNull();
    expect(sweepRangeProblem({ from: 400, to: 400, steps: 1 }, 'capacity', null)).toBeNull();
  });
});
