/** Stale reads (count and ratio) and lost writes of one cache, from the run's report. */
import type { StalenessFigures } from './cache-view-data';
import { createFigureRows, type FigureRowsData, formatCount, formatShare } from './cache-figure-rows';
import type { Chart } from '../charts/time-series-chart';

/** The rows the view shows for `figures` (null before the report). */
export function stalenessRows(figures: StalenessFigures | null): FigureRowsData {
  if (!figures) return { rows: [], emptyText: 'Stale reads and lost writes: when the run starts' };
  return {
    emptyText: '',
    rows: [
      {
        label: 'Stale reads',
        value: `${formatCount(figures.staleReads)} · ${formatShare(figures.staleRatio)}`,
        detail: `of ${formatCount(figures.reads)} reads`,
        share: figures.staleRatio,
      },
      { label: 'Longest stale', value: `${Math.round(figures.maxStaleAge * 1000) / 1000} s after the write` },
      {
        label: 'Lost writes',
        value: formatCount(figures.lostWrites),
        detail: figures.writeBack
          ? `of ${formatCount(figures.writes)} acknowledged, lost before a flush`
          : `of ${formatCount(figures.writes)} writes: only a write-back cache can lose them`,
        share: figures.writes > 0 ? figures.lostWrites / figures.writes : 0,
        alarm: figures.lostWrites > 0,
      },
      ...(figures.writeBack ? [{ label: 'Dirty, awaiting a flush', value: formatCount(figures.dirty) }] : []),
    ],
  };
}

/** Draws the staleness figures of one cache into `svg`. */
export function createCacheStalenessView(svg: SVGSVGElement): Chart<StalenessFigures | null> {
  const rows = createFigureRows(svg);
  return { ...rows, update: (figures) => rows.update(stalenessRows(figures)) };
}
