/**
 * A gateway's rate limit per key: admitted (solid) against throttled
 * (dashed) requests a second, and the bucket's level, over simulated time.
 */
import { select } from 'd3-selection';
import { COLORS, SERIES_COLORS } from '../colors';
import { type Chart, createTimeSeriesChart, type Series } from '../charts/time-series-chart';
import type { GatewayLimitData } from './gateway-limit-figures';

const THROTTLED_DASH = '4 3';
const colorOf = (k: number) => SERIES_COLORS[k % SERIES_COLORS.length] ?? COLORS.grey;

/** Admitted (solid) and throttled (dashed) requests a second per limit key. */
export function createGatewayRatesView(svg: SVGSVGElement): Chart<GatewayLimitData | null> {
  const chart = createTimeSeriesChart(svg, { yLabel: 'requests/s', yMinTop: 1 });
  return {
    update(data) {
      if (!data) {
        chart.update({ x: [], xMax: 1, series: [] });
        return;
      }
      // One legend entry per key (its admitted line), and one key for every dashed throttled line: room for the plot.
      const series: Series[] = data.keys.flatMap((key, k): Series[] => [
        { label: key, color: colorOf(k), values: data.admitted[k] ?? [] },
        { label: `${key} throttled`, color: colorOf(k), dash: THROTTLED_DASH, values: data.throttled[k] ?? [], legend: 'hidden' },
      ]);
      series.push({ label: 'dashed: throttled', color: COLORS.grey, dash: THROTTLED_DASH, values: [], legend: 'only' });
      chart.update({ x: data.x, xMin: data.xMin, xMax: data.xMax, series });
      // The whole run's figures, as data attributes: the e2e walk-through reads them instead of parsing paths.
      select(svg).attr('data-admitted', data.totals.admitted).attr('data-throttled', data.totals.throttled);
    },
    resize: (width, height) => chart.resize(width, height),
    destroy: () => chart.destroy(),
  };
}

/** The bucket's level (or the window's room) per limit key. */
export function createGatewayLevelView(svg: SVGSVGElement): Chart<GatewayLimitData | null> {
  let label = 'tokens';
  let chart = createTimeSeriesChart(svg, { yLabel: label, yMinTop: 1 });
  let size: { width: number; height: number } | null = null;
  return {
    update(data) {
      if (data && data.levelLabel !== label) {
        // The policy changed between runs: a new axis title.
        chart.destroy();
        label = data.levelLabel;
        chart = createTimeSeriesChart(svg, { yLabel: label, yMinTop: 1 });
        if (size) chart.resize(size.width, size.height);
      }
      if (!data) {
        chart.update({ x: [], xMax: 1, series: [] });
        return;
      }
      const series = data.keys.map((key, k): Series => ({ label: key, color: colorOf(k), values: data.level[k] ?? [] }));
      chart.update({ x: data.x, xMin: data.xMin, xMax: data.xMax, series });
    },
    resize(width, height) {
      size = { width, height };
      chart.resize(width, height);
    },
    destroy: () => chart.destroy(),
  };
}
