/**
 * One load balancer's targets, a row each: the share of requests it gets now
 * (bar; the whole run's share as a tick), its open connections, whether it is
 * out of the pool and why, and beside it the health timeline over simulated
 * time. One SVG, so a target's bar and its timeline sit on the same line.
 */
import { axisBottom } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import type { BalancerViewData, OutSpan, TargetRow } from './balancer-figures';
import { RECENT_SECONDS } from './balancer-figures';
import { COLORS } from './palette';
import type { Chart } from './time-series-chart';

const MARGIN = { top: 22, right: 12, bottom: 30, left: 8 };
/** Room for the target's name and state. */
const LABEL_WIDTH = 104;
/** Room after a bar for "100 % · 999 open". */
const FIGURE_WIDTH = 86;
const MAX_ROW = 22;

/** Colour of a span out of the pool, by reason. */
export const OUT_COLORS: Record<OutSpan['out'], string> = { probes: COLORS.orange, ejected: COLORS.purple, down: COLORS.vermillion };

/** What the row's state reads as, next to its name. */
export function rowState(row: TargetRow): string {
  if (!row.eligible) return row.out === 'ejected' ? 'out: ejected' : row.out === 'probes' ? 'out: failed probes' : 'out';
  return row.down ? 'down, still in pool' : 'in pool';
}

const percent = (v: number) => `${Math.round(v * 100)} %`;

