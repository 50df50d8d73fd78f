import { beforeAll, describe, expect, it } from 'vitest';
import type { Link, Scenario, ScenarioNode } from '../scenario/schema';
import { starterScenario } from '../scenario/starter';
import { createSimulation, runScenario } from './simulation';
import type { Report, Simulation } from './types';

/** The starter (client → lb → two servers → database), 30 s, no warm-up so every figure counts from 0. */
const base: Scenario = { ...starterScenario(), duration: 30, warmup: 0 };
type Graph = { nodes: ScenarioNode[]; links: Link[] };

const withNode = (graph: Graph, id: string, patch: Record<string, unknown>): Graph => ({
  ...graph,
  nodes: graph.nodes.map((n) => (n.id === id ? ({ ...n, ...patch } as ScenarioNode) : n)),
});
const server3 = (graph: Graph): Graph => ({
  nodes: [...graph.nodes, { ...(graph.nodes.find((n) => n.id === 'server-1') as ScenarioNode), id: 'server-3', label: 'API server 3' }],
  links: [
    ...graph.links,
    { id: 'link-6', from: 'lb-1', to: 'server-3', latency: 0.001, weight: 1 },
    { id: 'link-7', from: 'server-3', to: 'database-1', latency: 0.001, weight: 1 },
  ],
});
const withoutServer2 = (graph: Graph): Graph => ({
  nodes: graph.nodes.filter((n) => n.id !== 'server-2'),
  links: graph.links.filter((l) => l.from !== 'server-2' && l.to !== 'server-2'),
});

/** Each kind of live edit, as a graph made from the scenario's. */
const EDITS: Record<string, (graph: Graph) => Graph> = {
  rate: (g) => withNode(g, 'client-1', { workload: { mode: 'open', rate: 120 } }),
  algorithm: (g) => withNode(g, 'lb-1', { algorithm: 'leastConnections' }),
  workers: (g) => withNode(g, 'server-1', { workers: 1 }),
  replicas: (g) => withNode(g, 'server-2', { replicas: 3 }),
  'add node and links': server3,
  'remove node': withoutServer2,
  'remove link': (g) => ({ ...g, links: g.links.filter((l) => l.id !== 'link-3') }),
  'link latency': (g) => ({ ...g, links: g.links.map((l) => (l.id === 'link-1' ? { ...l, latency: 0.2 } : l)) }),
};

/** Runs to `until` in 0.25 s steps, checking conservation at each. */
function runChecking(sim: Simulation, from: number, until: number): void {
  for (let t = from; t <= until + 1e-9; t += 0.25) {
    sim.runUntil(t);
    const s = sim.snapshot();
    expect(s.sent, `at ${t} s`).toBe(s.completed + s.failed + s.inFlight);
    expect(s.inFlight).toBeGreaterThanOrEqual(0);
  }
}

describe.each(Object.entries(EDITS))('a live edit: %s', (_name, edit) => {
  const graph = edit({ nodes: base.nodes, links: base.links });
  let live: Report;
  beforeAll(() => {
    const sim = createSimulation(base);
    runChecking(sim, 0, 10.3);
    const change = sim.applyChange(graph.nodes, graph.links);
    expect(change.at).toBeCloseTo(10.25);
    runChecking(sim, 10.5, base.duration);
    live = sim.report();
  });

  it('conserves requests and matches the headless run of the recorded scenario', () => {
    const recorded: Scenario = { ...base, changes: [{ at: 10.25, nodes: graph.nodes, links: graph.links }] };
    expect(runScenario(recorded)).toEqual(live);
  });

  it('changes the run from that moment on', () => {
    expect(live).not.toEqual(runScenario(base));
    // The graph in effect is reported; replaced or removed components say when they stopped.
    const retired = live.nodes.filter((n) => n.retiredAt !== undefined);
    for (const node of retired) expect(node.retiredAt).toBe(10.25);
  });
});

describe('what each edit does', () => {
  const liveReport = (edit: (g: Graph) => Graph, at = 10) => {
    const g = edit({ nodes: base.nodes, links: base.links });
    return runScenario({ ...base, changes: [{ at, nodes: g.nodes, links: g.links }] });
  };

  it('a higher rate sends more from the change on', () => {
    const before = runScenario(base).totals.sent;
    const after = liveReport(EDITS.rate!).totals.sent;
    // 40/s for 30 s ≈ 1200; 40/s for 10 s and 120/s for 20 s ≈ 2800.
    expect(before).toBeLessThan(1400);
    expect(after).toBeGreaterThan(2400);
  });

  it('an added server takes traffic; the others keep their figures', () => {
    const report = liveReport(server3);
    const s3 = report.nodes.find((n) => n.id === 'server-3')!;
    const s1 = report.nodes.find((n) => n.id === 'server-1')!;
    expect(s3.arrivals).toBeGreaterThan(100);
    expect(s1.retiredAt).toBeUndefined();
    // The balancer's links changed, so a new balancer took over at 10 s.
    expect(report.nodes.filter((n) => n.id === 'lb-1').map((n) => n.retiredAt)).toEqual([10, undefined]);
  });

  it('requests at a removed node fail with "removed"; none are lost', () => {
    // A slow server with a long queue, removed while full.
    const slow = withNode({ nodes: base.nodes, links: base.links }, 'server-2', { workers: 1, serviceTime: { type: 'constant', value: 0.5 } });
    const scenario: Scenario = { ...base, nodes: slow.nodes, links: slow.links };
    const g = withoutServer2(slow);
    const report = runScenario({ ...scenario, changes: [{ at: 10, nodes: g.nodes, links: g.links }] });
    expect(report.totals.failures.removed).toBeGreaterThan(0);
    const t = report.totals;
    expect(t.sent).toBe(t.completed + t.failed + t.inFlight);
  });

  it('a fault can name a node added mid-run', () => {
    const g = server3({ nodes: base.nodes, links: base.links });
    const sim = createSimulation(base);
    sim.runUntil(5);
    expect(sim.injectFault('server-3', 'crash')).toMatch(/no node/);
    sim.applyChange(g.nodes, g.links);
    expect(sim.injectFault('server-3', 'crash')).toBeNull();
    sim.runUntil(6);
    const index = sim.layout().nodeIndex['server-3']!;
    expect(sim.snapshot().nodes[index]!.down).toBe(true);
  });

  it('the layout names every component and link by number', () => {
    const g = server3({ nodes: base.nodes, links: base.links });
    const sim = createSimulation(base);
    const before = sim.layout();
    expect(before.nodeIds).toEqual(base.nodes.map((n) => n.id));
    sim.runUntil(1);
    sim.applyChange(g.nodes, g.links);
    const after = sim.layout();
    expect(after).not.toBe(before);
    expect(after.nodeIds).toEqual([...before.nodeIds, 'lb-1', 'server-3']);
    expect(after.nodeIndex['lb-1']).toBe(5);
    expect(after.linkIds.slice(5)).toEqual(['link-2', 'link-3', 'link-6', 'link-7']);
    expect(after.linkEnds[0]).toEqual({ from: 'client-1', to: 'lb-1' });
  });
});
