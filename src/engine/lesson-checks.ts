import type { LessonCheck, NodeMetric, TotalsMetric } from '../scenario/lesson-schema';
import type { LiveSnapshot, NodeReport, Report } from './types';

/**
 * Judges a lesson's checks (scenario/lesson-schema.ts) against a run's
 * figures: the live snapshot's whole-run figures while it goes (`measured`,
 * the engine's `theory`), the report once it ends. The same function serves
 * the lesson panel on every display beat and the headless lesson tests, so
 * what the page shows is what the tests hold.
 */

/** What a check reads: the latest snapshot, the report when the run ended, and where each node sits in the figures. */
export interface LessonFigures {
  snapshot: LiveSnapshot | null;
  report: Report | null;
  nodeIndex: Readonly<Record<string, number>>;
}

/**
 * Why a check has no verdict yet: no run (`run`), the run is warming up
 * (`warmup`), the figure comes with the report at the end (`end`), or no
 * closed form applies to this system (`noTheory`).
 */
export type PendingReason = 'run' | 'warmup' | 'end' | 'noTheory';

/** A check's verdict, or why there is none yet. */
export type CheckVerdict =
  | { state: 'pass' | 'fail'; value: number; reference: number | null }
  | { state: 'pending'; value: null; reference: null; why: PendingReason };

const pending = (why: PendingReason): CheckVerdict => ({ state: 'pending', value: null, reference: null, why });

/** Judges one check. */
export function judgeCheck(check: LessonCheck, figures: LessonFigures): CheckVerdict {
  const value = metricValue(check.metric, figures);
  if (value === null) {
    if (figures.report === null && figures.snapshot !== null && !figures.snapshot.measured) return pending('warmup');
    return pending(figures.report === null && figures.snapshot !== null ? 'end' : 'run');
  }
  if (check.below !== undefined) return { state: value < check.below ? 'pass' : 'fail', value, reference: check.below };
  if (check.above !== undefined) return { state: value > check.above ? 'pass' : 'fail', value, reference: check.above };
  const reference = check.withinOf === 'theory' ? theoryValue(check.metric, figures) : (check.withinOf ?? null);
  if (reference === null) return pending(figures.report === null ? 'end' : 'noTheory');
  const width = check.points !== undefined ? check.points / 100 : (Math.abs(reference) * (check.percent ?? 0)) / 100;
  return { state: Math.abs(value - reference) <= width ? 'pass' : 'fail', value, reference };
}

/** A metric's value now, or null when the run has not produced it yet. */
export function metricValue(metric: string, figures: LessonFigures): number | null {
  const parsed = parseMetric(metric);
  if (parsed === null) return null;
  return parsed.node === null ? totalsValue(parsed.name as TotalsMetric, figures) : nodeValue(parsed.node, parsed.name as NodeMetric, figures);
}

/** "node:cache-1.hitRatio" → { node: "cache-1", name: "hitRatio" }; "totals.latency.p99" → { node: null, name: "latency.p99" }. */
export function parseMetric(metric: string): { node: string | null; name: string } | null {
  if (metric.startsWith('totals.')) return { node: null, name: metric.slice('totals.'.length) };
  const match = /^node:([^.]+)\.(.+)$/.exec(metric);
  return match ? { node: match[1] as string, name: match[2] as string } : null;
}

function totalsValue(name: TotalsMetric, { snapshot, report }: LessonFigures): number | null {
  if (report) {
    const { totals } = report;
    switch (name) {
      case 'throughput':
        return totals.throughput;
      case 'failedShare':
        return totals.sent > 0 ? totals.failed / totals.sent : 0;
      case 'relogins':
        return totals.sessions.relogins;
      default:
        return totals.latency[name.slice('latency.'.length) as 'mean' | 'p50' | 'p95' | 'p99'];
    }
  }
  if (!snapshot) return null;
  switch (name) {
    case 'failedShare':
      return snapshot.sent > 0 ? snapshot.failed / snapshot.sent : null;
    case 'relogins':
      return snapshot.sessions?.relogins ?? null;
    case 'throughput':
      return snapshot.measured?.throughput ?? null;
    default: {
      const latency = snapshot.measured?.latency;
      // No completed request measured yet: a percentile of nothing would read as 0 and pass any "below".
      return latency && latency.count > 0 ? latency[name.slice('latency.'.length) as 'mean' | 'p50' | 'p95' | 'p99'] : null;
    }
  }
}

function nodeValue(id: string, name: NodeMetric, { snapshot, report, nodeIndex }: LessonFigures): number | null {
  if (report) {
    const node = report.nodes.find((n) => n.id === id);
    return node ? reportNodeValue(node, name) : null;
  }
  const index = nodeIndex[id];
  const live = index === undefined ? undefined : snapshot?.nodes[index];
  if (!live || !snapshot?.measured) return null;
  switch (name) {
    case 'utilization':
      return live.utilization ?? null;
    case 'hitRatio':
      return live.hitRatio ?? null;
    case 'staleRatio':
      return live.cache?.staleRatio ?? null;
    case 'requestOffload':
      return live.cdn?.requestOffload ?? null;
    case 'backlog':
      return live.messaging?.backlog ?? null;
    case 'lostWrites':
      return live.cache?.lostWrites ?? null;
    case 'staleCalls':
      return live.registry?.staleCalls ?? null;
    case 'speedup':
      // A parallel job's speedup comes with the report.
      return null;
  }
}

function reportNodeValue(node: NodeReport, name: NodeMetric): number | null {
  switch (name) {
    case 'utilization':
      return node.utilization;
    case 'hitRatio':
      return node.cache?.hitRatio ?? null;
    case 'staleRatio':
      return node.cache?.staleRatio ?? null;
    case 'requestOffload':
      return node.cdn?.requestOffload ?? null;
    case 'backlog':
      return node.messaging?.backlog ?? null;
    case 'lostWrites':
      return node.cache?.lostWrites ?? null;
    case 'staleCalls':
      return node.registry?.staleCalls ?? null;
    case 'speedup':
      return node.parallel && node.parallel.jobs > 0 ? node.parallel.speedup : null;
  }
}

/** What theory predicts for a metric, or null when no closed form applies (or it comes only with the report). */
function theoryValue(metric: string, { snapshot, report }: LessonFigures): number | null {
  const parsed = parseMetric(metric);
  if (parsed === null) return null;
  const system = report?.theory ?? snapshot?.theory ?? null;
  if (parsed.node === null) {
    if (!system) return null;
    const key = parsed.name.slice('latency.'.length);
    return key === 'mean' || key === 'p50' || key === 'p95' || key === 'p99' ? (system.latency[key] ?? null) : null;
  }
  const node = report?.nodes.find((n) => n.id === parsed.node);
  switch (parsed.name) {
    case 'utilization':
      return system?.nodes.find((n) => n.id === parsed.node)?.utilization ?? null;
    case 'hitRatio':
      return node?.cache?.theory ?? null;
    case 'speedup':
      return node?.parallel?.amdahl ?? null;
    default:
      return null;
  }
}
