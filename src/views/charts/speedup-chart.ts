/**
 * The speedup chart: measured S(N) against Amdahl's 1/(s + (1 − s)/N) with
 * its 1/s ceiling, Gustafson's scaled speedup, and the USL fitted to the
 * points (σ, κ and the N of peak throughput written under the legend).
 * "This computer" marks how much faster the page's pool of workers ran a
 * sweep than its runs one after another. Lines that climb past the top are
 * clipped, so the ceiling stays readable.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { type Selection, select } from 'd3-selection';
import { line } from 'd3-shape';
import { amdahlSpeedup, gustafsonSpeedup, type SpeedupPoint, type UslFit, uslSpeedup } from '../../engine/parallel/scalability';
import type { PoolSpeedup } from '../../worker/protocol';
import { chartHandle } from '../chart-handle';
import { COLORS } from '../colors';
import type { Chart } from './time-series-chart';

export interface SpeedupChartData {
  /** Measured S(N) = T(1)/T(N). */
  points: readonly SpeedupPoint[];
  /** s of the job now: Amdahl's curve and its ceiling follow it as the user edits it. */
  serialFraction: number;
  /** The USL fitted to the points; null with fewer than two beyond N = 1. */
  fit: UslFit | null;
  /** The pool's own speedups ("this computer"). */
  machine: readonly PoolSpeedup[];
  /** Right end of the N axis. */
  maxWorkers: number;
}

const MARGIN = { top: 34, right: 12, bottom: 30, left: 40 };
const SERIES = [
  { key: 'amdahl', label: 'Amdahl', color: COLORS.blue, dash: null },
  { key: 'gustafson', label: 'Gustafson (scaled)', color: COLORS.green, dash: '5 3' },
  { key: 'usl', label: 'USL fit', color: COLORS.vermillion, dash: null },
] as const;
type SeriesKey = (typeof SERIES)[number]['key'];

/** Where each line is drawn: every N from 1 to the right end. */
const curve = (maxN: number, speedup: (n: number) => number) => Array.from({ length: maxN }, (_, i) => ({ n: i + 1, speedup: speedup(i + 1) }));

const ceilingOf = (s: number) => (s > 0 ? 1 / s : Number.POSITIVE_INFINITY);

