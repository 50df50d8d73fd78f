// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { WindowSample } from '../../engine/types';
import { axisRange, createLatencyChart, createThroughputChart, createUtilizationChart, type RunChartData, stepUp } from './metrics-charts';
import { chartMargins } from './time-series-chart';
import { THEORY_DASH } from '../cache/cache-charts';
import { COLORS } from '../colors';

/** A seeded run of windows: deterministic, so the SVG can be compared with a stored snapshot. */
function seededWindows(count: number, nodes: number): WindowSample[] {
  let state = 42;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
  return Array.from({ length: count }, (_, i) => {
    const p50 = 0.01 + next() * 0.005;
    return {
      start: i,
      end: i + 1,
      completed: 40,
      failed: 0,
      throughput: 40,
      p50,
      p95: p50 * 2,
      p99: p50 * 3,
      nodes: Array.from({ length: nodes }, (_n, k) => ({ utilization: 0.1 * (k + 1) + next() * 0.05, queueLength: next(), p99: 0.05, served: 20, dropped: 0 })),
    };
  });
}

const svg = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');

describe('run charts', () => {
  it('draws latency percentiles in ms with labelled axes (snapshot)', () => {
    const element = svg();
    const chart = createLatencyChart(element);
    chart.resize(320, 160);
    chart.update({ windows: seededWindows(10, 1), duration: 20, nodeLabels: ['a'], stationIndexes: [0] });
    expect(element.querySelector('.sp-axis-label')?.textContent).toBe('simulated time (s)');
    expect(Array.from(element.querySelectorAll('.sp-legend text'), (t) => t.textContent)).toEqual(['p50', 'p95', 'p99']);
    expect(element.querySelectorAll('.sp-lines path')).toHaveLength(3);
    expect(element.outerHTML).toMatchSnapshot();
  });

  it('shows a hint instead of lines before the first window', () => {
    const element = svg();
    const chart = createLatencyChart(element);
    chart.update({ windows: [], duration: 60, nodeLabels: [], stationIndexes: [] });
    expect(element.querySelector('.sp-chart-empty')?.getAttribute('display')).toBeNull();
    chart.update({ windows: seededWindows(1, 0), duration: 60, nodeLabels: [], stationIndexes: [] });
    expect(element.querySelector('.sp-chart-empty')?.getAttribute('display')).toBe('none');
  });

  it('lists every station of a nine-station run, the ninth dashed so no two lines look alike', () => {
    const element = svg();
    const chart = createUtilizationChart(element);
    const labels = Array.from({ length: 9 }, (_, i) => `server ${i}`);
    const data: RunChartData = { windows: seededWindows(5, 9), duration: 10, nodeLabels: labels, stationIndexes: [0, 1, 2, 3, 4, 5, 6, 7, 8] };
    chart.resize(240, 190);
    chart.update(data);
    const legend = Array.from(element.querySelectorAll('.sp-legend text'), (t) => t.textContent);
    expect(legend).toEqual(labels);
    const dashes = Array.from(element.querySelectorAll('.sp-lines path'), (p) => p.getAttribute('stroke-dasharray'));
    expect(dashes.filter((d) => d !== null)).toHaveLength(1);
    // Wrapped onto rows inside the chart's width, none past its right edge.
    const xs = Array.from(element.querySelectorAll('.sp-legend g'), (g) => Number(/translate\((\d+)/.exec(g.getAttribute('transform') ?? '')?.[1]));
    expect(Math.max(...xs)).toBeLessThan(240);
    expect(new Set(Array.from(element.querySelectorAll('.sp-legend g'), (g) => g.getAttribute('transform')?.split(',')[1])).size).toBeGreaterThan(1);
    expect(Array.from(element.querySelectorAll('.sp-axis-label'), (t) => t.textContent)).toContain('utilization (%)');
    chart.destroy();
    expect(element.childElementCount).toBe(0);
  });

  it('writes large ticks compactly (400k), clear of the axis title', () => {
    const element = svg();
    const chart = createThroughputChart(element);
    const windows = seededWindows(5, 1).map((w) => ({ ...w, throughput: 400_000 }));
    chart.resize(260, 190);
    chart.update({ windows, duration: 10, nodeLabels: ['a'], stationIndexes: [0] });
    const ticks = Array.from(element.querySelectorAll('.sp-axis-y .tick text'), (t) => t.textContent);
    expect(ticks).toContain('400k');
    // Five characters at 0.62 em each, right-aligned 9 px left of the axis, must end right of the title's line (1.3 em).
    const { left } = chartMargins(10);
    expect(left - 9 - 5 * 10 * 0.62).toBeGreaterThan(10 * 1.3 + 2);
    chart.destroy();
  });

  it('marks live edits and faults with a thin labelled line at their time (snapshot)', () => {
    const element = svg();
    const chart = createLatencyChart(element);
    chart.resize(320, 160);
    const markers = [
      { at: 4, label: 'edit' },
      { at: 4.2, label: 'crash app-2' },
      { at: 12, label: 'restart app-2' },
      { at: 30, label: 'edit' },
    ];
    chart.update({ windows: seededWindows(15, 1), duration: 20, nodeLabels: ['a'], stationIndexes: [0], markers });
    const drawn = Array.from(element.querySelectorAll('.sp-markers .sp-marker'));
    // The edit past the axis' end is left out; the crash right after the first edit keeps its line, its label folded into the edit's.
    expect(drawn).toHaveLength(3);
    const labels = drawn.map((g) => g.querySelector('text'));
    expect(labels.map((t) => t?.textContent)).toEqual(['edit +1', '', 'restart app-2']);
    expect(labels.map((t) => t?.getAttribute('display'))).toEqual([null, 'none', null]);
    expect(drawn[1]?.querySelector('title')?.textContent).toBe('crash app-2 at 4.2 s');
    const x = (g: Element) => Number(g.querySelector('line')?.getAttribute('x1'));
    expect(x(drawn[0]!)).toBeLessThan(x(drawn[1]!));
    expect(element.querySelector('.sp-markers')?.outerHTML).toMatchSnapshot();
  });

  it('draws the engine’s theory dashed, keyed "theory" in the legend, and nothing without it', () => {
    const theory = {
      nodes: [{ id: 'server', model: 'M/M/1' as const, arrivalRate: 8, utilization: 0.8, meanResponse: 0.5 }],
      latency: { mean: 0.5, p50: 0.3466, p95: 1.4979, p99: 2.31 },
    };
    const data: RunChartData = { windows: seededWindows(10, 2), duration: 20, nodeLabels: ['Users', 'Server'], stationIndexes: [1], nodeIds: ['users', 'server'], theory };
    const latency = svg();
    createLatencyChart(latency).update(data);
    const legend = (element: SVGSVGElement) => Array.from(element.querySelectorAll('.sp-legend text'), (t) => t.textContent);
    expect(legend(latency)).toEqual(['p50', 'p95', 'p99', 'theory']);
    const dashed = latency.querySelectorAll(`.sp-lines path[stroke-dasharray="${THEORY_DASH}"]`);
    expect(Array.from(dashed, (p) => p.getAttribute('stroke'))).toEqual([COLORS.blue, COLORS.orange, COLORS.vermillion]);
    // The y axis reaches the theory's p99 of 2,303 ms.
    const top = latency.querySelector('.sp-axis-y .tick:last-of-type text')?.textContent ?? '';
    expect(Number.parseFloat(top) * (top.endsWith('k') ? 1000 : 1)).toBeGreaterThanOrEqual(2310);

    const utilization = svg();
    createUtilizationChart(utilization).update(data);
    expect(legend(utilization)).toEqual(['Server', 'theory']);
    expect(utilization.querySelectorAll(`.sp-lines path[stroke-dasharray="${THEORY_DASH}"]`)).toHaveLength(1);

    const meanOnly = svg();
    createLatencyChart(meanOnly).update({ ...data, theory: { nodes: [], latency: { mean: 0.3 } } });
    expect(legend(meanOnly)).toEqual(['p50', 'p95', 'p99', 'theory mean']);

    for (const create of [createLatencyChart, createUtilizationChart]) {
      const none = svg();
      create(none).update({ ...data, theory: null });
      expect(none.querySelectorAll(`path[stroke-dasharray="${THEORY_DASH}"]`)).toHaveLength(0);
      expect(legend(none)).not.toContain('theory');
    }
  });

  it('grows a long run’s time axis in 1-2-5 steps', () => {
    expect([600, 601, 1000, 1001, 2500, 7000].map(stepUp)).toEqual([1000, 1000, 1000, 2000, 5000, 10000]);
  });
});

describe('the time axis of a long run', () => {
  it('keeps the whole run on the axis up to ten minutes, then grows in steps', () => {
    expect(axisRange(60, 0, 12)).toEqual({ xMin: 0, xMax: 60 });
    expect(axisRange(100_000, 0, 700)).toEqual({ xMin: 0, xMax: 1000 });
    expect(axisRange(100_000, 0, 3600)).toEqual({ xMin: 0, xMax: 5000 });
  });

  it('slides in whole steps once old windows are dropped, always holding the newest', () => {
    // Continues where the growing axis left off.
    expect(axisRange(100_000, 1, 3601)).toEqual({ xMin: 0, xMax: 5000 });
    let changes = 0;
    let previous = axisRange(100_000, 1, 3601);
    for (let first = 1; first < 10_000; first += 10) {
      const range = axisRange(100_000, first, first + 3600);
      expect(range.xMin).toBeLessThanOrEqual(first);
      expect(range.xMax).toBeGreaterThanOrEqual(first + 3600);
      if (range.xMin !== previous.xMin || range.xMax !== previous.xMax) changes++;
      previous = range;
    }
    // Every 1,000 simulated seconds, not on every redraw.
    expect(changes).toBe(9);
  });
});
