import { describe, expect, it } from 'vitest';
import { MeshSchema } from '../scenario/elastic-schema';
import type { ScenarioNode } from '../scenario/schema';
import { starterScenario } from '../scenario/starter';
import { toFlowEdges, toFlowNodes } from './flow-mapping';

describe('flow mapping', () => {
  const scenario = starterScenario();

  it('maps every node, marks the selected one, and prefers a drag draft position', () => {
    const nodes = toFlowNodes(scenario.nodes, { kind: 'node', id: 'server-1' }, { 'server-2': { x: 1, y: 2 } });
    expect(nodes.map((n) => n.id)).toEqual(scenario.nodes.map((n) => n.id));
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['server-1']);
    expect(nodes.find((n) => n.id === 'server-2')?.position).toEqual({ x: 1, y: 2 });
    expect(nodes.find((n) => n.id === 'server-1')?.position).toEqual({ x: 520, y: 20 });
  });

  it('maps links to labelled arrows between the right nodes', () => {
    const edges = toFlowEdges(scenario.links, scenario.nodes, { kind: 'link', id: 'link-1' });
    expect(edges[0]).toMatchObject({ source: 'client-1', target: 'lb-1', label: '10 ms', selected: true });
    expect(edges[0]?.ariaLabel).toBe('Link from Users to Load balancer');
    expect(edges.filter((e) => e.selected)).toHaveLength(1);
  });

  it('shows the weight only when it is not the default', () => {
    const [edge] = toFlowEdges([{ id: 'l', from: 'a', to: 'b', latency: 0.002, weight: 3 }], [], null);
    expect(edge?.label).toBe('2 ms · weight 3');
  });

  it('a link through sidecars says what they add; a call between two is dashed', () => {
    const mesh = MeshSchema.parse({ hopLatency: 0.0005 });
    const server = (id: string, sidecar: boolean) => ({ id, kind: 'server', sidecar }) as ScenarioNode;
    const nodes = [server('a', true), server('b', true), server('c', false)];
    const links = [
      { id: 'ab', from: 'a', to: 'b', latency: 0.002, weight: 1 },
      { id: 'bc', from: 'b', to: 'c', latency: 0.002, weight: 1 },
    ];
    const [both, one] = toFlowEdges(links, nodes, null, new Map(), mesh);
    expect(both).toMatchObject({ label: '2 ms +1 ms mesh', className: 'edge--meshed' });
    expect(both?.ariaLabel).toBe('Link from a to b, through 2 sidecars');
    expect(one?.label).toBe('2 ms +500 µs mesh');
    expect(one?.className).toBeUndefined();
    expect(toFlowEdges(links, nodes, null, new Map(), null)[0]?.label).toBe('2 ms');
  });
});
