import type { FieldSweepPoint } from '../worker/field-sweep';
import { formatMilliseconds, formatNumber, formatPercent, formatTable } from './format-numbers';
import { poolSpeedup, type ThreadSweepResult } from './thread-sweep';

/* How `npm run sweep` prints its points: a table, CSV or JSON. */

const CSV_COLUMNS = ['value', 'throughput', 'p99', 'meanLatency', 'failedRatio', 'hitRatio', 'speedup', 'runMs'] as const;

/** One line per point, seconds as seconds; an empty cell where a figure does not apply. */
export function sweepCsv(points: readonly FieldSweepPoint[]): string {
  const rows = points.map((p) => CSV_COLUMNS.map((c) => (p[c] === null ? '' : String(p[c]))).join(','));
  return `${[CSV_COLUMNS.join(','), ...rows].join('\n')}\n`;
}

/** The sweep as JSON: the field, the seed, the pool and its measured speedup, and every point. */
export function sweepJson(field: string, seed: number, result: ThreadSweepResult): string {
  return `${JSON.stringify({ field, seed, workers: result.workers, wallMs: result.wallMs, ...poolSpeedup(result), points: result.points }, null, 2)}\n`;
}

/** A readable table, then how well the threads shared the work. */
export function sweepTable(field: string, result: ThreadSweepResult): string {
  const { points } = result;
  const hasHits = points.some((p) => p.hitRatio !== null);
  const hasSpeedup = points.some((p) => p.speedup !== null);
  const head = [field, 'throughput/s', 'mean ms', 'p99 ms', 'failed', ...(hasHits ? ['hit ratio'] : []), ...(hasSpeedup ? ['speedup'] : []), 'run s'];
  const rows = points.map((p) => [
    formatNumber(p.value),
    p.throughput.toFixed(1),
    formatMilliseconds(p.meanLatency),
    formatMilliseconds(p.p99),
    formatPercent(p.failedRatio),
    ...(hasHits ? [p.hitRatio === null ? '–' : formatPercent(p.hitRatio)] : []),
    ...(hasSpeedup ? [p.speedup === null ? '–' : `${p.speedup.toFixed(2)}×`] : []),
    (p.runMs / 1000).toFixed(2),
  ]);
  const { speedup, efficiency } = poolSpeedup(result);
  const lines = formatTable([head, ...rows], head.map((_, i) => (i === 0 ? 'left' : 'right')));
  lines.push(
    '',
    `${points.length} runs on ${result.workers} thread${result.workers === 1 ? '' : 's'} in ${(result.wallMs / 1000).toFixed(2)} s of wall clock: ` +
      `${speedup.toFixed(2)}× the runs one after another (parallel efficiency ${formatPercent(efficiency)})`,
  );
  return `${lines.join('\n')}\n`;
}
