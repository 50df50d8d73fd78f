/**
 * A line chart over simulated time, owned by D3: React only decides where
 * the <svg> sits. The latency, throughput and per-node charts are this chart
 * with different series.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { type ScaleLinear, scaleLinear } from 'd3-scale';
import { type Selection, select } from 'd3-selection';
import { setAttr, setText } from '../dom-writes';
import { chartHandle } from '../chart-handle';
import { COLORS } from '../colors';
import { compactTick } from './tick-format';

/** One line: a label for the legend, a colour, and a value per x. */
export interface Series {
  label: string;
  color: string;
  values: ArrayLike<number>;
  dash?: string;
  /**
   * 'hidden': drawn, but left out of the legend (a line another entry
   * explains); 'only': a legend entry that draws no line (a key, such as
   * "theory" for every dashed line).
   */
  legend?: 'hidden' | 'only';
}

/** A moment to mark across the plot: a live edit or a fault. */
export interface ChartMarker {
  /** Simulated second. */
  at: number;
  /** A word or two: "edit", "crash app-2". */
  label: string;
}

export interface TimeSeriesData {
  /** Simulated seconds at which each value was measured (a window's end). */
  x: ArrayLike<number>;
  /** Left end of the time axis (default 0). */
  xMin?: number;
  /** Right end of the time axis (the run's duration), so lines grow from left to right. */
  xMax: number;
  series: Series[];
  /** Thin vertical lines with a short label, drawn under the series. */
  markers?: readonly ChartMarker[];
}

export interface TimeSeriesOptions {
  /** Y axis label with its unit, e.g. "latency (ms)". */
  yLabel: string;
  /** The y axis reaches at least this, so a quiet run does not look like a loud one. */
  yMinTop?: number;
  /** A fixed top, e.g. 100 for a percentage. */
  yMax?: number;
  yTickFormat?: (value: number) => string;
  width?: number;
  height?: number;
}

/** What every chart module returns. */
export interface Chart<Data> {
  update(data: Data): void;
  resize(width: number, height: number): void;
  destroy(): void;
}

/** The chart's text size when the page sets none (`--sp-chart-font`; presenter mode sets it larger). */
const DEFAULT_FONT_PX = 10;
/** A character's width as a share of the font size, to place legend items without measuring text (getBBox forces a layout). */
const CHAR_WIDTH = 0.62;

/**
 * Room around the plot for text `font` pixels tall. On the left: the rotated
 * axis title, a gap, then tick labels of up to five characters (ticks are
 * compact: "400k"), so the two never collide. On the right: half the last
 * time tick.
 */
export function chartMargins(font: number): { top: number; right: number; bottom: number; left: number; legendRow: number } {
  return {
    top: 8,
    right: Math.round(font * 1.8),
    bottom: Math.round(font * 3),
    left: Math.round(font * 1.3 + 4 + 5 * font * CHAR_WIDTH + 9),
    legendRow: Math.round(font * 1.4),
  };
}

/** The `--sp-chart-font` the page gives this chart, in pixels. */
function chartFont(element: Element): number {
  const value = Number.parseFloat(getComputedStyle(element).getPropertyValue('--sp-chart-font'));
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_FONT_PX;
}

