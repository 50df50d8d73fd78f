import { describe, expect, it } from 'vitest';
import { rebaseChanges } from './rebase-changes';
import type { GraphChange, Link, ScenarioNode } from './schema';
import { starterScenario } from './starter';

const start = starterScenario();
const node = (id: string) => start.nodes.find((n) => n.id === id) as ScenarioNode;
const withNode = (nodes: readonly ScenarioNode[], id: string, patch: object) => nodes.map((n) => (n.id === id ? ({ ...n, ...patch } as ScenarioNode) : n));

/** The recording a shared run carries: at 10 s, server 1 got 8 workers and a third server was linked in. */
const third = { ...node('server-2'), id: 'server-3', label: 'API server 3' } as ScenarioNode;
const thirdLink: Link = { id: 'link-9', from: 'lb-1', to: 'server-3', latency: 0.001, weight: 1 };
const recorded: GraphChange = { at: 10, nodes: [...withNode(start.nodes, 'server-1', { workers: 8 }), third], links: [...start.links, thirdLink] };

describe('a recording carried over an edit of the graph it starts from', () => {
  it('keeps a field the user set, beside the fields the change set on the same node', () => {
    const edited = { nodes: withNode(start.nodes, 'server-1', { queueCapacity: 5 }), links: start.links };
    const [change] = rebaseChanges(start, edited, [recorded]);
    expect(change!.at).toBe(10);
    expect(change!.nodes.find((n) => n.id === 'server-1')).toMatchObject({ workers: 8, queueCapacity: 5 });
    expect(change!.nodes.find((n) => n.id === 'server-3')).toEqual(third);
  });

  it('adds what the user added and removes what they removed, with the links of a removed node', () => {
    const cache = { ...node('server-2'), id: 'server-9', label: 'Spare' } as ScenarioNode;
    const toCache: Link = { id: 'link-20', from: 'lb-1', to: 'server-9', latency: 0.001, weight: 1 };
    const edited = {
      nodes: [...start.nodes.filter((n) => n.id !== 'server-2'), cache],
      links: [...start.links.filter((l) => l.from !== 'server-2' && l.to !== 'server-2'), toCache],
    };
    const [change] = rebaseChanges(start, edited, [recorded]);
    const ids = change!.nodes.map((n) => n.id);
    expect(ids).not.toContain('server-2');
    expect(ids).toContain('server-9');
    expect(ids).toContain('server-3');
    expect(change!.links.some((l) => l.from === 'server-2' || l.to === 'server-2')).toBe(false);
    expect(change!.links.map((l) => l.id)).toEqual(expect.arrayContaining(['link-20', 'link-9']));
  });

  it('drops a link the user added where the change lacks one of its ends', () => {
    const spare = { ...node('server-2'), id: 'server-9', label: 'Spare' } as ScenarioNode;
    const before = { nodes: [...start.nodes, spare], links: start.links };
    // The recording removed the spare server; the user then links it at the start.
    const change: GraphChange = { at: 5, nodes: start.nodes, links: start.links };
    const after = { nodes: before.nodes, links: [...start.links, { id: 'link-30', from: 'lb-1', to: 'server-9', latency: 0.001, weight: 1 }] };
    const [rebased] = rebaseChanges(before, after, [change]);
    expect(rebased!.links.map((l) => l.id)).not.toContain('link-30');
  });

  it('changes nothing when the graph is the same', () => {
    expect(rebaseChanges(start, { nodes: start.nodes.slice(), links: start.links.slice() }, [recorded])).toEqual([recorded]);
  });
});
