import { FAILURE_REASONS, type LatencySummary, type NodeReport, type Report } from '../engine/types';

/*
 * The human-readable form of a Report for the terminal. Numbers are formatted
 * by hand, not with toLocaleString, so the output is the same on every machine.
 */

/**
 * Clients have no workers, and a load balancer only has CPU to measure when it
 * has a per-request overhead or terminates TLS: a dash, not a misleading 0.
 */
function hasWorkers(node: NodeReport): boolean {
  if (node.kind === 'client') return false;
  if (node.kind === 'loadBalancer') return node.utilization > 0;
  return true;
}

/** Renders a report as plain-text tables: run header, request totals, end-to-end latency, one row per node, then each load balancer's targets. */
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
    ...indent(nodeTable(report.nodes)),
    ...report.nodes.flatMap(balancerLines),
    '',
  ].join('\n');
}

const indent = (rows: string[]) => rows.map((row) => `  ${row}`);


function latencyCells(latency: LatencySummary): string[] {
  if (latency.count === 0) return ['0', '–', '–', '–', '–', '–', '–'];
  const { count, mean, p50, p95, p99, p999, max } = latency;
  return [formatCount(count), ...[mean, p50, p95, p99, p999, max].map(formatMilliseconds)];
}

/** One row per node; "refused" and "lost" columns appear only when a node crashed. */
function nodeTable(nodes: readonly NodeReport[]): string[] {
  const crashed = nodes.some((node) => (node.refused ?? 0) + (node.lost ?? 0) > 0);
  const header = ['node', 'kind', 'arrivals', 'dropped', ...(crashed ? ['refused', 'lost'] : []), 'util %', 'mean queue', 'p99 ms'];
  const rows = nodes.map((node) => {
    const stationless = !hasWorkers(node);
    return [
      node.id,
      node.kind,
      formatCount(node.arrivals),
      formatCount(node.dropped),
      ...(crashed ? [formatCount(node.refused ?? 0), formatCount(node.lost ?? 0)] : []),
      stationless ? '–' : (node.utilization * 100).toFixed(1),
      stationless ? '–' : node.meanQueueLength.toFixed(2),
      node.latency.count === 0 ? '–' : formatMilliseconds(node.latency.p99),
    ];
  });
  return formatTable([header, ...rows], header.map((_, i) => (i < 2 ? 'left' : 'right')));
}

const MAX_POOL_CHANGES = 20;
const OUT_OF_POOL = { probes: 'out: failed probes', ejected: 'out: ejected' } as const;

/** For a load balancer: each target's share and whether it is in the pool, then when targets left or rejoined it. */
function balancerLines(node: NodeReport): string[] {
  if (!node.targets || node.targets.length === 0) return [];
  const rows = node.targets.map((t) => [
    t.id,
    formatCount(t.routed),
    (t.share * 100).toFixed(1),
    t.eligible || t.out === '' ? 'in' : OUT_OF_POOL[t.out],
  ]);
  const lines = ['', `Load balancer ${node.id}: where its requests went`];
  lines.push(...indent(formatTable([['target', 'routed', 'share %', 'pool at the end'], ...rows], ['left', 'right', 'right', 'left'])));
  if (node.probesSent) lines.push(`  ${formatCount(node.probesSent)} health probes sent`);
  const changes = node.healthTimeline ?? [];
  for (const change of changes.slice(0, MAX_POOL_CHANGES)) {
    const what = change.eligible ? 'rejoined the pool' : `left the pool (${change.out === 'probes' ? 'failed probes' : 'ejected'})`;
    lines.push(`  at ${formatNumber(change.time)} s, ${change.target} ${what}`);
  }
  if (changes.length > MAX_POOL_CHANGES) lines.push(`  …and ${formatCount(changes.length - MAX_POOL_CHANGES)} more pool changes`);
  return lines;
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
