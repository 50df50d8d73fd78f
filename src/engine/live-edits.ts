/**
 * Live edits: moving a running simulation from the graph in effect to a new
 * one (a recorded timed `change`, or an edit made during a run). Kept apart
 * from simulation.ts because it is a rare event, never on the per-event path:
 * the run loop decides when a change is due, this module decides what it does
 * to the components, links and numbering.
 *
 * Node and link numbers only grow, so a request's path stays valid; a node
 * whose settings or outgoing links change is retired and a new component
 * takes its id (see graph-diff.ts); a removed node's requests fail with
 * `removed`.
 */
import type { Link, RequestType, ScenarioNode } from '../scenario/schema';
import type { Component, RuntimeLink, SimContext } from './component';
import { createComponent } from './components/registry';
import { removedNode } from './components/removed-node';
import { nodesToReplace, rewireLinks } from './graph-diff';
import type { Sidecars } from './mesh/sidecars';
import { Outcome } from './types';

type Graph = { readonly nodes: readonly ScenarioNode[]; readonly links: readonly Link[] };

/** What a graph swap changes in place: the run's numbering, components and links. */
export interface LiveGraph {
  /** Each component's node, by component number; new components are appended. */
  readonly specs: ScenarioNode[];
  readonly indexOfNode: Map<string, number>;
  readonly requestTypes: RequestType[];
  /** Where each component's request types start in `requestTypes`, by component number. */
  readonly requestTypeOffsets: number[];
  readonly components: Component[];
  readonly links: RuntimeLink[];
  readonly linksFrom: RuntimeLink[][];
  readonly linkById: Map<string, RuntimeLink>;
  readonly sidecars: Sidecars;
  /** When each retired component stopped taking work, by component number. */
  readonly retiredAt: Map<number, number>;
  readonly measureFrom: number;
  /** What new components are built with. */
  readonly context: SimContext;
  /** Recomputes which nodes take arrivals as they are sent (see RoutingLayer). */
  refreshPassThrough(links: readonly RuntimeLink[], live: ReadonlySet<number>): void;
}

/** Moves `run` from the graph `before` to `nodes` and `links` at `time`. */
export function swapGraph(run: LiveGraph, before: Graph, nodes: readonly ScenarioNode[], links: readonly Link[], time: number): void {
  const { removed, replaced } = nodesToReplace(before, { nodes, links });
  const endings = [...removed, ...replaced].map((id) => run.indexOfNode.get(id) as number);
  for (const id of removed) run.indexOfNode.delete(id);
  // New components take the next numbers; the ones they replace keep theirs until their work is done.
  const fresh: number[] = [];
  for (const node of nodes) {
    if (run.indexOfNode.has(node.id) && !replaced.has(node.id)) continue;
    const index = run.specs.length;
    run.specs.push(node);
    run.indexOfNode.set(node.id, index);
    run.requestTypeOffsets.push(run.requestTypes.length);
    if (node.kind === 'client') run.requestTypes.push(...node.mix);
    fresh.push(index);
  }
  rewireLinks(
    { links: run.links, linksFrom: run.linksFrom, linkById: run.linkById, indexOfNode: run.indexOfNode, componentCount: run.specs.length, sidecars: run.sidecars },
    nodes,
    links,
  );
  for (const index of endings) {
    const component = run.components[index] as Component;
    run.retiredAt.set(index, time);
    component.retire?.(time);
    if (removed.has(component.id)) {
      component.evict?.(time, Outcome.removed);
      run.components[index] = removedNode(component, run.context);
    }
  }
  for (const index of fresh) run.components[index] = createComponent(index, run.specs[index] as ScenarioNode, run.context);
  run.refreshPassThrough([...run.linkById.values()], new Set(nodes.map((n) => run.indexOfNode.get(n.id) as number)));
  for (const index of fresh) {
    const component = run.components[index] as Component;
    if (time >= run.measureFrom) component.beginMeasurement(time);
    component.start(time);
  }
}
