/** A service registry's views: its list against each cached copy, and stale calls over time. */
import { select } from 'd3-selection';
import type { RegistryFigures } from '../../engine/types';
import { createFigureRows } from '../cache/cache-figure-rows';
import type { Chart } from '../charts/time-series-chart';
import { createTimeSeriesChart } from '../charts/time-series-chart';
import { COLORS } from '../colors';
import { registryRows, type StaleCallsData } from './registry-data';

/** Draws the registry's list and its copies into `svg`. */
export function createRegistryListView(svg: SVGSVGElement): Chart<{ figures: RegistryFigures | null; now: number }> {
  const rows = createFigureRows(svg);
  return { ...rows, update: ({ figures, now }) => rows.update(registryRows(figures, now)) };
}

/** Stale calls a second (red) against all calls a second (grey) over simulated time. */
export function createStaleCallsView(svg: SVGSVGElement): Chart<StaleCallsData | null> {
  const chart = createTimeSeriesChart(svg, { yLabel: 'calls/s', yMinTop: 1 });
  return {
    update(data) {
      if (!data) {
        chart.update({ x: [], xMax: 1, series: [] });
        return;
      }
      chart.update({
        x: data.x,
        xMin: data.xMin,
        xMax: data.xMax,
        series: [
          { label: 'stale calls', color: COLORS.vermillion, values: data.stale },
          { label: 'all calls', color: COLORS.grey, dash: '4 3', values: data.calls },
        ],
      });
      // The run's total so far, as a data attribute: the e2e walk-through reads it instead of parsing paths.
      select(svg).attr('data-stale-calls', data.total);
    },
    resize: (width, height) => chart.resize(width, height),
    destroy: () => chart.destroy(),
  };
}
