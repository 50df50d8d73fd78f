/**
 * A connection pooler over simulated time: how many of its server
 * connections are in use (against how many it may keep), and how long a
 * request waits for one. Together they show the few server connections
 * filling up, and the wait that follows.
 */
import { select } from 'd3-selection';
import { type Chart, createTimeSeriesChart } from '../charts/time-series-chart';
import { COLORS, SERIES_COLORS } from '../colors';
import type { PoolerSeries } from './pooler-series';

/** The figures behind the lines, on the <svg> as data attributes for tooling and the e2e specs. */
function carry(svg: SVGSVGElement, figures: Record<string, number | null>): void {
  for (const [name, value] of Object.entries(figures)) select(svg).attr(`data-${name}`, value);
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Server connections in use per window, under a dashed line at the most the pooler keeps. */
export function createServerConnectionsChart(svg: SVGSVGElement): Chart<PoolerSeries | null> {
  const chart = createTimeSeriesChart(svg, { yLabel: 'server conns in use', yMinTop: 4 });
  return {
    update(data) {
      carry(svg, { 'max-busy': data ? round(data.maxBusy) : null });
      if (!data) {
        chart.update({ x: [], xMax: 1, series: [] });
        return;
      }
      const limit = new Array<number>(data.x.length).fill(data.serverConnections);
      chart.update({
        x: data.x,
        xMin: data.xMin,
        xMax: data.xMax,
        series: [
          { label: 'in use', color: SERIES_COLORS[0] as string, values: data.serverBusy },
          { label: `${data.serverConnections} kept at most`, color: COLORS.grey, values: limit, dash: '4 3' },
        ],
      });
    },
    resize: (width, height) => chart.resize(width, height),
    destroy: () => chart.destroy(),
  };
}

/** Mean wait for a server connection per window, milliseconds. */
export function createPoolWaitChart(svg: SVGSVGElement): Chart<PoolerSeries | null> {
  const chart = createTimeSeriesChart(svg, { yLabel: 'pool wait (ms)', yMinTop: 1 });
  return {
    update(data) {
      carry(svg, { 'max-wait-ms': data ? round(data.maxWaitMs) : null });
      if (!data) chart.update({ x: [], xMax: 1, series: [] });
      else chart.update({ x: data.x, xMin: data.xMin, xMax: data.xMax, series: [{ label: 'mean wait', color: SERIES_COLORS[1] as string, values: data.waitMs }] });
    },
    resize: (width, height) => chart.resize(width, height),
    destroy: () => chart.destroy(),
  };
}
