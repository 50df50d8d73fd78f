import { FAILURE_REASONS, type LatencySummary, type NodeReport, type Report } from '../engine/types';
import { KIND_TRAITS } from '../scenario/kinds';
import { meshLines } from './format-mesh';
import { nodeDetailLines } from './format-node-details';
import { formatDollars } from './format-instances';
import { formatCount, formatMilliseconds, formatNumber, formatRate, formatTable, indent } from './format-numbers';

/* The human-readable form of a Report for the terminal. */

/**
 * Clients, caches and CDNs have no workers, and a load balancer only has CPU
 * to measure when it has a per-request overhead or terminates TLS: a dash,
 * not a misleading 0.
 */
function hasWorkers(node: NodeReport): boolean {
  const workers = KIND_TRAITS[node.kind].workers;
  return workers === 'always' || (workers === 'whenConfigured' && node.utilization > 0);
}

/** Renders a report as plain-text tables: run header, request totals, end-to-end latency, one row per node, then details of balancers, caches and CDNs. */
export function formatReport(report: Report): string {
  const { totals } = report;
  const measured = report.simulatedTime - report.warmup;
  // Only the reasons that occurred: there are a dozen, and a row of zeros hides the one that matters.
  const occurred = FAILURE_REASONS.filter((reason) => totals.failures[reason] > 0);
  const failures = occurred.length === 0 ? 'none' : occurred.map((reason) => `${reason} ${formatCount(totals.failures[reason])}`).join(' · ');
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
      ...sessionRows(totals.sessions),
      ...(totals.costPerHour ? [['cost', `${formatRate(totals.costPerHour)}/hour`, totals.cost !== undefined ? "every server's replicas × their cost per hour; a scaling group's mean" : "every server's replicas × their cost per hour"]] : []),
      ...(totals.cost !== undefined ? [['run cost', formatDollars(totals.cost), 'instance-seconds × cost per hour ÷ 3600, scaling groups included']] : []),
    ],
    ['left', 'right', 'left'],
  );
  const latency = formatTable(
    [
      ['', 'count', 'mean', 'p50', 'p95', 'p99', 'p99.9', 'max'],
      ['latency (ms)', ...latencyCells(totals.latency)],
      ...theoryRows(report.theory),
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
    ...(report.theory ? indent(report.theory.nodes.map((n) => `theory for ${n.id} (${n.model}): util ${(n.utilization * 100).toFixed(1)} %, mean ${formatMilliseconds(n.meanResponse)} ms`)) : []),
    ...report.nodes.flatMap((node, index) => nodeDetailLines(node, nodeName(node, report.nodes.slice(index + 1)))),
    ...meshLines(report.mesh, report.nodes),
    '',
  ].join('\n');
}

/** The closed form beside the measured latency, when the engine found one; a dash where theory gives no exact percentile. */
function theoryRows(theory: Report['theory']): string[][] {
  if (!theory) return [];
  const { mean, p50, p95, p99 } = theory.latency;
  const cell = (v: number | undefined) => (v === undefined ? '–' : formatMilliseconds(v));
  return [['theory (ms)', '', cell(mean), cell(p50), cell(p95), cell(p99), '', '']];
}

/**
 * A live edit lists a node it replaced or removed beside what took its
 * place, under the same id: the name says which row is which.
 */
function nodeName(node: NodeReport, later: readonly NodeReport[]): string {
  if (node.retiredAt === undefined) return node.id;
  const replaced = later.some((other) => other.id === node.id);
  return `${node.id} (${replaced ? 'before edit' : 'removed'} at ${formatNumber(node.retiredAt)} s)`;
}

/** Logins only happen when servers keep sessions; a stateless system gets no row. */
function sessionRows(sessions: Report['totals']['sessions'] | undefined): string[][] {
  if (!sessions || sessions.logins + sessions.relogins + sessions.lost === 0) return [];
  const aged = [
    sessions.expired ? `${formatCount(sessions.expired)} expired` : '',
    sessions.evicted ? `${formatCount(sessions.evicted)} evicted from a full table` : '',
  ].filter((part) => part !== '');
  const tail = aged.length > 0 ? ` · ${aged.join(' · ')}` : '';
  return [['logins', formatCount(sessions.logins), `${formatCount(sessions.relogins)} of them again (session elsewhere or gone) · ${formatCount(sessions.lost)} sessions lost in crashes${tail}`]];
}

function latencyCells(latency: LatencySummary): string[] {
  if (latency.count === 0) return ['0', '–', '–', '–', '–', '–', '–'];
  const { count, mean, p50, p95, p99, p999, max } = latency;
  return [formatCount(count), ...[mean, p50, p95, p99, p999, max].map(formatMilliseconds)];
}

/** One row per node; "refused" and "lost" columns appear only when a node crashed. */
function nodeTable(nodes: readonly NodeReport[]): string[] {
  const crashed = nodes.some((node) => (node.refused ?? 0) + (node.lost ?? 0) > 0);
  const header = ['node', 'kind', 'arrivals', 'dropped', ...(crashed ? ['refused', 'lost'] : []), 'util %', 'mean queue', 'p99 ms'];
  const rows = nodes.map((node, index) => {
    const stationless = !hasWorkers(node);
    return [
      nodeName(node, nodes.slice(index + 1)),
      node.instances ? `${node.kind} ${node.instances.min}–${node.instances.max}` : (node.replicas ?? 1) > 1 ? `${node.kind} ×${node.replicas}` : node.kind,
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
