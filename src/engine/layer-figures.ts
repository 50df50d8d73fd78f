import type { ScenarioNode } from '../scenario/schema';
import type { Component, RuntimeLink } from './component';
import type { ConnectionLayer } from './connections/connection-layer';
import type { Sidecars } from './mesh/sidecars';
import type { CallLayer } from './resilience/calls';
import type { LiveNode, NodeReport } from './types';

/** The layers that cross nodes, and what reading their figures needs of the run. */
export interface CrossingLayers {
  readonly calls: CallLayer;
  readonly sidecars: Sidecars;
  readonly connections: ConnectionLayer;
  /** Each component's node, by component number. */
  readonly specs: readonly ScenarioNode[];
  outgoing(node: number): readonly RuntimeLink[];
  readonly now: number;
  readonly measureFrom: number;
}

/**
 * The figures that layers crossing the nodes add to each node's own: its
 * call links (breaker states, retries), its sidecar, its connections out and
 * in. A run that uses none of them pays nothing: live snapshots may be taken
 * at every step.
 */
export class LayerFigures {
  constructor(private readonly layers: CrossingLayers) {}

  /** Every component's live figures, with what the layers add. */
  live(components: readonly Component[]): LiveNode[] {
    const { calls, sidecars, connections } = this.layers;
    const nodes = calls.active || sidecars.active ? components.map((c) => this.withCalls(c.live(), c.index)) : components.map((c) => c.live());
    return connections.active ? nodes.map((live, i) => this.withConnections(live, i)) : nodes;
  }

  /** A component's report, with what the layers add and, for a component a live edit retired, when. */
  report(component: Component, retiredAt: number | undefined): NodeReport {
    const now = this.layers.now;
    const calls = this.layers.calls.figuresOf(component.index, now);
    const sidecar = this.sidecarOf(component.index);
    const report = calls === undefined && sidecar === undefined ? component.report(now) : { ...component.report(now), ...(calls && { calls }), ...(sidecar && { sidecar }) };
    const withRetired = retiredAt === undefined ? report : { ...report, retiredAt };
    return this.layers.connections.active ? this.withConnections(withRetired, component.index) : withRetired;
  }

  /** A node's figures with its connections out (links with a policy) and in, when it has any. */
  private withConnections<T extends LiveNode | NodeReport>(figures: T, node: number): T {
    const connections = this.layers.connections.figuresOf(node);
    const inboundConnections = this.layers.connections.inboundOf(node);
    if (connections === undefined && inboundConnections === undefined) return figures;
    return { ...figures, ...(connections && { connections }), ...(inboundConnections && { inboundConnections }) };
  }

  /** A node's live figures with its call links' breaker states and its sidecar's figures, when it has any. */
  private withCalls(live: LiveNode, node: number): LiveNode {
    const calls = this.layers.calls.liveOf(node, this.layers.now);
    const sidecar = this.sidecarOf(node);
    if (calls === undefined && sidecar === undefined) return live;
    return { ...live, ...(calls && { calls }), ...(sidecar && { sidecar }) };
  }

  /** Node `node`'s sidecar figures so far, or undefined when it has none. */
  private sidecarOf(node: number) {
    const { sidecars, specs, now, measureFrom } = this.layers;
    if (!sidecars.active) return undefined;
    return sidecars.figuresOf(node, specs[node] as ScenarioNode, this.layers.outgoing(node), Math.max(0, now - measureFrom));
  }
}
