import { describe, expect, it } from 'vitest';
import { EXAMPLES, loadExample } from './examples';

describe('examples menu', () => {
  it('lists every scenario file with its name, benchmarks last', () => {
    expect(EXAMPLES.length).toBeGreaterThan(3);
    expect(EXAMPLES.find((e) => e.id === 'mm1')?.name).toMatch(/M\/M\/1/);
    const firstBench = EXAMPLES.findIndex((e) => e.id.startsWith('bench'));
    expect(EXAMPLES.slice(firstBench).every((e) => e.id.startsWith('bench'))).toBe(true);
  });

  it('orders each group by name as localeCompare would', () => {
    for (const group of [EXAMPLES.filter((e) => !e.id.startsWith('bench')), EXAMPLES.filter((e) => e.id.startsWith('bench'))]) {
      const names = group.map((e) => e.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    }
  });

  it('loads each example as a valid scenario', async () => {
    for (const example of EXAMPLES) {
      const result = await loadExample(example.id);
      expect(result.ok, `${example.id}: ${result.ok ? '' : result.errors.join('; ')}`).toBe(true);
    }
  });

  it('names no node after a setting its card already shows, which an edit would make stale', async () => {
    // "Users (300/s)", "Database (8 workers)", "TTL cache (1.7 s)": a figure in brackets, or a number with a unit.
    const encodesSetting = /\(\s*[\d.,]+|\d\s*(\/s|req\/s|workers?|cores?|ms|s)\b/;
    for (const example of EXAMPLES) {
      const result = await loadExample(example.id);
      if (!result.ok) continue;
      for (const node of result.scenario.nodes) expect(node.label, `${example.id}: ${node.id}`).not.toMatch(encodesSetting);
    }
  });

  it('says so when an example does not exist', async () => {
    expect(await loadExample('nope')).toEqual({ ok: false, errors: ['There is no example called "nope".'] });
  });
});
