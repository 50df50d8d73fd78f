import type { NodeReportOf } from '../engine/types';
import { formatCount, formatMilliseconds, formatPercent, formatRate, formatTable, indent } from './format-numbers';

/** For a server with resources: each resource's operational figures, the bottleneck and its bound, and memory. */
export function resourceLines(node: NodeReportOf<'server'>, name: string): string[] {
  const report = node.resources;
  if (!report) return [];
  const rows = report.resources.map((r) => [
    r.resource,
    String(r.units),
    (r.utilization * 100).toFixed(1),
    r.meanQueue.toFixed(2),
    r.visitRatio.toFixed(2),
    formatMilliseconds(r.serviceTime),
    formatMilliseconds(r.demand),
    formatMilliseconds(r.demand / r.units),
  ]);
  const lines = ['', `Server ${name}: resources (operational laws, after warm-up)`];
  lines.push(
    ...indent(
      formatTable(
        [['resource', 'units', 'util %', 'mean queue', 'visits V', 'S ms', 'demand D ms', 'D/unit ms'], ...rows],
        ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      ),
    ),
  );
  const worst = report.resources.find((r) => r.resource === report.bottleneck);
  if (worst && worst.demand > 0) {
    const cap = (node.replicas * worst.units) / worst.demand;
    lines.push(
      `  bottleneck: ${worst.resource} (largest demand per unit): X ≤ ${node.replicas * worst.units} / ${formatMilliseconds(worst.demand)} ms = ${formatRate(cap)}/s; measured ${formatRate(report.throughput)}/s`,
    );
  }
  const m = report.memory;
  const paging = m.pagingFactor > 1 ? `paging slowed CPU work × ${m.pagingFactor.toFixed(2)}` : 'no paging';
  lines.push(
    `  memory: working set ${formatCount(m.meanWorkingSetMB)} MB on average (peak ${formatCount(m.peakWorkingSetMB)} MB) of ${formatCount(m.ramMB)} MB RAM, ${formatPercent(m.utilization)}; ${paging}`,
  );
  return lines;
}
