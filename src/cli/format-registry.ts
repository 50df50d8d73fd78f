import type { NodeReportOf } from '../engine/types';
import { formatCount, formatNumber, formatTable, indent } from './format-numbers';

/* The terminal report's section for a service registry. */

const MODE_NAMES = { clientSide: 'client-side discovery', serverSide: 'server-side discovery', dns: 'DNS' } as const;
const CAUSES = { joined: 'registered', left: 'left (deregistered at once)', heartbeat: 'was dropped (no heartbeat)', restarted: 'registered again (restart)' } as const;
const MAX_CHANGES = 20;

/** For a service registry: its calls and stale calls, each cached copy against the list, and when instances came and went. */
export function registryLines(node: NodeReportOf<'registry'>, name: string): string[] {
  const r = node.registry;
  const lines = ['', `Service registry ${name} (${MODE_NAMES[r.mode]}): ${formatCount(r.listed.length)} of ${formatCount(r.instances)} instances listed at the end`];
  const stale = r.calls > 0 ? ` (${((r.staleCalls / r.calls) * 100).toFixed(2)} %)` : '';
  lines.push(`  ${formatCount(r.calls)} calls · ${formatCount(r.staleCalls)} to instances that had left${stale} · ${formatCount(r.unrouted)} found none · ${formatCount(r.lookups)} look-ups`);
  if (r.caches.length > 0) {
    const rows = r.caches.map((c) => [c.name, formatCount(c.entries), formatCount(c.stale), formatCount(c.missing), formatCount(c.refreshes), formatCount(c.staleCalls)]);
    lines.push(...indent(formatTable([['cached copy', 'entries', 'stale', 'missing', 'refreshes', 'stale calls'], ...rows], ['left', 'right', 'right', 'right', 'right', 'right'])));
  }
  for (const change of r.changes.slice(0, MAX_CHANGES)) lines.push(`  at ${formatNumber(change.time)} s, ${change.instance} ${CAUSES[change.cause]}`);
  if (r.changes.length > MAX_CHANGES) lines.push(`  …and ${formatCount(r.changes.length - MAX_CHANGES)} more changes`);
  return lines;
}
