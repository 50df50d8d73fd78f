/**
 * The cache's lines over simulated time: its hit ratio beside the engine's
 * theoretical ratio (dashed), and the load on what sits behind it.
 */
import { select } from 'd3-selection';
import { type BackendLoadData, type HitRatioData, THEORY_NAMES } from './cache-view-data';
import { COLORS, SERIES_COLORS } from '../colors';
import { type Chart, createTimeSeriesChart, type Series } from '../charts/time-series-chart';

/** The dash of every theory and "without the cache" line. */
export const THEORY_DASH = '6 4';

const percent = (v: number) => `${Math.round(v)}`;

/** Windows averaged for the "recent" figures a chart carries as data attributes. */
const RECENT_WINDOWS = 10;

/** Mean of the last `count` values (NaN for none). */
export function recentMean(values: readonly number[], count = RECENT_WINDOWS): number {
  const recent = values.slice(-count);
  return recent.length === 0 ? Number.NaN : recent.reduce((a, b) => a + b, 0) / recent.length;
}

/**
 * The figures behind the lines, on the <svg> as data attributes: screen
 * readers' tooling and the e2e specs read them instead of parsing paths.
 */
function carryFigures(svgElement: SVGSVGElement, figures: Record<string, number | null>): void {
  const svg = select(svgElement);
  for (const [name, value] of Object.entries(figures)) svg.attr(`data-${name}`, value === null || Number.isNaN(value) ? null : Math.round(value * 10_000) / 10_000);
}

/** A note under the legend, for what a chart cannot show yet. */
function noteOn(svgElement: SVGSVGElement) {
  return select(svgElement).append('text').attr('class', 'sp-chart-empty sp-cache-note').attr('text-anchor', 'end');
}

/** Hit ratio per window (%) with the theoretical hit ratio as a dashed level line. */
export function createCacheHitRatioChart(svg: SVGSVGElement): Chart<HitRatioData | null> {
  const chart = createTimeSeriesChart(svg, { yLabel: 'hit ratio (%)', yMax: 100, yTickFormat: percent });
  const note = noteOn(svg);
  let size = { width: 360, height: 180 };
  let last: HitRatioData | null = null;
  const drawNote = () => {
    const text = !last || last.x.length === 0 ? '' : last.awaitingReport ? 'theory line: when the run ends' : last.theory === null ? 'no theory for this workload' : '';
    note.attr('x', size.width - 14).attr('y', size.height - 40).text(text);
  };
  return {
    update(data) {
      last = data;
      if (!data) {
        chart.update({ x: [], xMax: 1, series: [] });
      } else {
        const series: Series[] = data.lines.map((l, i) => ({ label: l.label, color: SERIES_COLORS[i] ?? COLORS.grey, values: l.values.map((v) => v * 100) }));
        if (data.theory !== null) {
          const label = `${data.theoryModel ? THEORY_NAMES[data.theoryModel] : 'theory'} ${Math.round(data.theory * 1000) / 10} %`;
          series.push({ label, color: COLORS.grey, dash: THEORY_DASH, values: data.x.map(() => data.theory! * 100) });
        }
        chart.update({ x: data.x, xMin: data.xMin, xMax: data.xMax, series });
      }
      carryFigures(svg, { theory: data?.theory ?? null, 'recent-hit-ratio': data ? recentMean(data.lines[0]?.values ?? []) : null });
      drawNote();
    },
    resize(width, height) {
      size = { width: Math.max(120, Math.floor(width)), height: Math.max(80, Math.floor(height)) };
      chart.resize(width, height);
      drawNote();
    },
    destroy: () => chart.destroy(),
  };
}

/** Utilization (%) of the databases or origin behind the cache; dashed, the same in a run without it. */
export function createBackendLoadChart(svg: SVGSVGElement): Chart<BackendLoadData | null> {
  const chart = createTimeSeriesChart(svg, { yLabel: 'utilization (%)', yMax: 100, yTickFormat: percent });
  return {
    update(data) {
      if (!data) {
        chart.update({ x: [], xMax: 1, series: [] });
        return;
      }
      const solid = data.lines.filter((l) => !l.dashed).length;
      // The first backend's recent load with and without the cache, in percent (the hit ratios above are fractions).
      carryFigures(svg, { 'recent-with': recentMean(data.lines[0]?.values ?? []), 'recent-without': recentMean(data.lines.find((l) => l.dashed)?.values ?? []) });
      const series = data.lines.map((l, i) => ({
        label: l.label,
        // A backend's line without the cache takes the colour of its line with it.
        color: SERIES_COLORS[l.dashed ? i - solid : i] ?? COLORS.grey,
        dash: l.dashed ? THEORY_DASH : undefined,
        values: l.values,
      }));
      chart.update({ x: data.x, xMin: data.xMin, xMax: data.xMax, series });
    },
    resize: (width, height) => chart.resize(width, height),
    destroy: () => chart.destroy(),
  };
}
