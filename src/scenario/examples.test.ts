import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioJson } from './parse';

const dir = join(import.meta.dirname, '../../scenarios');
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
