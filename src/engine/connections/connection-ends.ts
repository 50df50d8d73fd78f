import type { ScenarioNode } from '../../scenario/schema';
import { groupSlots } from '../elastic/group-size';

/**
 * Which instance of a replicated server sends a request, from the worker
 * that holds it (each instance keeps its own pools); 0 for any other node.
 */
export function sendingInstance(node: ScenarioNode, worker: number): number {
  if (node.kind !== 'server' || groupSlots(node) === 1) return 0;
  return Math.floor(worker / node.workers);
}

/** The most connections a node accepts at once (a database's maxConnections, a pooler's maxClientConnections); null: no limit. */
export function connectionLimit(node: ScenarioNode): number | null {
  if (node.kind === 'database') return node.maxConnections;
  return node.kind === 'pooler' ? node.maxClientConnections : null;
}
