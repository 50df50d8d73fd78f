import { KIND_TRAITS, kindsWhere, listKinds } from './kinds';
import type { Fault, FaultAction, NodeKind, ScenarioNode } from './schema';

/** Node kinds the engine can crash, slow down or restart (their component has applyFault). */
export const FAULTABLE_KINDS: readonly NodeKind[] = kindsWhere((t) => t.faults.length > 0);

/** Node kinds that can also be flushed (emptied). */
export const FLUSHABLE_KINDS: readonly NodeKind[] = kindsWhere((t) => t.faults.includes('flush'));

/** The fault actions a node of `kind` takes, in the order a user meets them. */
export function faultActionsFor(kind: NodeKind): FaultAction[] {
  return [...KIND_TRAITS[kind].faults];
}

/**
 * Why a node of `kind` cannot take `action` ("only caches and CDNs can be
 * flushed."), or null when it can; the kinds named are read from the table.
 */
export function faultRefusal(kind: NodeKind, action: FaultAction): string | null {
  const faults = KIND_TRAITS[kind].faults;
  if (faults.length === 0) return `only ${listKinds(FAULTABLE_KINDS)} can crash or slow down.`;
  if (faults.includes(action)) return null;
  const able = listKinds(kindsWhere((t) => t.faults.includes(action)));
  return `only ${able} can ${action === 'flush' ? 'be flushed' : action}.`;
}

/**
 * Why a fault's `replica` cannot be hit (it names no replica of its node), or
 * null. The node is looked up in the scenario's graph and its live edits.
 */
export function faultReplicaProblem(fault: Fault, scenario: { nodes: readonly ScenarioNode[]; changes: readonly { nodes: readonly ScenarioNode[] }[] }): string | null {
  if (fault.replica === undefined) return null;
  const candidates = [scenario.nodes, ...scenario.changes.map((c) => c.nodes)].flatMap((nodes) => nodes.filter((n) => n.id === fault.node));
  if (candidates.length === 0) return null;
  const replicas = Math.max(...candidates.map((n) => (n.kind === 'server' ? n.replicas : 1)));
  if (candidates.every((n) => n.kind !== 'server')) return `"${fault.node}" is ${KIND_TRAITS[candidates[0]!.kind].one}; only servers have replicas.`;
  if (fault.replica > replicas) return `"${fault.node}" has ${replicas} replica${replicas === 1 ? '' : 's'}, so there is no replica ${fault.replica}.`;
  return null;
}
