/**
 * Throughput against users for a closed loop, read against the asymptotic
 * bounds of operational analysis: the line N / (D + Z) (no user ever waits)
 * and the ceiling Xmax = units / D of the bottleneck, which cross at N*. The
 * measured points of a users sweep sit under both and bend at the knee.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { chartHandle } from '../chart-handle';
import { COLORS } from '../colors';
import type { Chart } from './time-series-chart';

export interface BoundsChartData {
  /** D = Σ D_k, seconds; Z = think time, seconds; Xmax, requests per second. */
  demand: number;
  think: number;
  maxThroughput: number;
  /** The bottleneck's name, for the ceiling's label. */
  bottleneck: string;
  /** Measured points so far. */
  points: { users: number; throughput: number }[];
  /** The x axis runs to here. */
  maxUsers: number;
  /** The live run's own point (its users, its whole-run throughput so far), or null. */
  current: { users: number; throughput: number } | null;
}

const MARGIN = { top: 18, right: 12, bottom: 30, left: 46 };

/** Draws the bounds and the sweep's points into `svg`. */
export function createBoundsChart(svgElement: SVGSVGElement): Chart<BoundsChartData | null> {
  const svg = select(svgElement).attr('class', 'sp-chart sp-bounds-chart');
  let width = 360;
  let height = 200;
  let data: BoundsChartData | null = null;
  const xAxis = svg.append('g').attr('class', 'sp-axis sp-axis-x');
  const yAxis = svg.append('g').attr('class', 'sp-axis sp-axis-y');
  const xLabel = svg.append('text').attr('class', 'sp-axis-label').attr('text-anchor', 'end').text('users N');
  const yLabel = svg.append('text').attr('class', 'sp-axis-label').attr('text-anchor', 'middle').text('throughput (req/s)');
  const slope = svg.append('path').attr('class', 'sp-bound sp-bound-users').attr('fill', 'none').attr('stroke', COLORS.grey).attr('stroke-dasharray', '5 3').attr('stroke-width', 1.4);
  const ceiling = svg.append('path').attr('class', 'sp-bound sp-bound-ceiling').attr('fill', 'none').attr('stroke', COLORS.vermillion).attr('stroke-dasharray', '5 3').attr('stroke-width', 1.4);
  const slopeLabel = svg.append('text').attr('class', 'sp-bound-label').attr('fill', COLORS.grey);
  const ceilingLabel = svg.append('text').attr('class', 'sp-bound-label').attr('fill', COLORS.vermillion).attr('text-anchor', 'end');
  const knee = svg.append('path').attr('class', 'sp-bound-knee').attr('stroke', COLORS.grey).attr('stroke-dasharray', '2 3');
  const kneeLabel = svg.append('text').attr('class', 'sp-bound-label').attr('fill', COLORS.grey);
  const measured = svg.append('path').attr('fill', 'none').attr('stroke', COLORS.blue).attr('stroke-width', 1.8);
  const marks = svg.append('g').attr('class', 'sp-bound-points');
  const currentMark = svg.append('circle').attr('class', 'sp-bound-current').attr('r', 4.5).attr('fill', '#fff').attr('stroke', COLORS.green).attr('stroke-width', 2);
  const currentTitle = currentMark.append('title');
  const currentLabel = svg.append('text').attr('class', 'sp-bound-label').attr('fill', COLORS.green).text('this run');

  function draw(): void {
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const visible = data !== null;
    for (const part of [xAxis, yAxis, xLabel, yLabel, slope, ceiling, slopeLabel, ceilingLabel, knee, kneeLabel, measured, marks, currentMark, currentLabel]) part.attr('display', visible ? null : 'none');
    if (!data) return;
    const { demand, think, maxThroughput, points } = data;
    const right = width - MARGIN.right;
    const bottom = height - MARGIN.bottom;
    const top = Math.max(maxThroughput, data.current?.throughput ?? 0, ...points.map((p) => p.throughput)) * 1.15;
    const x = scaleLinear().domain([0, data.maxUsers]).range([MARGIN.left, right]);
    const y = scaleLinear().domain([0, top]).range([bottom, MARGIN.top]);
    xAxis.attr('transform', `translate(0,${bottom})`).call(axisBottom(x).ticks(Math.max(2, Math.floor((right - MARGIN.left) / 50))).tickSizeOuter(0));
    yAxis.attr('transform', `translate(${MARGIN.left},0)`).call(axisLeft(y).ticks(4).tickSizeOuter(0));
    xLabel.attr('x', right).attr('y', height - 2);
    yLabel.attr('transform', `translate(${MARGIN.left - 34},${(MARGIN.top + bottom) / 2}) rotate(-90)`);
    // N / (D + Z) up to where it leaves the chart; the ceiling across the whole axis.
    const slopeEnd = Math.min(data.maxUsers, top * (demand + think));
    slope.attr('d', `M${x(0)},${y(0)}L${x(slopeEnd)},${y(slopeEnd / (demand + think))}`);
    ceiling.attr('d', `M${x(0)},${y(maxThroughput)}L${x(data.maxUsers)},${y(maxThroughput)}`);
    const nStar = (demand + think) * maxThroughput;
    slopeLabel.attr('x', x(Math.min(nStar, data.maxUsers) * 0.15) + 6).attr('y', y((Math.min(nStar, data.maxUsers) * 0.15) / (demand + think)) - 4).text('N/(D+Z)');
    ceilingLabel.attr('x', right).attr('y', y(maxThroughput) - 5).text(`Xmax ${maxThroughput.toFixed(1)}/s (${data.bottleneck})`);
    knee.attr('d', nStar <= data.maxUsers ? `M${x(nStar)},${y(maxThroughput)}V${bottom}` : null);
    kneeLabel.attr('x', x(Math.min(nStar, data.maxUsers)) + 3).attr('y', bottom - 4).text(nStar <= data.maxUsers ? `N* ≈ ${nStar.toFixed(0)}` : '');
    measured.attr(
      'd',
      line<{ users: number; throughput: number }>()
        .digits(1)
        .x((p) => x(p.users))
        .y((p) => y(p.throughput))(points),
    );
    marks
      .selectAll<SVGCircleElement, { users: number; throughput: number }>('circle')
      .data(points, (p) => p.users)
      .join((enter) => {
        const c = enter.append('circle').attr('r', 3.2).attr('fill', COLORS.blue);
        c.append('title');
        return c;
      })
      .attr('cx', (p) => x(p.users))
      .attr('cy', (p) => y(p.throughput))
      .select('title')
      .text((p) => `${p.users} users: ${p.throughput.toFixed(1)} req/s measured, bound ${Math.min(maxThroughput, p.users / (demand + think)).toFixed(1)}`);
    const current = data.current;
    currentMark.attr('display', current ? null : 'none');
    currentLabel.attr('display', current ? null : 'none');
    if (current) {
      currentMark.attr('cx', x(current.users)).attr('cy', y(current.throughput));
      currentLabel.attr('x', x(current.users) + 7).attr('y', y(current.throughput) + 14);
      currentTitle.text(`This run, ${current.users} users: ${current.throughput.toFixed(1)} req/s since warm-up`);
    }
  }

  return chartHandle(svg, { width: 220, height: 120 }, {
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
