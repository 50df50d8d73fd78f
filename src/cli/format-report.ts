import { FAILURE_REASONS, type LatencySummary, type NodeReport, type Report } from '../engine/types';

/*
 * The human-readable form of a Report for the terminal. Numbers are formatted
 * by hand, not with toLocaleString, so the output is the same on every machine.
 */

/** Node kinds that have no workers, so utilization and queue figures mean nothing for them. */
const KINDS_WITHOUT_WORKERS = new Set(['client', 'loadBalancer']);

/** Renders a report as plain-text tables: run header, request totals, end-to-end latency, then one row per node. */
export function formatReport(report: Report): string {
  const { totals } = report;
  const measured = report.simulatedTime - report.warmup;
  const failures = FAILURE_REASONS.map((reason) => `${reason} ${formatCount(totals.failures[reason])}`).join(' · ');
  const header = [
    report.scenario,
    `seed ${report.seed} · ${formatNumber(report.simulatedTime)} s simulated · ${
      report.warmup > 0 ? `measured after a ${formatNumber(report.warmup)} s warm-up (${formatNumber(Math.max(0, measured))} s)` : 'no warm-up'
    } · ${formatCount(report.events)} events`,
  ];
  const requests = formatTable(
    [
      ['sent', formatCount(totals.sent), `including ${formatCount(totals.retries)} retries`],
      ['completed', formatCount(totals.completed), ''],
      ['failed', formatCount(totals.failed), failures],
      ['in flight', formatCount(totals.inFlight), 'at the end of the run'],
      ['throughput', `${formatRate(totals.throughput)}/s`, 'completed per second, after warm-up'],
    ],
    ['left', 'right', 'left'],
  );
  const latency = formatTable(
    [
      ['', 'count', 'mean', 'p50', 'p95', 'p99', 'p99.9', 'max'],
      ['latency (ms)', ...latencyCells(totals.latency)],
    ],
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const nodes = formatTable(
    [['node', 'kind', 'arrivals', 'dropped', 'util %', 'mean queue', 'p99 ms'], ...report.nodes.map(nodeRow)],
    ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
  );
  const indent = (rows: string[]) => rows.map((row) => `  ${row}`);
  return [
    ...header,
    '',
    'Requests (whole run)',
    ...indent(requests),
    '',
    'End-to-end latency at the clients, after warm-up',
    ...indent(latency),
    '',
    'Nodes',
    ...indent(nodes),
    '',
  ].join('\n');
}

function latencyCells(latency: LatencySummary): string[] {
  if (latency.count === 0) return ['0', '–', '–', '–', '–', '–', '–'];
  const { count, mean, p50, p95, p99, p999, max } = latency;
  return [formatCount(count), ...[mean, p50, p95, p99, p999, max].map(formatMilliseconds)];
}

function nodeRow(node: NodeReport): string[] {
  const stationless = KINDS_WITHOUT_WORKERS.has(node.kind);
  return [
    node.id,
    node.kind,
    formatCount(node.arrivals),
    formatCount(node.dropped),
    stationless ? '–' : (node.utilization * 100).toFixed(1),
    stationless ? '–' : node.meanQueueLength.toFixed(2),
    node.latency.count === 0 ? '–' : formatMilliseconds(node.latency.p99),
  ];
}

type Align = 'left' | 'right';

/** Lays out rows in columns two spaces apart, each column as wide as its widest cell. */
export function formatTable(rows: readonly (readonly string[])[], align: readonly Align[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
        return align[i] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** 1234567 → "1,234,567" (rounded to a whole number). */
export function formatCount(n: number): string {
  return groupThousands(String(Math.round(n)));
}

/** Puts commas in the whole part of a decimal string: "12345.67" → "12,345.67". */
function groupThousands(text: string): string {
  const [whole, fraction] = text.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Seconds → milliseconds with about three significant digits: 0.000123 → "0.123", 0.5 → "500", 12.3 → "12,300". */
export function formatMilliseconds(seconds: number): string {
  const ms = seconds * 1000;
  if (ms >= 100) return formatCount(Math.round(ms));
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

function formatRate(perSecond: number): string {
  return groupThousands(perSecond.toFixed(perSecond >= 100 ? 1 : 2));
}

/** Seconds of simulated time: at most three decimals, none when whole. */
function formatNumber(n: number): string {
  return groupThousands(String(Math.round(n * 1000) / 1000));
}