/** Draws `BalancerViewData` into `svg`. */
export function createBalancerView(svgElement: SVGSVGElement): Chart<BalancerViewData | null> {
  const svg = select(svgElement).attr('class', 'sp-chart sp-balancer');
  let width = 560;
  let height = 200;
  let last: BalancerViewData | null = null;

  const legend = svg.append('g').attr('class', 'sp-legend');
  const rowsGroup = svg.append('g').attr('class', 'sp-balancer-rows');
  const shareAxis = svg.append('g').attr('class', 'sp-axis sp-axis-share');
  const timeAxis = svg.append('g').attr('class', 'sp-axis sp-axis-x');
  const shareLabel = svg.append('text').attr('class', 'sp-axis-label').text(`share of requests, last ${RECENT_SECONDS} s (%)`);
  const timeLabel = svg.append('text').attr('class', 'sp-axis-label').attr('text-anchor', 'end').text('simulated time (s)');
  const empty = svg.append('text').attr('class', 'sp-chart-empty').attr('text-anchor', 'middle').text('Run to see how this balancer shares its requests');

  const legendItems: [string, string][] = [
    ['in pool', '#cfe8dc'],
    ['out: failed probes', OUT_COLORS.probes],
    ['out: ejected', OUT_COLORS.ejected],
  ];
  legendItems.forEach(([text, color], i) => {
    const g = legend.append('g').attr('transform', `translate(${i * 118},0)`);
    g.append('rect').attr('width', 10).attr('height', 10).attr('y', -9).attr('fill', color);
    g.append('text').attr('x', 14).text(text);
  });

  function draw(): void {
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const data = last;
    const rows = data?.rows ?? [];
    const innerBottom = height - MARGIN.bottom;
    const barLeft = MARGIN.left + LABEL_WIDTH;
    const split = Math.max(barLeft + 80, Math.round(width * 0.5));
    const barRight = split - FIGURE_WIDTH;
    const timeLeft = split + 8;
    const timeRight = width - MARGIN.right;
    const rowHeight = rows.length > 0 ? Math.min(MAX_ROW, (innerBottom - MARGIN.top) / rows.length) : MAX_ROW;
    const share = scaleLinear().domain([0, 1]).range([barLeft, barRight]);
    const time = scaleLinear()
      .domain([0, Math.max(data?.duration ?? 1, 1e-9)])
      .range([timeLeft, timeRight]);

    legend.attr('transform', `translate(${timeLeft},${MARGIN.top - 8})`).attr('display', rows.length > 0 ? null : 'none');
    const bottomOfRows = MARGIN.top + rows.length * rowHeight + 4;
    shareAxis
      .attr('transform', `translate(0,${bottomOfRows})`)
      .call(
        axisBottom(share)
          .ticks(Math.max(2, Math.floor((barRight - barLeft) / 50)))
          .tickFormat((v) => `${Math.round(Number(v) * 100)}`)
          .tickSizeOuter(0),
      );
    timeAxis.attr('transform', `translate(0,${bottomOfRows})`).call(
      axisBottom(time)
        .ticks(Math.max(2, Math.floor((timeRight - timeLeft) / 60)))
        .tickSizeOuter(0),
    );
    shareLabel.attr('x', barLeft).attr('y', bottomOfRows + 28);
    timeLabel.attr('x', timeRight).attr('y', bottomOfRows + 28);
    for (const part of [shareAxis, timeAxis, shareLabel, timeLabel]) part.attr('display', rows.length > 0 ? null : 'none');

    const groups = rowsGroup
      .selectAll<SVGGElement, TargetRow>('g.sp-target')
      .data(rows, (r) => r.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'sp-target');
        g.append('text').attr('class', 'sp-target-name');
        g.append('text').attr('class', 'sp-target-state');
        g.append('rect').attr('class', 'sp-share-bar');
        g.append('line').attr('class', 'sp-share-run').attr('stroke', '#1f2933').attr('stroke-width', 1.5);
        g.append('text').attr('class', 'sp-target-figures');
        g.append('rect').attr('class', 'sp-health-track').attr('fill', '#cfe8dc');
        g.append('g').attr('class', 'sp-health-spans');
        return g;
      })
      .attr('data-target', (r) => r.id)
      .attr('data-state', (r) => (r.eligible ? (r.down ? 'down' : 'in') : `out-${r.out || 'down'}`))
      .attr('transform', (_r, i) => `translate(0,${MARGIN.top + i * rowHeight})`);

    const barHeight = Math.max(3, rowHeight - 6);
    const bigRows = rowHeight >= 16;
    groups
      .select('.sp-target-name')
      .attr('x', MARGIN.left)
      .attr('y', bigRows ? rowHeight / 2 - 1 : rowHeight / 2 + 3)
      .text((r) => r.id);
    groups
      .select('.sp-target-state')
      .attr('x', MARGIN.left)
      .attr('y', rowHeight / 2 + 8)
      .attr('display', bigRows ? null : 'none')
      .attr('fill', (r) => (!r.eligible ? OUT_COLORS[r.out === '' ? 'down' : r.out] : r.down ? COLORS.vermillion : '#52606d'))
      .text(rowState);
    groups
      .select('.sp-share-bar')
      .attr('x', barLeft)
      .attr('y', 3)
      .attr('height', barHeight)
      .attr('width', (r) => Math.max(0, share(r.recentShare) - barLeft))
      .attr('fill', (r) => (!r.eligible || r.down ? COLORS.vermillion : COLORS.blue));
    groups
      .select('.sp-share-run')
      .attr('x1', (r) => share(r.share))
      .attr('x2', (r) => share(r.share))
      .attr('y1', 1)
      .attr('y2', barHeight + 5);
    groups
      .select('.sp-target-figures')
      .attr('x', barRight + 6)
      .attr('y', rowHeight / 2 + 3)
      .text((r) => `${percent(r.recentShare)} · ${r.open} open`);
    groups
      .select('.sp-health-track')
      .attr('x', timeLeft)
      .attr('y', 3)
      .attr('height', barHeight)
      .attr('width', Math.max(0, time(Math.min(data?.now ?? 0, data?.duration ?? 0)) - timeLeft));
    groups
      .select<SVGGElement>('.sp-health-spans')
      .selectAll<SVGRectElement, OutSpan>('rect')
      .data((r) => r.spans)
      .join('rect')
      .attr('x', (s) => time(s.start))
      .attr('y', 3)
      .attr('height', barHeight)
      .attr('width', (s) => Math.max(1.5, time(s.end) - time(s.start)))
      .attr('fill', (s) => OUT_COLORS[s.out]);

    empty
      .attr('x', width / 2)
      .attr('y', height / 2)
      .attr('display', rows.length > 0 ? 'none' : null);
  }

  return {
    update(data) {
      last = data;
      draw();
    },
    resize(w, h) {
      width = Math.max(240, Math.floor(w));
      height = Math.max(100, Math.floor(h));
      draw();
    },
    destroy() {
      svg.selectAll('*').remove();
    },
  };
}
