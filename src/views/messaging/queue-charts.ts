/**
 * A message queue over simulated time: how many messages wait, and how long
 * the oldest of them has waited. Together they show a backlog growing under
 * a spike and draining after it.
 */
import { select } from 'd3-selection';
import { type Chart, createTimeSeriesChart } from '../charts/time-series-chart';
import { SERIES_COLORS } from '../colors';
import type { QueueSeries } from './queue-figures';

/** The figures behind the line, on the <svg> as data attributes for tooling and the e2e specs. */
function carry(svg: SVGSVGElement, figures: Record<string, number | null>): void {
  for (const [name, value] of Object.entries(figures)) select(svg).attr(`data-${name}`, value);
}

/** Messages waiting at the end of each window. */
export function createBacklogChart(svg: SVGSVGElement): Chart<QueueSeries | null> {
  const chart = createTimeSeriesChart(svg, { yLabel: 'messages waiting', yMinTop: 10 });
  return {
    update(data) {
      carry(svg, { 'max-backlog': data?.maxBacklog ?? null, 'last-backlog': data?.lastBacklog ?? null });
      if (!data) chart.update({ x: [], xMax: 1, series: [] });
      else chart.update({ x: data.x, xMin: data.xMin, xMax: data.xMax, series: [{ label: 'backlog', color: SERIES_COLORS[0] as string, values: data.backlog }] });
    },
    resize: (width, height) => chart.resize(width, height),
    destroy: () => chart.destroy(),
  };
}

/** Seconds the oldest waiting message had waited, at the end of each window. */
export function createOldestAgeChart(svg: SVGSVGElement): Chart<QueueSeries | null> {
  const chart = createTimeSeriesChart(svg, { yLabel: 'oldest message (s)', yMinTop: 1 });
  return {
    update(data) {
      carry(svg, { 'max-age': data ? Math.round(Math.max(0, ...data.oldestAge) * 1000) / 1000 : null });
      if (!data) chart.update({ x: [], xMax: 1, series: [] });
      else chart.update({ x: data.x, xMin: data.xMin, xMax: data.xMax, series: [{ label: 'age of the oldest', color: SERIES_COLORS[1] as string, values: data.oldestAge }] });
    },
    resize: (width, height) => chart.resize(width, height),
    destroy: () => chart.destroy(),
  };
}
