// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SweepPoint } from '../../worker/protocol';
import { createCostChart, spreadScale } from './cost-chart';

const point = (mode: 'out' | 'up', label: string, costPerHour: number, p99: number, throughput: number): SweepPoint => ({
  mode,
  label,
  costPerHour,
  p99,
  throughput,
  failedRatio: 0,
});

const svg = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');

describe('cost chart', () => {
  it('plots p99 and throughput against cost, a line per way of scaling, every point labelled', () => {
    const element = svg();
    const chart = createCostChart(element);
    chart.resize(700, 220);
    chart.update([point('out', '×1', 0.1, 0.2, 90), point('out', '×2', 0.2, 0.05, 150), point('up', 'small', 0.05, 0.4, 60), point('up', 'large', 0.22, 0.03, 150)]);
    expect(element.querySelectorAll('.sp-cost-p99 g.sp-point')).toHaveLength(4);
    expect(element.querySelectorAll('.sp-cost-throughput g.sp-point')).toHaveLength(4);
    expect(Array.from(element.querySelectorAll('.sp-cost-p99 [data-mode="out"] .sp-point text'), (t) => t.textContent)).toEqual(['×1', '×2']);
    expect(Array.from(element.querySelectorAll('.sp-axis-label'), (t) => t.textContent)).toEqual([
      'cost ($ per hour)',
      // 30 ms to 400 ms spans more than ten times: a log axis keeps the fast points apart.
      'p99 latency (ms) (log)',
      'cost ($ per hour)',
      'throughput (req/s)',
    ]);
    // ×1's 200 ms sits higher on the page (a smaller y) than ×2's 50 ms.
    const y = (label: string) => Number(/,([\d.]+)\)/.exec(element.querySelector(`.sp-cost-p99 [data-mode="out"] .sp-point:nth-of-type(${label === '×1' ? 1 : 2})`)?.getAttribute('transform') ?? '')?.[1]);
    expect(y('×1')).toBeLessThan(y('×2'));
    chart.update([point('out', '×1', 0.1, 0.2, 90)]);
    expect(element.querySelectorAll('.sp-cost-p99 g.sp-point')).toHaveLength(1);
    expect(element.querySelectorAll('title')).toHaveLength(2);
  });

  it('shows a hint before a sweep', () => {
    const element = svg();
    createCostChart(element).update([]);
    expect(element.querySelector('.sp-chart-empty')?.getAttribute('display')).toBeNull();
  });

  it('draws on a log scale only when all values are positive and spread widely', () => {
    expect('base' in spreadScale([0.05, 11.5], [0, 100])).toBe(true);
    expect('base' in spreadScale([0.05, 0.3], [0, 100])).toBe(false);
    expect('base' in spreadScale([0, 11.5], [0, 100])).toBe(false);
  });
});
