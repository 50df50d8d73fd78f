/**
 * Cost against latency and throughput for a sweep: two panels sharing the
 * cost axis, one line for scaling out (replicas) and one for scaling up
 * (instance sizes), every point labelled, so the trade-off reads at a glance.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { type ScaleContinuousNumeric, scaleLinear, scaleLog } from 'd3-scale';
import { type Selection, select } from 'd3-selection';
import { line } from 'd3-shape';
import type { SweepPoint } from '../../worker/protocol';
import { COLORS } from '../colors';
import type { Chart } from './time-series-chart';
import { chartHandle } from '../chart-handle';

const MARGIN = { top: 22, right: 10, bottom: 30, left: 46 };
const GAP = 28;
const MODES = [
  { mode: 'out', label: 'scale out (replicas)', color: COLORS.blue },
  { mode: 'up', label: 'scale up (instance size)', color: COLORS.orange },
] as const;

type Panel = {
  group: Selection<SVGGElement, unknown, null, undefined>;
  value: (p: SweepPoint) => number;
  yLabel: string;
};

/** Draws sweep points into `svg`; an empty list shows a hint. */
export function createCostChart(svgElement: SVGSVGElement): Chart<SweepPoint[]> {
  const svg = select(svgElement).attr('class', 'sp-chart sp-cost-chart');
  let width = 560;
  let height = 200;
  let points: SweepPoint[] = [];

  const legend = svg.append('g').attr('class', 'sp-legend');
  MODES.forEach((m, i) => {
    const g = legend.append('g').attr('transform', `translate(${i * 170},0)`);
    g.append('line').attr('x1', 0).attr('x2', 14).attr('y1', -4).attr('y2', -4).attr('stroke', m.color).attr('stroke-width', 2);
    g.append('text').attr('x', 18).text(m.label);
  });
  const panels: Panel[] = [
    { group: svg.append('g').attr('class', 'sp-cost-p99'), value: (p) => p.p99 * 1000, yLabel: 'p99 latency (ms)' },
    { group: svg.append('g').attr('class', 'sp-cost-throughput'), value: (p) => p.throughput, yLabel: 'throughput (req/s)' },
  ];
  for (const panel of panels) {
    panel.group.append('g').attr('class', 'sp-axis sp-axis-x');
    panel.group.append('g').attr('class', 'sp-axis sp-axis-y');
    panel.group.append('text').attr('class', 'sp-axis-label sp-x-label').attr('text-anchor', 'end').text('cost ($ per hour)');
    panel.group.append('text').attr('class', 'sp-axis-label sp-y-label').attr('text-anchor', 'middle').text(panel.yLabel);
    panel.group.append('g').attr('class', 'sp-lines');
  }
  const empty = svg.append('text').attr('class', 'sp-chart-empty').attr('text-anchor', 'middle').text('Press Sweep to run each size and replica count');

  function drawPanel(panel: Panel, left: number, right: number, labelled: boolean): void {
    const bottom = height - MARGIN.bottom;
    const x = spreadScale(points.map((p) => p.costPerHour), [left, right]);
    const y = spreadScale(points.map(panel.value), [bottom, MARGIN.top + 6]);
    panel.group.select('.sp-x-label').text(`cost ($ per hour${isLog(x) ? ', log' : ''})`);
    panel.group.select('.sp-y-label').text(`${panel.yLabel}${isLog(y) ? ' (log)' : ''}`);
    panel.group
      .select<SVGGElement>('.sp-axis-x')
      .attr('transform', `translate(0,${bottom})`)
      .call(
        axisBottom(x)
          .ticks(Math.max(2, Math.floor((right - left) / 60)))
          .tickSizeOuter(0),
      );
    panel.group
      .select<SVGGElement>('.sp-axis-y')
      .attr('transform', `translate(${left},0)`)
      .call(
        axisLeft(y)
          .ticks(4, isLog(y) ? '~s' : undefined)
          .tickSizeOuter(0),
      );
    panel.group
      .select('.sp-x-label')
      .attr('x', right)
      .attr('y', height - 2);
    panel.group.select('.sp-y-label').attr('transform', `translate(${left - 36},${(MARGIN.top + bottom) / 2}) rotate(-90)`);
    const series = MODES.map((m) => ({ ...m, points: points.filter((p) => p.mode === m.mode) }));
    const groups = panel.group
      .select('.sp-lines')
      .selectAll<SVGGElement, (typeof series)[number]>('g.sp-series')
      .data(series, (s) => s.mode)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'sp-series');
        g.append('path').attr('fill', 'none').attr('stroke-width', 1.6);
        return g;
      })
      .attr('data-mode', (s) => s.mode);
    groups
      .select('path')
      .attr('stroke', (s) => s.color)
      .attr('d', (s) =>
        line<SweepPoint>()
          .digits(1)
          .x((p) => x(p.costPerHour))
          .y((p) => y(panel.value(p)))(s.points),
      );
    const marks = groups
      .selectAll<SVGGElement, SweepPoint>('g.sp-point')
      .data((s) => s.points, (p) => p.label)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'sp-point');
        g.append('circle').attr('r', 3);
        g.append('text').attr('x', 4);
        g.append('title');
        return g;
      })
      .attr('transform', (p) => `translate(${x(p.costPerHour)},${y(panel.value(p))})`);
    marks.select('circle').attr('fill', (p) => (p.mode === 'out' ? COLORS.blue : COLORS.orange));
    // Labels on the latency panel only (the throughput panel's points carry them as tooltips):
    // scaling out above its line, scaling up below, so the two rarely collide.
    marks
      .select('text')
      .attr('y', (p) => (p.mode === 'out' ? -5 : 12))
      .text((p) => (labelled ? p.label : ''));
    marks
      .select('title')
      .text((p) => `${p.label}: $${p.costPerHour.toFixed(2)}/h, p99 ${(p.p99 * 1000).toFixed(1)} ms, ${p.throughput.toFixed(1)} req/s, ${(p.failedRatio * 100).toFixed(1)} % failed`);
  }

  function draw(): void {
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const has = points.length > 0;
    legend.attr('transform', `translate(${MARGIN.left},${MARGIN.top - 8})`).attr('display', has ? null : 'none');
    const panelWidth = (width - MARGIN.left * 2 - MARGIN.right - GAP) / 2;
    const [first, second] = panels;
    for (const panel of panels) panel.group.attr('display', has ? null : 'none');
    if (has && first && second) {
      drawPanel(first, MARGIN.left, MARGIN.left + panelWidth, true);
      drawPanel(second, MARGIN.left * 2 + panelWidth + GAP, width - MARGIN.right, false);
    }
    empty
      .attr('x', width / 2)
      .attr('y', height / 2)
      .attr('display', has ? 'none' : null);
  }

  return chartHandle(svg, { width: 280, height: 120 }, {
    setData: (next) => {
      points = next;
    },
    setSize: (w, h) => {
      width = w;
      height = h;
    },
    draw,
  });
}

/** Values spanning more than this factor are drawn on a log scale, so the cheap points do not pile up at 0. */
export const LOG_SPREAD = 10;

/** A linear scale from 0, or a log scale when every value is positive and they span more than LOG_SPREAD. */
export function spreadScale(values: readonly number[], range: [number, number]): ScaleContinuousNumeric<number, number> {
  const positive = values.length > 0 && values.every((v) => v > 0);
  const min = positive ? Math.min(...values) : 0;
  const max = Math.max(1e-6, ...values);
  if (positive && max / min > LOG_SPREAD) return scaleLog().domain([min / 1.2, max * 1.2]).range(range);
  return scaleLinear().domain([0, max]).range(range).nice(4);
}

const isLog = (scale: ScaleContinuousNumeric<number, number>) => 'base' in scale;
