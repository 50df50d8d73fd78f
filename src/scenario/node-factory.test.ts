import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from './kinds';
import { NodeSchema } from './schema';
import { starterScenario } from './starter';
import { CARD_SIZE, createNode, freeSpot, nextLinkId, nextNodeName, type XY } from './node-factory';

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

  it('places nodes added at the same centre side by side, none overlapping a card', () => {
    const centre = { x: 300, y: 200 };
    const nodes: { position: XY }[] = [];
    for (let i = 0; i < 12; i++) nodes.push({ position: freeSpot(centre, { nodes } as never) });
    expect(nodes[0]?.position).toEqual(centre);
    for (const [i, a] of nodes.entries()) {
      for (const b of nodes.slice(i + 1)) {
        const apart = Math.abs(a.position.x - b.position.x) >= CARD_SIZE.width || Math.abs(a.position.y - b.position.y) >= CARD_SIZE.height;
        expect(apart).toBe(true);
      }
    }
    // The first neighbour is the nearest cell, straight beside the centre, not 40 px down a diagonal.
    const second = nodes[1]?.position ?? centre;
    expect(second.x === centre.x || second.y === centre.y).toBe(true);
    expect(Math.hypot(second.x - centre.x, second.y - centre.y)).toBeLessThan(CARD_SIZE.width * 1.2);
    // Twelve nodes stay within two rings of cells around the centre.
    for (const { position } of nodes) expect(Math.abs(position.x - centre.x)).toBeLessThanOrEqual(2 * (CARD_SIZE.width + 16));
  });

  it('keeps a spot that only comes near a card, and steps off one that overlaps its real size', () => {
    const scenario = { nodes: [{ position: { x: 0, y: 0 } }] } as never;
    expect(freeSpot({ x: CARD_SIZE.width + 20, y: 0 }, scenario)).toEqual({ x: CARD_SIZE.width + 20, y: 0 });
    const moved = freeSpot({ x: 100, y: 60 }, scenario);
    expect(Math.abs(moved.x) >= CARD_SIZE.width || Math.abs(moved.y) >= CARD_SIZE.height).toBe(true);
  });
});
