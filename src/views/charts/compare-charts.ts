/**
 * The A/B comparison's charts: one measure per window for both runs on one
 * time axis, A solid and B dashed, in the same colours as the run charts.
 */
import type { WindowSample } from '../../engine/types';
import { COLORS } from '../colors';
import { thinWindows } from './thin-windows';
import { type Chart, createTimeSeriesChart, type Series } from './time-series-chart';

export interface CompareChartData {
  a: readonly WindowSample[];
  b: readonly WindowSample[];
  duration: number;
  /** Legend names of the two runs: "A", "B: least connections". */
  labels: [string, string];
}

interface Measure {
  yLabel: string;
  yMinTop: number;
  color: string;
  value(window: WindowSample): number;
}

const MEASURES = {
  p99: { yLabel: 'p99 latency (ms)', yMinTop: 10, color: COLORS.vermillion, value: (w) => w.p99 * 1000 },
  throughput: { yLabel: 'completed/s', yMinTop: 1, color: COLORS.green, value: (w) => w.throughput },
} satisfies Record<string, Measure>;

export type CompareMeasure = keyof typeof MEASURES;

/** A chart of `measure` for both runs. */
export function createCompareChart(svg: SVGSVGElement, measure: CompareMeasure): Chart<CompareChartData> {
  const m: Measure = MEASURES[measure];
  const chart = createTimeSeriesChart(svg, { yLabel: m.yLabel, yMinTop: m.yMinTop });
  return {
    ...chart,
    update: (data) => {
      const a = thinWindows(data.a);
      const b = thinWindows(data.b);
      // Both runs have the same windows (same duration and window length); the shorter sets the axis if not.
      const count = Math.min(a.length, b.length);
      const series: Series[] = [
        { label: data.labels[0], color: m.color, values: a.slice(0, count).map(m.value) },
        { label: data.labels[1], color: COLORS.blue, dash: '5 3', values: b.slice(0, count).map(m.value) },
      ];
      chart.update({ x: a.slice(0, count).map((w) => w.end), xMin: 0, xMax: data.duration, series });
    },
  };
}
