/**
 * The metric windows as CSV (RFC 4180, comma-separated, CRLF line ends): one
 * row per window, the system's columns first, then a group per node.
 * docs/exports.md lists the columns; windows-csv.test.ts holds them.
 */
import type { WindowSample } from '../../engine/types';

/** The system's columns, in order: times in seconds, latencies in milliseconds. */
export const SYSTEM_COLUMNS = ['start_s', 'end_s', 'completed', 'failed', 'throughput_per_s', 'p50_ms', 'p95_ms', 'p99_ms'] as const;

/** Each node's columns, in order, after `<node id>.`; `hit_ratio` only for nodes that report one (caches, CDNs). */
export const NODE_COLUMNS = ['utilization', 'queue_length', 'p99_ms', 'served', 'dropped'] as const;

/** One CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? numberText(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Full precision without exponent noise for ordinary figures; non-finite numbers as empty fields. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  // Round to 12 significant digits: 0.1 + 0.2 reads 0.3, not 0.30000000000000004, and no measured figure is that precise.
  return String(Number(value.toPrecision(12)));
}

const ms = (seconds: number) => seconds * 1000;

/**
 * The CSV of `windows`. `nodeIds` names each node's column group, in the
 * windows' node order (a node a live edit replaced keeps its own group).
 */
export function windowsCsv(windows: readonly WindowSample[], nodeIds: readonly string[]): string {
  const nodeCount = Math.max(nodeIds.length, ...windows.map((w) => w.nodes.length));
  const ids = Array.from({ length: nodeCount }, (_, i) => nodeIds[i] ?? `node-${i + 1}`);
  const hitRatio = ids.map((_, i) => windows.some((w) => w.nodes[i]?.hitRatio !== undefined));
  const header = [
    ...SYSTEM_COLUMNS,
    ...ids.flatMap((id, i) => [...NODE_COLUMNS, ...(hitRatio[i] ? ['hit_ratio'] : [])].map((column) => `${id}.${column}`)),
  ];
  const rows = windows.map((w) => [
    w.start,
    w.end,
    w.completed,
    w.failed,
    w.throughput,
    ms(w.p50),
    ms(w.p95),
    ms(w.p99),
    ...ids.flatMap((_, i) => {
      const n = w.nodes[i];
      const figures = n ? [n.utilization, n.queueLength, ms(n.p99), n.served, n.dropped] : [null, null, null, null, null];
      return hitRatio[i] ? [...figures, n?.hitRatio ?? null] : figures;
    }),
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n').concat('\r\n');
}
