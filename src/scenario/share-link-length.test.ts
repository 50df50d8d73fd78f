/**
 * Share links stay short enough for chat apps, slides and QR codes: the
 * figures here are the ones docs/scenario-format.md quotes ("Share links").
 */
import { describe, expect, it } from 'vitest';
import { createNode, nextLinkId, nextNodeName } from './node-factory';
import type { NodeKind, Scenario } from './schema';
import { starterScenario } from './starter';
import { shareUrl } from './url-codec';

/** A deployed origin of typical length; the link's length counts it. */
const ORIGIN = 'https://scale-playground.example.org/';

/**
 * Ten nodes added as a user would (each kind's defaults, its next free name,
 * cards on a grid): a client, a CDN, a load balancer, five servers, a cache
 * and a database, each server linked to both data nodes.
 */
function tenNodeScenario(): Scenario {
  const kinds: NodeKind[] = ['client', 'cdn', 'loadBalancer', 'server', 'server', 'server', 'server', 'server', 'cache', 'database'];
  const scenario: Scenario = { ...starterScenario(), name: 'Ten nodes', description: '', nodes: [], links: [] };
  kinds.forEach((kind, i) => {
    const { id, label } = nextNodeName(kind, scenario);
    scenario.nodes.push(createNode(kind, id, label, { x: 260 * Math.floor(i / 3), y: 140 * (i % 3) }));
  });
  const ids = (kind: NodeKind) => scenario.nodes.filter((n) => n.kind === kind).map((n) => n.id);
  const link = (from: string, to: string) => scenario.links.push({ id: nextLinkId(scenario), from, to } as Scenario['links'][number]);
  link(ids('client')[0]!, ids('cdn')[0]!);
  link(ids('cdn')[0]!, ids('loadBalancer')[0]!);
  for (const server of ids('server')) {
    link(ids('loadBalancer')[0]!, server);
    link(server, ids('cache')[0]!);
  }
  link(ids('cache')[0]!, ids('database')[0]!);
  return scenario;
}

describe('share link length', () => {
  it('the starter fits in 300 characters (229 when measured)', () => {
    expect(shareUrl(starterScenario(), ORIGIN).length).toBeLessThan(300);
  });

  it('a ten-node scenario fits in 600 characters (301 when measured)', () => {
    const scenario = tenNodeScenario();
    expect(scenario.nodes).toHaveLength(10);
    expect(scenario.links).toHaveLength(13);
    expect(shareUrl(scenario, ORIGIN).length).toBeLessThan(600);
  });
});
