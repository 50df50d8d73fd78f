import type { CheckVerdict, PendingReason } from '../../engine/lesson-checks';
import { parseMetric } from '../../engine/lesson-checks';
import type { LessonCheck } from '../../scenario/lesson-schema';

/** A metric's value as the panel shows it: milliseconds, percentages, per second, a count or a factor. */
export function formatMetric(metric: string, value: number): string {
  const name = parseMetric(metric)?.name ?? '';
  if (name.startsWith('latency.')) return value < 1 ? `${(value * 1000).toFixed(value < 0.01 ? 1 : 0)} ms` : `${value.toFixed(2)} s`;
  if (name === 'throughput') return `${value.toFixed(0)}/s`;
  if (name === 'speedup') return `${value.toFixed(1)}×`;
  // Counts, grouped as the node cards group them ("1,208 stale calls").
  if (name === 'relogins' || name === 'backlog' || name === 'lostWrites' || name === 'staleCalls') return Math.round(value).toLocaleString('en-US');
  // Shares and ratios: utilization, hit ratio, stale reads, offload, failures.
  return `${(value * 100).toFixed(value > 0 && value < 0.01 ? 2 : 1)}%`;
}

const PENDING_TEXT: Record<PendingReason, string> = {
  run: 'press Run to check',
  warmup: 'judged after the warm-up',
  end: 'judged when the run ends',
  noTheory: 'no theory applies to this system',
};

/** What the panel says beside a check: the figure now against its target, or why there is none yet. */
export function verdictText(check: LessonCheck, verdict: CheckVerdict): string {
  if (verdict.state === 'pending') return PENDING_TEXT[verdict.why];
  const now = formatMetric(check.metric, verdict.value);
  if (verdict.reference === null) return now;
  const target = formatMetric(check.metric, verdict.reference);
  if (check.below !== undefined) return `${now} · target < ${target}`;
  if (check.above !== undefined) return `${now} · target > ${target}`;
  return `${now} · ${check.withinOf === 'theory' ? 'theory' : 'target'} ${target}`;
}
