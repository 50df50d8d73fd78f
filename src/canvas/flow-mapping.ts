import { type Edge, MarkerType } from '@xyflow/react';
import type { BreakerState } from '../engine/types';
import { BREAKER_LOOK } from './breaker-look';
import { sidecarsOn } from '../scenario/mesh-rules';
import type { Link, Mesh, ScenarioNode } from '../scenario/schema';
import type { Selection } from '../store/types';
import { formatSeconds } from './format';
import { CARD_SIZE, type Size, type XY } from '../scenario/node-factory';
import type { ScenarioFlowNode } from './NodeCard';

export type ScenarioFlowEdge = Edge<{ link: Link }>;

/**
 * React Flow nodes for the scenario. `drafts` holds positions of nodes being
 * dragged right now; `sizes` the card sizes React Flow measured, which a
 * controlled flow must pass back.
 */
export function toFlowNodes(
  nodes: readonly ScenarioNode[],
  selection: Selection,
  drafts: Readonly<Record<string, XY>>,
  sizes: Readonly<Record<string, Size>> = {},
): ScenarioFlowNode[] {
  return nodes.map((node) => ({
    id: node.id,
    type: 'scenario',
    position: drafts[node.id] ?? node.position,
    data: { node },
    selected: selection?.kind === 'node' && selection.id === node.id,
    ariaLabel: `${node.label || node.id}, ${node.kind}`,
    measured: sizes[node.id],
    // React Flow hides a card until it knows its size: the usual size lets the first frame show it (then it measures).
    initialWidth: CARD_SIZE.width,
    initialHeight: CARD_SIZE.height,
  }));
}

/**
 * React Flow edges: one arrow per link, labelled with its latency (and weight
 * when it matters); a link whose breaker has a state in a run is drawn in
 * that state's colour and says it.
 */
export function toFlowEdges(
  links: readonly Link[],
  nodes: readonly ScenarioNode[],
  selection: Selection,
  breakers: ReadonlyMap<string, BreakerState> = new Map(),
  mesh: Mesh | null = null,
): ScenarioFlowEdge[] {
  const names = new Map(nodes.map((n) => [n.id, n.label || n.id]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return links.map((link) => {
    // The sidecars on a link add their hop latency each way: the label says so; a call between two is dashed.
    const sidecars = sidecarsOn(link, byId, mesh);
    const latency = sidecars > 0 && mesh ? `${formatSeconds(link.latency)} +${formatSeconds(sidecars * mesh.hopLatency)} mesh` : formatSeconds(link.latency);
    const base = link.weight === 1 ? latency : `${latency} · weight ${link.weight}`;
    const breaker = breakers.get(link.id);
    const className = [breaker ? `edge--breaker-${breaker}` : '', sidecars === 2 ? 'edge--meshed' : ''].filter(Boolean).join(' ');
    return {
      id: link.id,
      source: link.from,
      target: link.to,
      data: { link },
      // While a run has a state for its breaker, the label says it instead of the latency (the inspector still shows that).
      label: breaker ? BREAKER_LOOK[breaker].label : base,
      selected: selection?.kind === 'link' && selection.id === link.id,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, ...(breaker ? { color: BREAKER_LOOK[breaker].color } : {}) },
      ...(breaker ? { style: { stroke: BREAKER_LOOK[breaker].color, strokeWidth: 3 } } : {}),
      ...(className ? { className } : {}),
      ariaLabel: `Link from ${names.get(link.from)} to ${names.get(link.to)}${breaker ? `, ${BREAKER_LOOK[breaker].label}` : ''}${
        sidecars > 0 ? `, through ${sidecars} sidecar${sidecars === 1 ? '' : 's'}` : ''
      }`,
    };
  });
}
