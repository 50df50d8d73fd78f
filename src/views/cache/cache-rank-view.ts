/**
 * Hit ratio by popularity rank: a bar per bucket of ranks (1, 2–3, 4–7, …),
 * with the theory for those ranks as a dashed tick across the bar. The
 * popular items should sit near 100 %, the long tail near 0.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleBand, scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import type { RankBar } from './cache-view-data';
import { COLORS } from '../colors';
import type { Chart } from '../charts/time-series-chart';
import { chartHandle } from '../chart-handle';

const MARGIN = { top: 26, right: 12, bottom: 34, left: 50 };

/** Draws `RankBar`s into `svg`; an empty list shows why there is nothing yet. */
export function createCacheRankView(svgElement: SVGSVGElement): Chart<RankBar[]> {
  const svg = select(svgElement).attr('class', 'sp-chart sp-cache-rank');
  let width = 360;
  let height = 180;
  let bars: RankBar[] = [];

  const xAxis = svg.append('g').attr('class', 'sp-axis sp-axis-x');
  const yAxis = svg.append('g').attr('class', 'sp-axis sp-axis-y');
  const xLabel = svg.append('text').attr('class', 'sp-axis-label').attr('text-anchor', 'end').text('popularity rank, from (1 = most asked for)');
  const yLabel = svg.append('text').attr('class', 'sp-axis-label').attr('text-anchor', 'middle').text('hit ratio (%)');
  const legend = svg.append('g').attr('class', 'sp-legend');
  const measured = svg.append('g').attr('class', 'sp-rank-bars');
  const theory = svg.append('g').attr('class', 'sp-rank-theory');
  const empty = svg.append('text').attr('class', 'sp-chart-empty').attr('text-anchor', 'middle').text('Hit ratio by rank: when the run ends');

  const legendItems: [string, string, string | null][] = [
    ['measured', COLORS.blue, null],
    ['theory', COLORS.grey, '6 4'],
  ];
  const legendGroups = legendItems.map(([text, color, dash], i) => {
    const g = legend.append('g').attr('transform', `translate(${i * 96},0)`);
    g.append('line').attr('x1', 0).attr('x2', 14).attr('y1', -4).attr('y2', -4).attr('stroke', color).attr('stroke-width', 2).attr('stroke-dasharray', dash);
    g.append('text').attr('x', 18).text(text);
    return g;
  });

  function draw(): void {
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const right = width - MARGIN.right;
    const bottom = height - MARGIN.bottom;
    legend.attr('transform', `translate(${MARGIN.left},${MARGIN.top - 10})`);
    // "theory" only when the engine had a formula for these ranks (a CDN with max-age may have none).
    legendGroups[1]?.attr('display', bars.some((b) => b.theory !== null) ? null : 'none');
    const x = scaleBand<string>()
      .domain(bars.map((b) => b.label))
      .range([MARGIN.left, right])
      .padding(0.2);
    const y = scaleLinear().domain([0, 100]).range([bottom, MARGIN.top + 4]);
    // Every other label when the buckets are crowded, so "1k–2k" does not run into its neighbour.
    const every = Math.max(1, Math.ceil((bars.length * 34) / Math.max(1, right - MARGIN.left)));
    const tickValues = bars.filter((_b, i) => i % every === 0).map((b) => b.label);
    const tickOf = new Map(bars.map((b) => [b.label, b.tick]));
    xAxis.attr('transform', `translate(0,${bottom})`).call(
      axisBottom(x)
        .tickValues(tickValues)
        .tickFormat((label) => tickOf.get(label) ?? label)
        .tickSizeOuter(0),
    );
    yAxis.attr('transform', `translate(${MARGIN.left},0)`).call(axisLeft(y).ticks(4).tickSizeOuter(0));
    xLabel.attr('x', right).attr('y', height - 2);
    yLabel.attr('transform', `translate(11,${(MARGIN.top + bottom) / 2}) rotate(-90)`);

    const rects = measured
      .selectAll<SVGRectElement, RankBar>('rect')
      .data(bars, (b) => b.label)
      .join((enter) => {
        const rect = enter.append('rect');
        rect.append('title');
        return rect;
      })
      .attr('fill', COLORS.blue)
      .attr('x', (b) => x(b.label) ?? 0)
      .attr('width', x.bandwidth())
      .attr('y', (b) => y(b.hitRatio * 100))
      .attr('height', (b) => bottom - y(b.hitRatio * 100));
    rects.select('title').text((b) => `ranks ${b.label}: ${Math.round(b.hitRatio * 1000) / 10} % of ${b.reads} reads hit${b.theory === null ? '' : `, theory ${Math.round(b.theory * 1000) / 10} %`}`);

    theory
      .selectAll<SVGLineElement, RankBar>('line')
      .data(
        bars.filter((b) => b.theory !== null),
        (b) => b.label,
      )
      .join('line')
      .attr('stroke', COLORS.grey)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', '6 4')
      .attr('x1', (b) => (x(b.label) ?? 0) - 2)
      .attr('x2', (b) => (x(b.label) ?? 0) + x.bandwidth() + 2)
      .attr('y1', (b) => y((b.theory ?? 0) * 100))
      .attr('y2', (b) => y((b.theory ?? 0) * 100));

    empty
      .attr('x', (MARGIN.left + right) / 2)
      .attr('y', (MARGIN.top + bottom) / 2)
      .attr('display', bars.length > 0 ? 'none' : null);
  }

  return chartHandle(svg, { width: 120, height: 80 }, {
    setData: (next) => {
      bars = next;
    },
    setSize: (w, h) => {
      width = w;
      height = h;
    },
    draw,
  });
}
