import type { NodeReportOf } from '../engine/types';
import { KIND_TRAITS } from '../scenario/kinds';
import { formatCount, formatPercent, formatTable, indent } from './format-numbers';

/** For a node of several replicas: each machine's counts, busy share, state and sessions (none for one machine). */
export function replicaLines(node: NodeReportOf<'server' | 'database' | 'sessionStore'>, name: string): string[] {
  if (node.perReplica.length <= 1) return [];
  const sessions = node.perReplica.some((r) => r.sessions.held + r.sessions.lost > 0);
  const rows = node.perReplica.map((r) => [
    `${node.id} #${r.replica}`,
    formatCount(r.arrivals),
    formatPercent(r.utilization),
    formatCount(r.dropped),
    formatCount(r.refused),
    formatCount(r.lost),
    ...(sessions ? [formatCount(r.sessions.held), formatCount(r.sessions.lost)] : []),
    r.down ? 'down' : r.slowFactor > 1 ? `slow ×${r.slowFactor}` : 'up',
  ]);
  const head = ['replica', 'arrivals', 'busy', 'dropped', 'refused', 'lost', ...(sessions ? ['sessions', 'sessions lost'] : []), 'at the end'];
  const align = head.map((_, i) => (i === 0 || i === head.length - 1 ? 'left' : 'right')) as ('left' | 'right')[];
  return ['', `${KIND_TRAITS[node.kind].title} ${name}: each replica, a machine of its own`, ...indent(formatTable([head, ...rows], align))];
}
