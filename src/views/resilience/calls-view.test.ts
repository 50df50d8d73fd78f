// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CallsViewData } from './call-rows';
import { createCallsView } from './calls-view';

const data: CallsViewData = {
  duration: 80,
  now: 40,
  rows: [
    {
      link: 'api-pay',
      target: 'payments',
      state: 'open',
      calls: 3000,
      failed: 900,
      retries: 0,
      circuitOpen: 850,
      bulkheadFull: 0,
      peakConcurrent: 20,
      timeline: [
        { time: 0, state: 'closed' },
        { time: 20.5, state: 'open' },
        { time: 25.5, state: 'halfOpen' },
        { time: 25.8, state: 'open' },
      ],
    },
    { link: 'api-cat', target: 'catalog', state: null, calls: 3000, failed: 0, retries: 0, circuitOpen: 0, bulkheadFull: 0, peakConcurrent: 5, timeline: [] },
  ],
};

const svg = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');

describe('calls view', () => {
  it('draws a row per call link, with the breaker’s spells in order and the figures in words', () => {
    const element = svg();
    const view = createCallsView(element);
    view.resize(600, 200);
    view.update(data);
    const rows = element.querySelectorAll('g.sp-call');
    expect([...rows].map((r) => r.getAttribute('data-state'))).toEqual(['open', 'none']);
    const spells = [...(rows[0]?.querySelectorAll('.sp-call-spells rect') ?? [])].map((r) => r.getAttribute('data-state'));
    expect(spells).toEqual(['closed', 'open', 'halfOpen', 'open']);
    expect(rows[0]?.textContent).toContain('→ payments (breaker open): 3,000 calls · 900 failed · 850 circuit open');
    expect(rows[1]?.querySelectorAll('.sp-call-spells rect')).toHaveLength(0);
  });

  it('says how to get figures before a run', () => {
    const element = svg();
    const view = createCallsView(element);
    view.update(null);
    expect(element.querySelector('.sp-chart-empty')?.getAttribute('display')).toBeNull();
    view.destroy();
    expect(element.childNodes).toHaveLength(0);
  });
});
