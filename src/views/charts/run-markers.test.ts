import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../scenario/schema';
import { starterScenario } from '../../scenario/starter';
import { runMarkers } from './run-markers';

describe('runMarkers', () => {
  it('marks each recorded edit and each fault, by the node’s label, in time order', () => {
    const base = starterScenario();
    const added = { ...base.nodes.find((n) => n.kind === 'server')!, id: 'server-3', label: 'API server 3' };
    const scenario: Scenario = {
      ...base,
      faults: [
        { at: 20, node: 'server-3', action: 'crash', factor: 1 },
        { at: 5, node: 'server-1', action: 'slow', factor: 3 },
      ],
      changes: [{ at: 12.5, nodes: [...base.nodes, added], links: base.links }],
    };
    const server1 = base.nodes.find((n) => n.id === 'server-1')?.label;
    expect(runMarkers(scenario)).toEqual([
      { at: 5, label: `slow ${server1}` },
      { at: 12.5, label: 'edit' },
      { at: 20, label: 'crash API server 3' },
    ]);
    // The same array while the scenario is the same, so charts need not redraw.
    expect(runMarkers(scenario)).toBe(runMarkers(scenario));
    expect(runMarkers(null)).toEqual([]);
  });
});
