import type { Link, ScenarioNode } from '../scenario/schema';
import type { RuntimeLink } from './component';
import type { Sidecars } from './mesh/sidecars';

type Graph = { readonly nodes: readonly ScenarioNode[]; readonly links: readonly Link[] };

/**
 * What a live edit from `before` to `after` does to the nodes: `removed` are
 * gone; `replaced` stay but need a new component, because their settings
 * changed (position and label aside) or their outgoing links did (which
 * links, in which order, their weights, or the kind or replicas at the far
 * end, or any setting of a scaling group at the far end, whose membership
 * they follow: components read these when they are built). Every other node keeps
 * its component, queue, cache and figures.
 */
export function nodesToReplace(before: Graph, after: Graph): { removed: Set<string>; replaced: Set<string> } {
  const next = new Map(after.nodes.map((node) => [node.id, node]));
  const removed = new Set(before.nodes.filter((node) => !next.has(node.id)).map((node) => node.id));
  const outBefore = outgoingSignatures(before);
  const outAfter = outgoingSignatures(after);
  const replaced = new Set<string>();
  for (const node of before.nodes) {
    const now = next.get(node.id);
    if (now === undefined) continue;
    if (settingsOf(node) !== settingsOf(now) || outBefore.get(node.id) !== outAfter.get(node.id)) replaced.add(node.id);
  }
  return { removed, replaced };
}

/** A node's settings as text, without what only the canvas shows. */
function settingsOf(node: ScenarioNode): string {
  const { position: _position, label: _label, ...settings } = node;
  return JSON.stringify(settings);
}

function outgoingSignatures(graph: Graph): Map<string, string> {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const out = new Map<string, unknown[]>();
  for (const link of graph.links) {
    const target = byId.get(link.to);
    const replicas = target && 'replicas' in target ? target.replicas : 1;
    // A scaling group's new component has a new membership: whoever follows it (a balancer, a queue) must too.
    const group = target?.kind === 'server' && target.autoscaling ? settingsOf(target) : null;
    const list = out.get(link.from) ?? [];
    list.push([link.id, link.to, link.weight, target?.kind, replicas, link.call ?? null, group, link.connection ?? null]);
    out.set(link.from, list);
  }
  return new Map([...out].map(([id, list]) => [id, JSON.stringify(list)]));
}

/** The run's links as a graph swap rewires them (arrays and maps it changes in place). */
export interface LinkState {
  /** Every link the run has had, by number; new ones are appended. */
  links: RuntimeLink[];
  /** Each component's outgoing links now, by component number. */
  linksFrom: RuntimeLink[][];
  /** The links of the graph in effect, by id. */
  linkById: Map<string, RuntimeLink>;
  indexOfNode: ReadonlyMap<string, number>;
  /** Components the run has, retired ones included. */
  componentCount: number;
  /** The mesh's sidecars, which set a link's latency and policy (mesh/sidecars.ts). */
  sidecars: Sidecars;
}

/**
 * Links of the new graph: a link whose sender is the same component is
 * kept (its far end, latency and weight follow the edit); one whose sender
 * is new gets a new number, so responses still walking back the old one
 * reach the component that sent them.
 */
export function rewireLinks(state: LinkState, nodes: readonly ScenarioNode[], links: readonly Link[]): void {
  const current = new Map<string, RuntimeLink>();
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  for (const link of links) {
    const from = state.indexOfNode.get(link.from) as number;
    const to = state.indexOfNode.get(link.to) as number;
    let runtime = state.linkById.get(link.id);
    const kept = runtime !== undefined && runtime.from === from ? runtime.sidecars : null;
    const { latency, call, sidecars } = state.sidecars.linkFields(link, from, to, nodeById.get(link.from), nodeById.get(link.to), kept);
    if (runtime === undefined || runtime.from !== from) {
      runtime = { index: state.links.length, id: link.id, from, to, latency, weight: link.weight, call, sidecars, connection: link.connection ?? null };
      state.links.push(runtime);
    } else {
      runtime.to = to;
      runtime.latency = latency;
      runtime.weight = link.weight;
      runtime.sidecars = sidecars;
      // An unchanged policy keeps its object, so the link's breaker and budget carry on (resilience/calls.ts).
      if (JSON.stringify(runtime.call ?? null) !== JSON.stringify(call)) runtime.call = call;
      // Likewise a connection policy keeps its object, so the caller's pool carries on (connections/connection-layer.ts).
      if (JSON.stringify(runtime.connection ?? null) !== JSON.stringify(link.connection ?? null)) runtime.connection = link.connection ?? null;
    }
    current.set(link.id, runtime);
  }
  state.linkById.clear();
  for (const [id, link] of current) state.linkById.set(id, link);
  while (state.linksFrom.length < state.componentCount) state.linksFrom.push([]);
  for (const node of nodes) state.linksFrom[state.indexOfNode.get(node.id) as number] = [];
  for (const link of current.values()) state.linksFrom[link.from]?.push(link);
}
