/**
 * The run's charts, each a `createXChart(svg) → { update, resize, destroy }`
 * over the metrics windows. Units live in the axis labels.
 */
import type { SystemTheory, WindowSample } from '../../engine/types';
import { THEORY_DASH } from '../cache/cache-charts';
import { COLORS, SERIES_COLORS } from '../colors';
import { thinWindows } from './thin-windows';
import { type Chart, type ChartMarker, createTimeSeriesChart, type Series, type TimeSeriesData } from './time-series-chart';

/** What every run chart is fed: the windows closed so far and the run's length. */
export interface RunChartData {
  windows: readonly WindowSample[];
  duration: number;
  /** Labels of the nodes, in scenario order (for per-node charts). */
  nodeLabels: readonly string[];
  /** Nodes with workers, by scenario index: load balancers and clients have no utilization. */
  stationIndexes: readonly number[];
  /** Node id of each index (to find a node's theory); without it, no per-node theory line. */
  nodeIds?: readonly string[];
  /** What the engine says theory predicts for this run; null or absent draws no theory line. */
  theory?: SystemTheory | null;
  /** Live edits and faults of the run, marked across every chart. */
  markers?: readonly ChartMarker[];
}

/** The legend's key for every dashed theory line (the lines themselves keep their series' colours). */
const THEORY_KEY: Series = { label: 'theory', color: COLORS.grey, dash: THEORY_DASH, values: [], legend: 'only' };

/** Theory lines over per-node series, which swing around them. */
const THEORY_LEVEL_COLOR = '#1f2933';

/** A dashed level line at `value` across every window, explained by the legend's "theory" key. */
function theoryLine(label: string, color: string, value: number, count: number): Series {
  return { label, color, dash: THEORY_DASH, values: new Array<number>(count).fill(value), legend: 'hidden' };
}

/**
 * Per-node charts draw at most this many lines (the busiest), enough for
 * every example: a legend that drops a server hides which line is which.
 */
export const MAX_NODE_LINES = 16;

/** Runs up to this long keep their whole length on the time axis; longer ones grow it as they go. */
const FIXED_AXIS_SECONDS = 600;

/** The smallest 1, 2 or 5 × 10^k at or above `x` (x > 0). */
export function stepUp(x: number): number {
  const decade = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5, 10]) if (step * decade >= x - 1e-9) return step * decade;
  return 10 * decade;
}

/** The thinned windows and the time axis for them. */
function timeAxis(data: RunChartData): { windows: readonly WindowSample[]; axis: Pick<TimeSeriesData, 'x' | 'xMin' | 'xMax' | 'markers'> } {
  const windows = thinWindows(data.windows);
  const reached = windows.at(-1)?.end ?? 0;
  const first = windows[0]?.start ?? 0;
  return { windows, axis: { x: windows.map((w) => w.end), ...axisRange(data.duration, first, reached), markers: data.markers } };
}

/**
 * The time axis for windows from `first` to `reached`. It moves in whole
 * steps, so it (and its ticks, the costly part of a redraw) changes a few
 * times per run, or about twice a second once a long run slides at full speed.
 */
export function axisRange(duration: number, first: number, reached: number): { xMin: number; xMax: number } {
  if (duration <= FIXED_AXIS_SECONDS) return { xMin: 0, xMax: duration };
  if (first <= 0) return { xMin: 0, xMax: Math.min(duration, stepUp(Math.max(FIXED_AXIS_SECONDS, reached))) };
  // Old windows were dropped from memory: the axis slides, starting at a step at or before the oldest one kept,
  // and reaching one step past the kept span so the newest windows always fit.
  const span = Math.max(reached - first, 1e-9);
  const step = stepUp(span / 4);
  const xMin = Math.floor(first / step) * step;
  return { xMin, xMax: Math.min(duration, xMin + Math.ceil(span / step) * step + step) };
}

/**
 * Latency percentiles p50, p95 and p99 per window, in milliseconds. Where the
 * engine knows the exact distribution (M/M/c), each percentile's theory is a
 * dashed line in its colour; where it knows only the mean (M/D/1), one grey
 * dashed "theory mean".
 */
