import type { FaultAction, NodeKind } from './schema';

/** Node kinds the engine can crash, slow down or restart (their component has applyFault). */
export const FAULTABLE_KINDS: readonly NodeKind[] = ['server', 'database', 'sessionStore', 'cache', 'cdn'];

/** Node kinds that can also be flushed (emptied). */
export const FLUSHABLE_KINDS: readonly NodeKind[] = ['cache', 'cdn'];

/** The fault actions a node of `kind` takes, in the order a user meets them. */
export function faultActionsFor(kind: NodeKind): FaultAction[] {
  if (!FAULTABLE_KINDS.includes(kind)) return [];
  const actions: FaultAction[] = ['crash', 'restart', 'slow', 'recover'];
  if (FLUSHABLE_KINDS.includes(kind)) actions.push('flush');
  return actions;
}
