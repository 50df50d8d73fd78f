// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { InstanceStrip, instanceSummary } from './InstanceStrip';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('a scaling group on its card', () => {
  it('says serving out of max, then starting and draining when there are any', () => {
    expect(instanceSummary({ serving: 3, starting: 1, draining: 0, min: 1, max: 8 })).toBe('3/8 instances, 1 starting');
    expect(instanceSummary({ serving: 2, starting: 0, draining: 2, min: 1, max: 8 })).toBe('2/8 instances, 2 draining');
    expect(instanceSummary({ serving: 1, starting: 0, draining: 0, min: 1, max: 4 })).toBe('1/4 instances');
  });

  it('draws a square per slot, serving first, and reads its bounds before a run', () => {
    const host = document.createElement('div');
    const root = createRoot(host);
    act(() => root.render(<InstanceStrip min={2} max={5} instances={{ serving: 2, starting: 1, draining: 1, min: 2, max: 5 }} />));
    const boxes = [...host.querySelectorAll('.instance-strip__box')].map((b) => b.className.replace('instance-strip__box instance-strip__box--', ''));
    expect(boxes).toEqual(['serving', 'serving', 'starting', 'draining', 'off']);
    act(() => root.render(<InstanceStrip min={2} max={5} instances={null} />));
    expect(host.querySelector('.instance-strip__text')?.textContent).toBe('2–5 instances');
    act(() => root.unmount());
  });
});
