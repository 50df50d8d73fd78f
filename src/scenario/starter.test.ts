import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import { starterScenario } from './starter';

describe('starter scenario', () => {
  it('parses without errors or warnings', () => {
    const result = parseScenario(starterScenario());
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('has a client whose requests reach every other node', () => {
    const scenario = starterScenario();
    const reached = new Set(scenario.nodes.filter((n) => n.kind === 'client').map((n) => n.id));
    for (let changed = true; changed; ) {
      changed = false;
      for (const link of scenario.links) {
        if (reached.has(link.from) && !reached.has(link.to)) {
          reached.add(link.to);
          changed = true;
        }
      }
    }
    expect(reached.size).toBe(scenario.nodes.length);
  });
});
