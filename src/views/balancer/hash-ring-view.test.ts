// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ringFigures } from './hash-ring-figures';
import { createHashRingView, MAX_DRAWN_KEYS, movedSummary } from './hash-ring-view';

const svg = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');

describe('hash ring view', () => {
  it('draws every virtual node, the keys, and the moved keys in their own class', () => {
    const element = svg();
    const view = createHashRingView(element);
    view.resize(600, 220);
    const figures = ringFigures(['a', 'b', 'c'], 20, 300, { ids: ['a', 'b'], virtualNodes: 20 });
    view.update(figures);
    expect(element.querySelectorAll('.sp-ring-points line')).toHaveLength(60);
    const moved = figures.change?.moved ?? 0;
    expect(moved).toBeGreaterThan(0);
    expect(element.querySelectorAll('.sp-key-moved')).toHaveLength(moved);
    expect(element.querySelectorAll('.sp-ring-keys circle')).toHaveLength(300);
    expect(element.querySelector('.sp-ring-summary')?.textContent).toContain(`${moved} of 300 keys moved`);
    expect(Array.from(element.querySelectorAll('.sp-ring-targets text'), (t) => t.textContent?.split(':')[0])).toEqual(['a', 'b', 'c']);
  });

  it('draws at most MAX_DRAWN_KEYS dots however many keys there are', () => {
    const element = svg();
    const view = createHashRingView(element);
    view.update(ringFigures(['a', 'b'], 10, 5000, null));
    expect(element.querySelectorAll('.sp-ring-keys circle').length).toBeLessThanOrEqual(MAX_DRAWN_KEYS);
  });

  it('invites a change before there was one, and says theory’s fraction after', () => {
    expect(movedSummary(ringFigures(['a'], 5, 10, null))).toMatch(/Add or remove a target/);
    expect(movedSummary(ringFigures(['a', 'b'], 5, 10, { ids: ['a', 'b', 'c'], virtualNodes: 5 }))).toMatch(/a target left \(3 → 2\).*theory 33\.3 %/);
    expect(movedSummary(ringFigures(['a', 'b'], 5, 100, { ids: ['a', 'b'], virtualNodes: 50 }))).toMatch(/virtual nodes per target went 50 → 5, \d+ of 100 keys moved/);
    expect(movedSummary(ringFigures(['a', 'b'], 5, 100, null))).toMatch(/Busiest \d+\.\d %, quietest \d+\.\d % \(even would be 50\.0 %\)\./);
  });
});
