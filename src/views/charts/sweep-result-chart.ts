/**
 * A field sweep's result: one figure against the swept value (throughput
 * with its knee, p99 latency, hit ratio), one point per run. The knee is
 * marked on throughput, where adding more of the field stops paying.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import type { FieldSweepPoint } from '../../worker/protocol';
import { chartHandle } from '../chart-handle';
import { COLORS } from '../colors';
import { kneeIndex } from './knee';
import type { Chart } from './time-series-chart';

/** The figures a sweep's result can plot. */
export const SWEEP_METRICS = {
  throughput: { label: 'throughput (req/s)', value: (p: FieldSweepPoint) => p.throughput, knee: true },
  p99: { label: 'p99 latency (ms)', value: (p: FieldSweepPoint) => p.p99 * 1000, knee: false },
  hitRatio: { label: 'hit ratio (%)', value: (p: FieldSweepPoint) => (p.hitRatio ?? 0) * 100, knee: false },
  speedup: { label: 'speedup T(1)/T(N)', value: (p: FieldSweepPoint) => p.speedup ?? 0, knee: false },
} as const;
export type SweepMetric = keyof typeof SWEEP_METRICS;

export interface SweepResultData {
  points: readonly FieldSweepPoint[];
  metric: SweepMetric;
  /** The swept field's name, for the x axis. */
  field: string;
}

const MARGIN = { top: 14, right: 12, bottom: 30, left: 46 };

/** Draws a sweep's points into `svg`; an empty list shows a hint. */
export function createSweepResultChart(svgElement: SVGSVGElement): Chart<SweepResultData> {
  const svg = select(svgElement).attr('class', 'sp-chart sp-sweep-result');
  let width = 420;
  let height = 200;
  let data: SweepResultData = { points: [], metric: 'throughput', field: '' };
  const xAxis = svg.append('g').attr('class', 'sp-axis sp-axis-x');
  const yAxis = svg.append('g').attr('class', 'sp-axis sp-axis-y');
  const xLabel = svg.append('text').attr('class', 'sp-axis-label').attr('text-anchor', 'end');
  const yLabel = svg.append('text').attr('class', 'sp-axis-label').attr('text-anchor', 'middle');
  const lines = svg.append('g').attr('class', 'sp-lines');
  const path = lines.append('path').attr('fill', 'none').attr('stroke', COLORS.blue).attr('stroke-width', 1.6);
  const knee = svg.append('g').attr('class', 'sp-knee');
  knee.append('line').attr('stroke', COLORS.vermillion).attr('stroke-dasharray', '3 3');
  knee.append('text').attr('class', 'sp-axis-label').attr('fill', COLORS.vermillion);
  const marks = svg.append('g');
  const empty = svg.append('text').attr('class', 'sp-chart-empty').attr('text-anchor', 'middle').text('Choose a field and a range, then press Sweep');

  function draw(): void {
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const { points, metric, field } = data;
    const has = points.length > 0;
    for (const part of [xAxis, yAxis, xLabel, yLabel, lines, knee, marks]) part.attr('display', has ? null : 'none');
    empty
      .attr('x', width / 2)
      .attr('y', height / 2)
      .attr('display', has ? 'none' : null);
    if (!has) return;
    const spec = SWEEP_METRICS[metric];
    const bottom = height - MARGIN.bottom;
    const xs = points.map((p) => p.value);
    const ys = points.map(spec.value);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const x = scaleLinear()
      .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
      .range([MARGIN.left, width - MARGIN.right]);
    const y = scaleLinear()
      .domain([0, Math.max(1e-9, ...ys) * 1.1])
      .range([bottom, MARGIN.top])
      .nice(4);
    xAxis.attr('transform', `translate(0,${bottom})`).call(axisBottom(x).ticks(Math.max(2, Math.floor((width - MARGIN.left) / 60))).tickSizeOuter(0));
    yAxis.attr('transform', `translate(${MARGIN.left},0)`).call(axisLeft(y).ticks(4).tickSizeOuter(0));
    xLabel.attr('x', width - MARGIN.right).attr('y', height - 2).text(field.split('.').slice(-2).join('.'));
    yLabel.attr('transform', `translate(${MARGIN.left - 36},${(MARGIN.top + bottom) / 2}) rotate(-90)`).text(spec.label);
    path.attr(
      'd',
      line<number>()
        .digits(1)
        .x((_, i) => x(xs[i] as number))
        .y((v) => y(v))(ys),
    );
    marks
      .selectAll<SVGCircleElement, FieldSweepPoint>('circle')
      .data(points, (p) => String(p.value))
      .join((enter) => enter.append('circle').attr('class', 'sp-sweep-point').attr('r', 3).attr('fill', COLORS.blue).call((c) => c.append('title')))
      .attr('cx', (p) => x(p.value))
      .attr('cy', (p) => y(spec.value(p)))
      .select('title')
      .text((p) => `${p.value}: ${spec.value(p).toFixed(2)} ${spec.label}`);
    const at = spec.knee ? kneeIndex(xs, ys) : null;
    knee.attr('display', at === null ? 'none' : null);
    if (at !== null) {
      const kx = x(xs[at] as number);
      knee.select('line').attr('x1', kx).attr('x2', kx).attr('y1', MARGIN.top).attr('y2', bottom);
      knee
        .select('text')
        .attr('x', kx + 4)
        .attr('y', MARGIN.top + 10)
        .text(`knee at ${xs[at]}`);
    }
  }

  return chartHandle(svg, { width: 240, height: 130 }, {
    setData: (next) => {
      data = next;
    },
    setSize: (w, h) => {
      width = w;
      height = h;
    },
    draw,
  });
}
