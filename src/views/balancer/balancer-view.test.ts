// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { BalancerViewData, TargetRow } from './balancer-rows';
import { createBalancerView, rowState } from './balancer-view';

const row = (id: string, recentShare: number, extra: Partial<TargetRow> = {}): TargetRow => ({
  id,
  name: `Server ${id}`,
  share: recentShare,
  recentShare,
  open: 3,
  eligible: true,
  out: '',
  down: false,
  spans: [],
  crashes: [],
  ...extra,
});

const data: BalancerViewData = {
  label: 'lb',
  duration: 60,
  now: 30,
  rows: [row('app-1', 0.5), row('app-2', 0.5), row('app-3', 0, { eligible: false, out: 'probes', open: 0, spans: [{ start: 20, end: 30, out: 'probes' }] })],
};

const svg = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');

describe('balancer view', () => {
  it('draws a row per target with its share, open connections and state, and the time it spent out of the pool', () => {
    const element = svg();
    const view = createBalancerView(element);
    view.resize(600, 200);
    view.update(data);
    const rows = element.querySelectorAll('g.sp-target');
    expect(rows).toHaveLength(3);
    expect(Array.from(rows, (r) => r.getAttribute('data-state'))).toEqual(['in', 'in', 'out-probes']);
    // Targets read by the names on the canvas, not by their ids.
    expect(Array.from(element.querySelectorAll('g.sp-target > .sp-target-name'), (t) => t.textContent)).toEqual(['Server app-1', 'Server app-2', 'Server app-3']);
    expect(Array.from(element.querySelectorAll('.sp-target-figures'), (t) => t.textContent)).toEqual(['50 % · 3 open', '50 % · 3 open', '0 % · 0 open']);
    const bars = Array.from(element.querySelectorAll('.sp-share-bar'), (b) => Number(b.getAttribute('width')));
    expect(bars[0]).toBeGreaterThan(0);
    expect(bars[0]).toBeCloseTo(bars[1] ?? 0);
    expect(bars[2]).toBe(0);
    // Out from 20 s to 30 s of a 60 s run: a sixth of the timeline.
    const span = rows[2]?.querySelector('.sp-health-spans rect');
    const track = rows[2]?.querySelector('.sp-health-track');
    expect(Number(span?.getAttribute('width'))).toBeCloseTo(Number(track?.getAttribute('width')) / 3, 0);
    view.update({ ...data, rows: [row('app-1', 1, { down: true, crashes: [{ start: 10, end: 30 }] })] });
    expect(element.querySelectorAll('.sp-crash-spans rect')).toHaveLength(1);
    expect(element.querySelector('g.sp-target')?.getAttribute('data-state')).toBe('down');
    expect(Array.from(element.querySelectorAll('.sp-axis-label'), (t) => t.textContent)).toEqual(['share of requests, last 5 s (%); tick: whole run', 'simulated time (s)']);
  });

  it('says why a target is out, and when a crashed one is still in the pool', () => {
    expect(rowState(row('a', 0, { eligible: false, out: 'ejected' }))).toBe('out: ejected');
    expect(rowState(row('a', 0, { down: true }))).toBe('down, still in pool');
  });

  it('shows a hint before a run, and clears itself on destroy', () => {
    const element = svg();
    const view = createBalancerView(element);
    view.update(null);
    expect(element.querySelector('.sp-chart-empty')?.getAttribute('display')).toBeNull();
    view.update(data);
    expect(element.querySelector('.sp-chart-empty')?.getAttribute('display')).toBe('none');
    view.destroy();
    expect(element.childElementCount).toBe(0);
  });
});
