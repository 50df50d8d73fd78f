import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from './kinds';
import { NodeSchema } from './schema';
import { starterScenario } from './starter';
import { createNode, freeSpot, nextLinkId, nextNodeName } from './node-factory';

describe('node factory', () => {
  it.each(NODE_KINDS)('creates a %s that passes the schema with nothing left to default', (kind) => {
    const node = createNode(kind, 'x-1', 'X 1', { x: 10.4, y: 20.6 });
    expect(NodeSchema.parse(node)).toEqual(node);
    expect(node.position).toEqual({ x: 10, y: 21 });
  });

  it('names a new node after the ones of its kind without reusing an id', () => {
    const scenario = starterScenario();
    expect(nextNodeName('server', scenario)).toEqual({ id: 'server-3', label: 'Server 3' });
    expect(nextNodeName('loadBalancer', scenario)).toEqual({ id: 'lb-2', label: 'Load balancer 2' });
    const gapped = { nodes: scenario.nodes.filter((n) => n.id !== 'server-1') };
    expect(nextNodeName('server', gapped).id).toBe('server-3');
  });

  it('picks an unused link id', () => {
    expect(nextLinkId({ links: [{ id: 'link-2', from: 'a', to: 'b', latency: 0, weight: 1 }] })).toBe('link-3');
    expect(nextLinkId({ links: [] })).toBe('link-1');
  });

  it('moves a new node off an occupied spot', () => {
    const scenario = starterScenario();
    const taken = scenario.nodes[0]!.position;
    expect(freeSpot(taken, scenario)).not.toEqual(taken);
    expect(freeSpot({ x: 5000, y: 5000 }, scenario)).toEqual({ x: 5000, y: 5000 });
  });
});
