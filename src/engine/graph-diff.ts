import type { Link, ScenarioNode } from '../scenario/schema';

type Graph = { readonly nodes: readonly ScenarioNode[]; readonly links: readonly Link[] };

/**
 * What a live edit from `before` to `after` does to the nodes: `removed` are
 * gone; `replaced` stay but need a new component, because their settings
 * changed (position and label aside) or their outgoing links did (which
 * links, in which order, their weights, or the kind or replicas at the far
 * end: components read these when they are built). Every other node keeps
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
    const list = out.get(link.from) ?? [];
    list.push([link.id, link.to, link.weight, target?.kind, replicas]);
    out.set(link.from, list);
  }
  return new Map([...out].map(([id, list]) => [id, JSON.stringify(list)]));
}
