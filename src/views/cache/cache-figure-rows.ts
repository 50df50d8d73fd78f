/**
 * A few labelled figures, one a row, each with an optional bar for a share
 * (0–1): the shape of the stale-read, lost-write and origin-offload views.
 */
import { select } from 'd3-selection';
import { COLORS } from '../colors';
import type { Chart } from '../charts/time-series-chart';
import { chartHandle } from '../chart-handle';

/** One figure: "Stale reads · 1,234 (2.1 % of reads)". */
export interface FigureRow {
  label: string;
  value: string;
  /** Draws a bar of this share (0–1) under the value. */
  share?: number;
  /** A quieter line under the bar: what the share is of. */
  detail?: string;
  /** Marks a figure a person should notice (lost writes above zero). */
  alarm?: boolean;
}

export interface FigureRowsData {
  rows: FigureRow[];
  /** Shown instead of the rows when there are none. */
  emptyText: string;
}

/** Height of a row with a bar (and its detail line), and of one with a figure only. */
const ROW_WITH_BAR = 38;
const ROW = 18;
const LEFT = 10;

/** Where each row starts: rows with a bar take more room. */
function rowTops(rows: readonly FigureRow[]): number[] {
  let y = 4;
  return rows.map((r) => {
    const top = y;
    y += r.share === undefined ? ROW : ROW_WITH_BAR;
    return top;
  });
}

/** Draws `FigureRowsData` into `svg`. */
export function createFigureRows(svgElement: SVGSVGElement): Chart<FigureRowsData> {
  const svg = select(svgElement).attr('class', 'sp-chart sp-figure-rows');
  let width = 360;
  let height = 180;
  let data: FigureRowsData = { rows: [], emptyText: '' };
  const rowsGroup = svg.append('g');
  const empty = svg.append('text').attr('class', 'sp-chart-empty').attr('text-anchor', 'middle');

  function draw(): void {
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const barWidth = Math.max(40, width - 2 * LEFT);
    const tops = rowTops(data.rows);
    const rows = rowsGroup
      .selectAll<SVGGElement, FigureRow>('g')
      .data(data.rows, (r) => r.label)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'sp-figure-row');
        g.append('text').attr('class', 'sp-figure-label').attr('x', LEFT).attr('y', 12);
        g.append('text').attr('class', 'sp-figure-value').attr('text-anchor', 'end').attr('y', 12);
        g.append('rect').attr('class', 'sp-figure-track').attr('x', LEFT).attr('y', 17).attr('height', 7).attr('fill', '#e5e7eb');
        g.append('rect').attr('class', 'sp-figure-bar').attr('x', LEFT).attr('y', 17).attr('height', 7);
        g.append('text').attr('class', 'sp-figure-detail').attr('x', LEFT).attr('y', 34);
        return g;
      })
      .attr('transform', (_r, i) => `translate(0,${tops[i] ?? 0})`);
    rows.select('.sp-figure-label').text((r) => r.label);
    rows
      .select('.sp-figure-value')
      .attr('x', width - LEFT)
      .attr('font-weight', (r) => (r.alarm ? 'bold' : null))
      .attr('fill', (r) => (r.alarm ? COLORS.vermillion : null))
      .text((r) => r.value);
    rows.select('.sp-figure-detail').text((r) => r.detail ?? '');
    rows
      .select('.sp-figure-track')
      .attr('width', barWidth)
      .attr('display', (r) => (r.share === undefined ? 'none' : null));
    rows
      .select('.sp-figure-bar')
      .attr('fill', (r) => (r.alarm ? COLORS.vermillion : COLORS.blue))
      .attr('width', (r) => barWidth * Math.min(1, Math.max(0, r.share ?? 0)))
      .attr('display', (r) => (r.share === undefined ? 'none' : null));
    empty
      .attr('x', width / 2)
      .attr('y', height / 2)
      .text(data.emptyText)
      .attr('display', data.rows.length > 0 ? 'none' : null);
  }

  return chartHandle(svg, { width: 120, height: 80 }, {
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

/** "1,234". */
export const formatCount = (n: number) => Math.round(n).toLocaleString('en-US');
/** "2.1 %". */
export const formatShare = (share: number) => `${Math.round(share * 1000) / 10} %`;