export function createLatencyChart(svg: SVGSVGElement): Chart<RunChartData> {
  const chart = createTimeSeriesChart(svg, { yLabel: 'latency (ms)', yMinTop: 10 });
  return {
    ...chart,
    update: (data) => {
      const { windows, axis } = timeAxis(data);
      const series: Series[] = [
        { label: 'p50', color: COLORS.blue, values: windows.map((w) => w.p50 * 1000) },
        { label: 'p95', color: COLORS.orange, values: windows.map((w) => w.p95 * 1000) },
        { label: 'p99', color: COLORS.vermillion, values: windows.map((w) => w.p99 * 1000) },
      ];
      const theory = data.theory?.latency;
      if (theory?.p50 !== undefined && theory.p95 !== undefined && theory.p99 !== undefined) {
        series.push(
          theoryLine('theory p50', COLORS.blue, theory.p50 * 1000, windows.length),
          theoryLine('theory p95', COLORS.orange, theory.p95 * 1000, windows.length),
          theoryLine('theory p99', COLORS.vermillion, theory.p99 * 1000, windows.length),
          THEORY_KEY,
        );
      } else if (theory) {
        series.push({ ...theoryLine('theory mean', COLORS.grey, theory.mean * 1000, windows.length), legend: undefined });
      }
      chart.update({ ...axis, series });
    },
  };
}

/** Completed and failed requests per simulated second. */
export function createThroughputChart(svg: SVGSVGElement): Chart<RunChartData> {
  const chart = createTimeSeriesChart(svg, { yLabel: 'requests/s', yMinTop: 1 });
  return {
    ...chart,
    update: (data) => {
      const { windows, axis } = timeAxis(data);
      chart.update({
        ...axis,
        series: [
          { label: 'completed', color: COLORS.green, values: windows.map((w) => w.throughput) },
          { label: 'failed', color: COLORS.vermillion, dash: '4 3', values: windows.map((w) => w.failed / Math.max(w.end - w.start, 1e-9)) },
        ],
      });
    },
  };
}

/** Busy workers / workers per node, in percent; each node's theory (λ / cμ) dashed near black. */
export function createUtilizationChart(svg: SVGSVGElement): Chart<RunChartData> {
  const chart = createTimeSeriesChart(svg, { yLabel: 'utilization (%)', yMax: 100 });
  return {
    ...chart,
    update: (data) => {
      const drawn = perNode(data, (n) => n.utilization * 100);
      const theory = data.theory?.nodes;
      if (theory && theory.length > 0 && data.nodeIds) {
        const count = drawn.x.length;
        const lines = drawn.shown.flatMap((index, i) => {
          const node = theory.find((n) => n.id === data.nodeIds?.[index]);
          const series = drawn.series[i];
          // Near black, not the node's colour: a window's utilization swings around it and would hide a line of its own hue.
          return node && series ? [theoryLine(`theory ${series.label}`, THEORY_LEVEL_COLOR, node.utilization * 100, count)] : [];
        });
        if (lines.length > 0) drawn.series.push(...lines, THEORY_KEY);
      }
      chart.update(drawn);
    },
  };
}

/** Time-averaged number of requests waiting per node. */
export function createQueueChart(svg: SVGSVGElement): Chart<RunChartData> {
  const chart = createTimeSeriesChart(svg, { yLabel: 'requests waiting', yMinTop: 1 });
  return { ...chart, update: (data) => chart.update(perNode(data, (n) => n.queueLength)) };
}

function perNode(data: RunChartData, measure: (node: WindowSample['nodes'][number]) => number) {
  const { nodeLabels, stationIndexes } = data;
  const { windows, axis } = timeAxis(data);
  const last = windows.at(-1);
  // The busiest nodes matter most when there are too many to draw.
  const shown = [...stationIndexes]
    .sort((a, b) => (last?.nodes[b]?.utilization ?? 0) - (last?.nodes[a]?.utilization ?? 0))
    .slice(0, MAX_NODE_LINES)
    .sort((a, b) => a - b);
  return {
    ...axis,
    shown,
    series: shown.map((index, i): Series => ({
      label: nodeLabels[index] ?? `node ${index + 1}`,
      color: SERIES_COLORS[i % SERIES_COLORS.length]!,
      // Past the palette, colours come round again dashed, so no two lines look alike.
      dash: i >= SERIES_COLORS.length ? '5 3' : undefined,
      values: windows.map((w) => {
        const node = w.nodes[index];
        return node ? measure(node) : 0;
      }),
    })),
  };
}
