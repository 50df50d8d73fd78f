import { describe, expect, it } from 'vitest';
import { SlidingWindows } from './sliding-window';

describe('sliding-window log', () => {
  it('admits at most `limit` in any window, and says when the oldest leaves it', () => {
    const windows = new SlidingWindows(1, 3, 1);
    expect(windows.take(0, 0.0)).toBe(0);
    expect(windows.take(0, 0.2)).toBe(0);
    expect(windows.take(0, 0.4)).toBe(0);
    expect(windows.take(0, 0.5)).toBeCloseTo(0.5, 12);
    expect(windows.level(0, 0.5)).toBe(0);
    // At 1.0 the first admission (at 0.0) has left the window (0, 1]; the second has not.
    expect(windows.take(0, 1.0)).toBe(0);
    expect(windows.take(0, 1.1)).toBeCloseTo(0.1, 12);
    expect(windows.level(0, 1.25)).toBe(1);
  });

  it('over a long run of arrivals every 0.1 s, admits limit per window', () => {
    const windows = new SlidingWindows(1, 5, 1);
    let admitted = 0;
    for (let i = 0; i < 1000; i++) if (windows.take(0, i * 0.1) === 0) admitted++;
    // 100 simulated seconds, 5 a second.
    expect(admitted).toBe(500);
  });
});
