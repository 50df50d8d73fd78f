/**
 * One load balancer's targets, a row each: the share of requests it gets now
 * (bar; the whole run's share as a tick), its open connections, whether it is
 * out of the pool and why, and beside it the health timeline over simulated
 * time. One SVG: the shares above, the timeline below, one group per target.
 */
import { axisBottom } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import type { BalancerViewData, OutSpan, TargetRow } from './balancer-rows';
import { RECENT_SECONDS } from './balancer-rows';
import { COLORS } from '../colors';
import type { Chart } from '../charts/time-series-chart';
import { chartHandle } from '../chart-handle';

const MARGIN = { top: 18, right: 12, bottom: 30, left: 4 };
/** Room for the target's name and state. */
const LABEL_WIDTH = 170;
/** Room after a bar for "100 % · 999 open". */
const FIGURE_WIDTH = 86;
const MAX_ROW = 18;
/** Room for the legend above the timeline. */
const LEGEND_HEIGHT = 14;
const IN_POOL_COLOR = '#cfe8dc';

/** Colour of a span out of the pool, by reason. */
export const OUT_COLORS: Record<OutSpan['out'], string> = { probes: COLORS.orange, ejected: COLORS.purple, notServing: COLORS.grey, down: COLORS.vermillion };

/** What the row's state reads as, next to its name. */
export function rowState(row: TargetRow): string {
  if (!row.eligible) return row.out === 'ejected' ? 'out: ejected' : row.out === 'probes' ? 'out: failed probes' : row.out === 'notServing' ? 'out: not serving' : 'out';
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
  const shareLabel = svg
    .append('text')
    .attr('class', 'sp-axis-label')
    .text(`share of requests, last ${RECENT_SECONDS} s (%); tick: whole run`);
  const timeLabel = svg.append('text').attr('class', 'sp-axis-label').attr('text-anchor', 'end').text('simulated time (s)');
  const empty = svg.append('text').attr('class', 'sp-chart-empty').attr('text-anchor', 'middle').text('Run to see how this balancer shares its requests');

  const legendItems: [string, string][] = [
    ['in pool', IN_POOL_COLOR],
    ['out: probes failed', OUT_COLORS.probes],
    ['out: ejected', OUT_COLORS.ejected],
    ['out: not serving', OUT_COLORS.notServing],
    ['crashed', COLORS.vermillion],
  ];
  let legendX = 0;
  legendItems.forEach(([text, color]) => {
    // Widths from the text length: measuring would force a layout (and tests have none).
    const g = legend.append('g').attr('transform', `translate(${legendX},0)`);
    legendX += 14 + text.length * 5.5 + 12;
    g.append('rect').attr('width', 10).attr('height', 10).attr('y', -9).attr('fill', color);
    g.append('text').attr('x', 14).text(text);
  });

  function draw(): void {
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const data = last;
    const rows = data?.rows ?? [];
    const shown = rows.length > 0 ? null : 'none';
    // Two blocks, one above the other, each a row per target: shares, then the health timeline.
    const blockGap = 34;
    const barLeft = MARGIN.left + LABEL_WIDTH;
    const right = width - MARGIN.right;
    const barRight = Math.max(barLeft + 40, right - FIGURE_WIDTH);
    const available = height - MARGIN.top - MARGIN.bottom - blockGap - LEGEND_HEIGHT;
    const rowHeight = rows.length > 0 ? Math.max(8, Math.min(MAX_ROW, available / (2 * rows.length))) : MAX_ROW;
    const sharesBottom = MARGIN.top + rows.length * rowHeight + 2;
    const timelineTop = sharesBottom + blockGap + LEGEND_HEIGHT;
    const timelineBottom = timelineTop + rows.length * rowHeight + 2;
    const share = scaleLinear().domain([0, 1]).range([barLeft, barRight]);
    const time = scaleLinear()
      .domain([0, Math.max(data?.duration ?? 1, 1e-9)])
      .range([barLeft, right]);

    shareAxis
      .attr('transform', `translate(0,${sharesBottom})`)
      .attr('display', shown)
      .call(
        axisBottom(share)
          .ticks(Math.max(2, Math.min(10, Math.floor((barRight - barLeft) / 50))))
          .tickFormat((v) => `${Math.round(Number(v) * 100)}`)
          .tickSizeOuter(0),
      );
    timeAxis
      .attr('transform', `translate(0,${timelineBottom})`)
      .attr('display', shown)
      .call(
        axisBottom(time)
          .ticks(Math.max(2, Math.floor((right - barLeft) / 60)))
          .tickSizeOuter(0),
      );
    shareLabel.attr('x', barLeft).attr('y', MARGIN.top - 8).attr('display', shown);
    // The legend starts under the names: the timeline alone is too narrow for it in a small panel.
    legend.attr('transform', `translate(${MARGIN.left},${timelineTop - 8})`).attr('display', shown);
    timeLabel
      .attr('x', right)
      .attr('y', timelineBottom + 28)
      .attr('display', shown);

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
        const health = g.append('g').attr('class', 'sp-health');
        health.append('text').attr('class', 'sp-target-name sp-health-name');
        health.append('rect').attr('class', 'sp-health-track').attr('fill', IN_POOL_COLOR);
        health.append('g').attr('class', 'sp-health-spans');
        health.append('g').attr('class', 'sp-crash-spans');
        return g;
      })
      .attr('data-target', (r) => r.id)
      .attr('data-state', (r) => (r.eligible ? (r.down ? 'down' : 'in') : `out-${r.out || 'down'}`))
      .attr('transform', (_r, i) => `translate(0,${MARGIN.top + i * rowHeight})`);

    // Many targets in a short panel (a scaling group's slots): the names shrink with their rows rather than overlap.
    if (rowHeight < 12) rowsGroup.style('--sp-row-font', `${Math.max(6, Math.floor(rowHeight - 1))}px`);
    else rowsGroup.style('--sp-row-font', null);
    const barHeight = Math.max(3, rowHeight - 5);
    const textY = rowHeight / 2 + 3;
    groups
      .select('.sp-target-name')
      .attr('x', MARGIN.left)
      .attr('y', textY)
      .text((r) => r.name);
    // The state sits after the name, in the colour of the reason it is out.
    groups
      .select('.sp-target-state')
      .attr('x', MARGIN.left + LABEL_WIDTH - 4)
      .attr('y', textY)
      .attr('text-anchor', 'end')
      .attr('fill', (r) => (!r.eligible ? OUT_COLORS[r.out === '' ? 'down' : r.out] : r.down ? COLORS.vermillion : '#52606d'))
      .text(rowState);
    groups
      .select('.sp-share-bar')
      .attr('x', barLeft)
      .attr('y', 2)
      .attr('height', barHeight)
      .attr('width', (r) => Math.max(0, share(r.recentShare) - barLeft))
      .attr('fill', (r) => (!r.eligible || r.down ? COLORS.vermillion : COLORS.blue));
    groups
      .select('.sp-share-run')
      .attr('x1', (r) => share(r.share))
      .attr('x2', (r) => share(r.share))
      .attr('y1', 0)
      .attr('y2', barHeight + 4);
    groups
      .select('.sp-target-figures')
      .attr('x', barRight + 6)
      .attr('y', textY)
      .text((r) => `${percent(r.recentShare)} · ${r.open} open`);
    const health = groups.select<SVGGElement>('.sp-health').attr('transform', `translate(0,${timelineTop - MARGIN.top})`);
    health
      .select('.sp-health-name')
      .attr('x', MARGIN.left)
      .attr('y', textY)
      .text((r) => r.name);
    health
      .select('.sp-health-track')
      .attr('x', barLeft)
      .attr('y', 2)
      .attr('height', barHeight)
      .attr('width', Math.max(0, time(Math.min(data?.now ?? 0, data?.duration ?? 0)) - barLeft));
    health
      .select<SVGGElement>('.sp-health-spans')
      .selectAll<SVGRectElement, OutSpan>('rect')
      .data((r) => r.spans)
      .join('rect')
      .attr('x', (s) => time(s.start))
      .attr('y', 2)
      .attr('height', barHeight)
      .attr('width', (s) => Math.max(1.5, time(s.end) - time(s.start)))
      .attr('fill', (s) => OUT_COLORS[s.out]);
    // A crash is a strip along the bottom of the track: in the pool and crashed at once is the sinkhole.
    const crashHeight = Math.max(2, barHeight / 3);
    health
      .select<SVGGElement>('.sp-crash-spans')
      .selectAll<SVGRectElement, { start: number; end: number }>('rect')
      .data((r) => r.crashes)
      .join('rect')
      .attr('x', (s) => time(s.start))
      .attr('y', 2 + barHeight - crashHeight)
      .attr('height', crashHeight)
      .attr('width', (s) => Math.max(1.5, time(s.end) - time(s.start)))
      .attr('fill', COLORS.vermillion);

    empty
      .attr('x', width / 2)
      .attr('y', height / 2)
      .attr('display', rows.length > 0 ? 'none' : null);
  }

  return chartHandle(svg, { width: 240, height: 100 }, {
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
