import { KIND_TRAITS, kindsWhere, listKinds } from './kinds';
import type { FaultAction, NodeKind } from './schema';

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