/** Draws `TimeSeriesData` into `svg`; call `update` as often as the data changes. */
export function createTimeSeriesChart(svgElement: SVGSVGElement, options: TimeSeriesOptions): Chart<TimeSeriesData> {
  const svg = select(svgElement).attr('class', 'sp-chart');
  let width = options.width ?? 360;
  let height = options.height ?? 180;
  let last: TimeSeriesData | null = null;
  // Axes are redrawn only when their scale changes: tick layout is the costly part of a redraw.
  let xAxisKey = '';
  let yAxisKey = '';

  const xAxis = svg.append('g').attr('class', 'sp-axis sp-axis-x');
  const yAxis = svg.append('g').attr('class', 'sp-axis sp-axis-y');
  const xLabel = svg.append('text').attr('class', 'sp-axis-label').attr('text-anchor', 'end').text('simulated time (s)');
  const yLabel = svg.append('text').attr('class', 'sp-axis-label').attr('text-anchor', 'middle').text(options.yLabel);
  const markers = svg.append('g').attr('class', 'sp-markers');
  const lines = svg.append('g').attr('class', 'sp-lines');
  const legend = svg.append('g').attr('class', 'sp-legend');
  const empty = svg.append('text').attr('class', 'sp-chart-empty').attr('text-anchor', 'middle').text('No data yet: press Run');

  // Keys of what was last drawn: each part is rewritten only when its own inputs change.
  let legendKey = '';
  let legendRows = 0;
  // The font is read on resize (presenter mode changes the panel's size too), not on every redraw.
  let margin = chartMargins(DEFAULT_FONT_PX);
  let font = DEFAULT_FONT_PX;

  function draw(): void {
    const root = svg.node()!;
    setAttr(root, 'width', width);
    setAttr(root, 'height', height);
    setAttr(root, 'viewBox', `0 0 ${width} ${height}`);
    const data = last ?? { x: [], xMax: 1, series: [] };
    const innerRight = width - margin.right;
    const innerBottom = height - margin.bottom;
    const listed = data.series.filter((s) => s.legend !== 'hidden');
    const key = `${width} ${font} ${listed.map((s) => `${s.label}|${s.color}|${s.dash ?? ''}`).join(' ')}`;
    if (key !== legendKey) {
      legendKey = key;
      // The legend may use the chart's whole width: every series is listed, wrapped onto rows, never dropped.
      legendRows = drawLegend(legend, listed, 4, width - 4, font, margin.top, margin.legendRow);
    }
    const innerTop = margin.top + legendRows * margin.legendRow + 6;
    const x = scaleLinear().domain([data.xMin ?? 0, Math.max(data.xMax, (data.xMin ?? 0) + 1e-9)]).range([margin.left, innerRight]);
    let top = options.yMax ?? options.yMinTop ?? 1;
    if (options.yMax === undefined) {
      for (const s of data.series) for (let i = 0; i < s.values.length; i++) top = Math.max(top, s.values[i] ?? 0);
    }
    const y = scaleLinear().domain([0, top]).range([innerBottom, innerTop]).nice(4);

    const xKey = `${x.domain()} ${x.range()} ${innerBottom} ${font}`;
    if (xKey !== xAxisKey) {
      xAxisKey = xKey;
      xAxis.attr('transform', `translate(0,${innerBottom})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(width / (font * 7)))).tickSizeOuter(0));
    }
    const yKey = `${y.domain()} ${y.range()} ${margin.left}`;
    if (yKey !== yAxisKey) {
      yAxisKey = yKey;
      const format = options.yTickFormat ?? compactTick;
      const yTicks = axisLeft(y).ticks(4).tickSizeOuter(0).tickFormat((v) => format(Number(v)));
      yAxis.attr('transform', `translate(${margin.left},0)`).call(yTicks);
    }
    setAttr(xLabel.node()!, 'x', innerRight);
    setAttr(xLabel.node()!, 'y', height - 2);
    // Rotated along the axis, so the legend has the whole top row; its baseline sits one font size in.
    setAttr(yLabel.node()!, 'transform', `translate(${Math.round(font + 1)},${(innerTop + innerBottom) / 2}) rotate(-90)`);

    const count = data.x.length;
    // Screen x of every point, shared by all series.
    const xs = new Float64Array(count);
    for (let i = 0; i < count; i++) xs[i] = x(data.x[i] ?? 0);
    const pathOf = (series: Series) => linePath(xs, series.values, y);

    drawMarkers(markers, data.markers ?? [], x, innerTop, innerBottom, font);

    lines
      .selectAll<SVGPathElement, Series>('path')
      .data(
        data.series.filter((s) => s.legend !== 'only'),
        (s) => s.label,
      )
      .join((enter) => enter.append('path').attr('fill', 'none').attr('stroke-width', 1.6))
      .each(function (s) {
        setAttr(this, 'stroke', s.color);
        setAttr(this, 'stroke-dasharray', s.dash ?? null);
        setAttr(this, 'd', count > 0 ? pathOf(s) : null);
      });

    const hint = empty.node()!;
    setAttr(hint, 'x', (margin.left + innerRight) / 2);
    setAttr(hint, 'y', (innerTop + innerBottom) / 2);
    setAttr(hint, 'display', data.x.length > 0 ? 'none' : null);
  }

  return chartHandle(svg, { width: 120, height: 80 }, {
    setData: (next) => {
      last = next;
    },
    setSize: (w, h) => {
      width = w;
      height = h;
      font = chartFont(svg.node()!);
      margin = chartMargins(font);
    },
    draw,
  });
}

/**
 * The `d` of a polyline through (xs[i], y(values[i])), coordinates rounded to
 * 0.1 px: what d3-shape's line() with digits(1) writes, built in one loop
 * (the generic generator was the costliest part of a redraw at full speed).
 */
export function linePath(xs: Float64Array, values: ArrayLike<number>, y: (value: number) => number): string {
  let d = '';
  for (let i = 0; i < xs.length; i++) {
    d += `${i === 0 ? 'M' : 'L'}${Math.round(xs[i]! * 10) / 10},${Math.round(y(values[i] ?? 0) * 10) / 10}`;
  }
  return d;
}

/**
 * Markers as thin vertical lines across the plot, each labelled at its top.
 * A label that would run into the one before is folded into it ("edit +2";
 * its line stays and its own label shows on hover), so a burst of edits reads
 * as a burst rather than as overprinted text.
 */
function drawMarkers(
  group: Selection<SVGGElement, unknown, null, undefined>,
  markers: readonly ChartMarker[],
  x: ScaleLinear<number, number>,
  top: number,
  bottom: number,
  font: number,
): void {
  const [left, right] = x.range() as [number, number];
  const labelWidth = (text: string) => 3 + text.length * font * 0.9 * CHAR_WIDTH + 6;
  const visible: { marker: ChartMarker; px: number; text: string | null }[] = [];
  let labelled: { text: string | null; marker: ChartMarker; px: number; folded: number } | null = null;
  let labelEnd = Number.NEGATIVE_INFINITY;
  for (const marker of markers) {
    const px = x(marker.at);
    // A sliding axis leaves early edits behind: only markers within the plot are drawn.
    if (!Number.isFinite(px) || px < left || px > right) continue;
    const entry = { marker, px, text: null as string | null, folded: 0 };
    if (px >= labelEnd || labelled === null) {
      entry.text = marker.label;
      labelled = entry;
    } else {
      labelled.folded++;
      labelled.text = `${labelled.marker.label} +${labelled.folded}`;
    }
    labelEnd = labelled.px + labelWidth(labelled.text ?? '');
    visible.push(entry);
  }
  group
    .selectAll<SVGGElement, (typeof visible)[number]>('g')
    .data(visible)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'sp-marker');
      g.append('title');
      g.append('line').attr('stroke', COLORS.grey).attr('stroke-width', 1).attr('stroke-dasharray', '2 2');
      g.append('text').attr('class', 'sp-marker-label').attr('fill', '#3e4c59');
      return g;
    })
    .each(function (d) {
      const [title, line, text] = Array.from(this.children);
      const px = Math.round(d.px * 10) / 10;
      setText(title!, `${d.marker.label} at ${Math.round(d.marker.at * 10) / 10} s`);
      setAttr(line!, 'x1', px);
      setAttr(line!, 'x2', px);
      setAttr(line!, 'y1', top);
      setAttr(line!, 'y2', bottom);
      setAttr(text!, 'x', px + 3);
      setAttr(text!, 'y', top + font * 0.9);
      setAttr(text!, 'font-size', Math.round(font * 0.9));
      setAttr(text!, 'display', d.text === null ? 'none' : null);
      setText(text!, d.text ?? '');
    });
}

/** A legend above the plot, left to right, wrapping onto new rows; returns the number of rows. */
function drawLegend(
  legend: Selection<SVGGElement, unknown, null, undefined>,
  series: Series[],
  left: number,
  right: number,
  font: number,
  top: number,
  rowHeight: number,
): number {
  const items = legend
    .selectAll<SVGGElement, Series>('g')
    .data(series, (s) => s.label)
    .join((enter) => {
      const g = enter.append('g');
      g.append('line').attr('x1', 0).attr('x2', 14).attr('y1', -4).attr('y2', -4).attr('stroke-width', 2);
      g.append('text').attr('x', 18).attr('y', 0);
      return g;
    });
  items.each(function (s) {
    const mark = this.firstElementChild!;
    setAttr(mark, 'stroke', s.color);
    setAttr(mark, 'stroke-dasharray', s.dash ?? null);
    setText(this.lastElementChild!, s.label);
  });
  // Widths are estimated from the label length: getBBox forces a layout (and tests have none).
  const placed: [number, number][] = [];
  let x = left;
  let row = 0;
  for (const s of series) {
    const w = 18 + s.label.length * font * CHAR_WIDTH + 10;
    if (x + w > right && x > left) {
      row++;
      x = left;
    }
    placed.push([x, row]);
    x += w;
  }
  items.each(function (_s, i) {
    const [px, prow] = placed[i] ?? [left, 0];
    setAttr(this, 'transform', `translate(${Math.round(px)},${top + font - 2 + prow * rowHeight})`);
  });
  return series.length > 0 ? row + 1 : 0;
}
