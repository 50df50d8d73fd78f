/**
 * The selected node's call links, a row each: the dependency, what its calls
 * came to (calls, failures, retries, fast failures), and beneath, when the
 * link has a circuit breaker, its timeline over simulated time: closed,
 * open and half-open spells in the colours the canvas draws the link in.
 */
import { axisBottom } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import type { BreakerState } from '../../engine/types';
import { chartHandle } from '../chart-handle';
import type { Chart } from '../charts/time-series-chart';
import { type CallRow, type CallsViewData, rowSummary, STATE_COLORS, STATE_NAMES, spellsOf } from './call-rows';

const MARGIN = { top: 20, right: 12, bottom: 30, left: 4 };
const MAX_ROW = 40;

/** Draws `CallsViewData` into `svg`. */
export function createCallsView(svgElement: SVGSVGElement): Chart<CallsViewData | null> {
  const svg = select(svgElement).attr('class', 'sp-chart sp-calls');
  let width = 560;
  let height = 200;
  let last: CallsViewData | null = null;

  const legend = svg.append('g').attr('class', 'sp-legend');
  const rowsGroup = svg.append('g');
  const timeAxis = svg.append('g').attr('class', 'sp-axis sp-axis-x');
  const timeLabel = svg.append('text').attr('class', 'sp-axis-label').attr('text-anchor', 'end').text('simulated time (s)');
  const empty = svg.append('text').attr('class', 'sp-chart-empty').attr('text-anchor', 'middle').text('Run to see this node’s calls and breakers');

  let legendX = 0;
  for (const state of ['closed', 'open', 'halfOpen'] as BreakerState[]) {
    // Widths from the text length: measuring would force a layout (and tests have none).
    const g = legend.append('g').attr('transform', `translate(${legendX},0)`);
    legendX += 14 + STATE_NAMES[state].length * 5.5 + 14;
    g.append('rect').attr('width', 10).attr('height', 10).attr('y', -9).attr('fill', STATE_COLORS[state]);
    g.append('text').attr('x', 14).text(`breaker ${STATE_NAMES[state]}`);
    legendX += 44;
  }

  function draw(): void {
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const rows = last?.rows ?? [];
    const now = last?.now ?? 0;
    const shown = rows.length > 0 ? null : 'none';
    const left = MARGIN.left;
    const right = width - MARGIN.right;
    const rowHeight = rows.length > 0 ? Math.max(26, Math.min(MAX_ROW, (height - MARGIN.top - MARGIN.bottom) / rows.length)) : MAX_ROW;
    const bottom = MARGIN.top + rows.length * rowHeight;
    const time = scaleLinear()
      .domain([0, Math.max(last?.duration ?? 1, 1e-9)])
      .range([left, right]);
    // The breaker legend only where a breaker is drawn.
    const anyBreaker = rows.some((r) => r.timeline.length > 0);
    legend.attr('transform', `translate(${left},${MARGIN.top - 8})`).attr('display', anyBreaker ? null : 'none');
    timeAxis
      .attr('transform', `translate(0,${bottom})`)
      .attr('display', shown)
      .call(
        axisBottom(time)
          .ticks(Math.max(2, Math.floor((right - left) / 60)))
          .tickSizeOuter(0),
      );
    timeLabel
      .attr('x', right)
      .attr('y', bottom + 28)
      .attr('display', shown);

    const groups = rowsGroup
      .selectAll<SVGGElement, CallRow>('g.sp-call')
      .data(rows, (r) => r.link)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'sp-call');
        g.append('text').attr('class', 'sp-call-name');
        g.append('rect').attr('class', 'sp-call-track');
        g.append('g').attr('class', 'sp-call-spells');
        return g;
      })
      .attr('data-link', (r) => r.link)
      .attr('data-state', (r) => r.state ?? 'none')
      .attr('transform', (_r, i) => `translate(0,${MARGIN.top + i * rowHeight})`);
    const barTop = 16;
    const barHeight = Math.max(4, rowHeight - barTop - 4);
    groups
      .select('.sp-call-name')
      .attr('x', left)
      .attr('y', 12)
      .text((r) => `→ ${r.target}${r.state ? ` (breaker ${STATE_NAMES[r.state]})` : ''}: ${rowSummary(r)}`);
    groups
      .select('.sp-call-track')
      .attr('x', left)
      .attr('y', barTop)
      .attr('height', barHeight)
      .attr('width', Math.max(0, time(Math.min(now, last?.duration ?? 0)) - left))
      // Without a breaker there is no timeline: the row is its words alone.
      .attr('fill', 'none');
    groups
      .select<SVGGElement>('.sp-call-spells')
      .selectAll<SVGRectElement, ReturnType<typeof spellsOf>[number]>('rect')
      .data((r) => spellsOf(r.timeline, now))
      .join('rect')
      .attr('x', (s) => time(s.from))
      .attr('y', barTop)
      .attr('height', barHeight)
      // A half-open spell may last a fraction of a second: keep it visible.
      .attr('width', (s) => Math.max(1.5, time(s.to) - time(s.from)))
      .attr('fill', (s) => STATE_COLORS[s.state])
      .attr('data-state', (s) => s.state);

    empty
      .attr('x', width / 2)
      .attr('y', height / 2)
      .attr('display', rows.length > 0 ? 'none' : null);
  }

  return chartHandle(svg, { width: 240, height: 90 }, {
    setData: (next) => {
      last = next;
    },
    setSize: (w, h) => {
      width = w;
      height = h;
    },
    draw,
  });
}
