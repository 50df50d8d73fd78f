/**
 * A scaling group over simulated time: instances serving, and serving plus
 * starting, against the arrival rate read in instances (arrivals ÷ what one
 * instance serves at the target). The gap between the load line and the
 * serving line is the lag of scaling: cold starts and decision intervals.
 */
import { select } from 'd3-selection';
import { type Chart, createTimeSeriesChart } from '../charts/time-series-chart';
import { COLORS } from '../colors';
import type { InstanceSeries } from './instance-series';

/** The chart of instances over time; the figures behind it sit on the <svg> as data attributes. */
export function createInstancesChart(svg: SVGSVGElement): Chart<InstanceSeries | null> {
  const chart = createTimeSeriesChart(svg, { yLabel: 'instances', yMinTop: 2 });
  return {
    update(data) {
      const root = select(svg);
      root.attr('data-last-serving', data ? Math.round(data.lastServing * 100) / 100 : null);
      root.attr('data-last-arrival-rate', data ? Math.round(data.lastArrivalRate * 10) / 10 : null);
      if (!data) {
        chart.update({ x: [], xMax: 1, series: [] });
        return;
      }
      const rate = Math.round(data.perInstance * 10) / 10;
      chart.update({
        x: data.x,
        xMin: data.xMin,
        xMax: data.xMax,
        series: [
          { label: `arrival rate (1 instance = ${rate} req/s)`, color: COLORS.grey, values: data.needed, dash: '4 3' },
          { label: 'serving + starting', color: COLORS.sky, values: data.withStarting },
          { label: 'serving', color: COLORS.green, values: data.serving },
        ],
      });
    },
    resize: (width, height) => chart.resize(width, height),
    destroy: () => chart.destroy(),
  };
}