/** Draws the speedup chart into `svg`. */
export function createSpeedupChart(svgElement: SVGSVGElement): Chart<SpeedupChartData> {
  const svg = select(svgElement).attr('class', 'sp-chart sp-speedup-chart');
  let width = 420;
  let height = 220;
  let data: SpeedupChartData = { points: [], serialFraction: 0, fit: null, machine: [], maxWorkers: 64 };
  const clipId = `sp-speedup-clip-${Math.random().toString(36).slice(2, 8)}`;
  const clip = svg.append('clipPath').attr('id', clipId).append('rect');
  const xAxis = svg.append('g').attr('class', 'sp-axis sp-axis-x');
  const yAxis = svg.append('g').attr('class', 'sp-axis sp-axis-y');
  const xLabel = svg.append('text').attr('class', 'sp-axis-label').attr('text-anchor', 'end').text('workers N');
  const yLabel = svg.append('text').attr('class', 'sp-axis-label').attr('text-anchor', 'middle').text('speedup T(1)/T(N)');
  const plot = svg.append('g').attr('class', 'sp-lines').attr('clip-path', `url(#${clipId})`);
  const ceiling = plot.append('line').attr('class', 'sp-ceiling').attr('stroke', COLORS.blue).attr('stroke-dasharray', '2 3');
  const ceilingText = svg.append('text').attr('class', 'sp-axis-label sp-ceiling-label').attr('text-anchor', 'end').attr('fill', COLORS.blue);
  const paths = new Map<SeriesKey, Selection<SVGPathElement, unknown, null, undefined>>();
  for (const s of SERIES) {
    paths.set(
      s.key,
      plot
        .append('path')
        .attr('class', `sp-curve sp-curve-${s.key}`)
        .attr('fill', 'none')
        .attr('stroke', s.color)
        .attr('stroke-width', 1.6)
        .attr('stroke-dasharray', s.dash),
    );
  }
  const marks = svg.append('g').attr('class', 'sp-speedup-points');
  const machineMarks = svg.append('g').attr('class', 'sp-machine-points');
  const legend = svg.append('g').attr('class', 'sp-legend');
  const fitText = svg.append('text').attr('class', 'sp-axis-label sp-usl-fit');

  const drawLegend = () => {
    const items = [
      ...SERIES.map((s) => ({ label: s.label, color: s.color, shape: 'line' as const })),
      { label: 'measured', color: '#1f2933', shape: 'dot' as const },
      { label: 'this computer', color: COLORS.orange, shape: 'diamond' as const },
    ];
    let x = 0;
    legend
      .selectAll<SVGGElement, (typeof items)[number]>('g')
      .data(items)
      .join((enter) => {
        const g = enter.append('g');
        g.append('path');
        g.append('text').attr('x', 16);
        return g;
      })
      .each(function (item) {
        const g = select(this).attr('transform', `translate(${x},0)`);
        g.select('text').text(item.label);
        g.select('path')
          .attr('d', item.shape === 'line' ? 'M0,-4H12' : item.shape === 'dot' ? 'M6,-4m-3,0a3,3 0 1,0 6,0a3,3 0 1,0 -6,0' : 'M6,-8L10,-4L6,0L2,-4Z')
          .attr('stroke', item.color)
          .attr('stroke-width', item.shape === 'line' ? 2 : 1)
          .attr('fill', item.shape === 'line' ? 'none' : item.color);
        x += 24 + item.label.length * 6.2;
      });
  };

  function draw(): void {
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const { points, serialFraction: s, fit, machine, maxWorkers } = data;
    const left = MARGIN.left;
    const right = width - MARGIN.right;
    const bottom = height - MARGIN.bottom;
    const top = MARGIN.top;
    const cap = ceilingOf(s);
    // Before a sweep the curve and its ceiling set the scale; after one, the measured points do
    // (the ceiling stays in view while it is within twice the best measured speedup).
    const measured = Math.max(0, ...points.map((p) => p.speedup), ...machine.map((m) => m.speedup));
    const theory = Math.max(amdahlSpeedup(s, maxWorkers), Number.isFinite(cap) ? cap : 0);
    const highest = Math.max(2, points.length === 0 ? theory : theory <= 2 * measured ? theory : measured * 1.3);
    const x = scaleLinear().domain([1, maxWorkers]).range([left, right]);
    const y = scaleLinear()
      .domain([0, Math.min(maxWorkers, highest * 1.15)])
      .range([bottom, top])
      .nice(5);
    clip.attr('x', left).attr('y', top).attr('width', right - left).attr('height', bottom - top);
    xAxis.attr('transform', `translate(0,${bottom})`).call(axisBottom(x).ticks(Math.max(2, Math.floor((right - left) / 50))).tickSizeOuter(0));
    yAxis.attr('transform', `translate(${left},0)`).call(axisLeft(y).ticks(5).tickSizeOuter(0));
    xLabel.attr('x', right).attr('y', height - 2);
    yLabel.attr('transform', `translate(${left - 30},${(top + bottom) / 2}) rotate(-90)`);
    legend.attr('transform', `translate(${left},12)`);
    // The legend never changes: drawn once, it adds no text layout to each new point's redraw.
    if (legend.selectAll('g').empty()) drawLegend();

    const draw = line<SpeedupPoint>()
      .digits(1)
      .x((p) => x(p.n))
      .y((p) => y(p.speedup));
    paths.get('amdahl')?.attr('d', draw(curve(maxWorkers, (n) => amdahlSpeedup(s, n))));
    paths.get('gustafson')?.attr('d', draw(curve(maxWorkers, (n) => gustafsonSpeedup(s, n))));
    paths.get('usl')?.attr('d', fit ? draw(curve(maxWorkers, (n) => uslSpeedup(fit.sigma, fit.kappa, n))) : null);

    const showCeiling = Number.isFinite(cap) && cap <= y.domain()[1]!;
    ceiling
      .attr('display', showCeiling ? null : 'none')
      .attr('data-value', Number.isFinite(cap) ? cap : null)
      .attr('x1', left)
      .attr('x2', right)
      .attr('y1', showCeiling ? y(cap) : 0)
      .attr('y2', showCeiling ? y(cap) : 0);
    ceilingText
      .attr('display', showCeiling ? null : 'none')
      .attr('x', right - 2)
      .attr('y', showCeiling ? y(cap) - 3 : 0)
      .text(showCeiling ? `ceiling 1/s = ${formatTimes(cap)}` : '');

    marks
      .selectAll<SVGCircleElement, SpeedupPoint>('circle')
      .data(points, (p) => String(p.n))
      .join((enter) => enter.append('circle').attr('class', 'sp-speedup-point').attr('r', 3).attr('fill', '#1f2933').call((c) => c.append('title')))
      .attr('cx', (p) => x(p.n))
      .attr('cy', (p) => y(Math.min(p.speedup, y.domain()[1]!)))
      .attr('data-n', (p) => p.n)
      .attr('data-speedup', (p) => p.speedup.toFixed(4))
      .select('title')
      .text((p) => `N = ${p.n}: ${formatTimes(p.speedup)} (Amdahl ${formatTimes(amdahlSpeedup(s, p.n))})`);
    machineMarks
      .selectAll<SVGPathElement, PoolSpeedup>('path')
      .data(machine)
      .join((enter) => enter.append('path').attr('class', 'sp-machine-point').attr('fill', COLORS.orange).attr('stroke', '#7a5300').call((p) => p.append('title')))
      .attr('d', (m) => `M${x(m.workers)},${y(m.speedup) - 6}l5,6l-5,6l-5,-6Z`)
      .select('title')
      .text((m) => `this computer: ${m.workers} background workers ran the sweep ${formatTimes(m.speedup)} faster than one after another`);

    fitText
      .attr('x', left + 6)
      .attr('y', top + 10)
      // Some text is always there, Greek letters included: shaping σ and κ the first time finds a fallback
      // font, slow enough to be a long task if it waited for the sweep's first points.
      .text(fit ? `USL fit: σ = ${fit.sigma.toFixed(3)}, κ = ${fit.kappa.toFixed(4)}, ${peakText(fit.peakWorkers)}` : 'USL fit (σ, κ, peak N ≈ …): sweep N to measure');
  }

  return chartHandle(svg, { width: 260, height: 150 }, {
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

/** "9.1×". */
function formatTimes(speedup: number): string {
  return `${speedup >= 10 ? speedup.toFixed(0) : speedup.toFixed(1)}×`;
}

/** Where throughput peaks, in words. */
function peakText(peak: number): string {
  return Number.isFinite(peak) ? `peak at N ≈ ${peak.toFixed(0)}` : 'no peak (κ = 0)';
}
