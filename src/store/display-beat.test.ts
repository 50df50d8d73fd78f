import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DISPLAY_BEAT_MS, onDisplayBeat } from './display-beat';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the display beat', () => {
  it('calls every redraw once per beat, each in a task of its own', () => {
    const order: string[] = [];
    const stopA = onDisplayBeat(() => order.push('a'));
    const stopB = onDisplayBeat(() => {
      order.push('b');
      // A task of its own: the other redraw has already run and returned.
      expect(order).toContain('a');
    });
    vi.advanceTimersByTime(DISPLAY_BEAT_MS - 1);
    expect(order).toEqual([]);
    // The beat, then the next animation frame, then the redraws' own tasks.
    vi.advanceTimersByTime(50);
    expect(order).toEqual(['a', 'b']);
    stopA();
    vi.advanceTimersByTime(DISPLAY_BEAT_MS);
    expect(order).toEqual(['a', 'b', 'b']);
    stopB();
  });

  it('stops its timer when nothing listens', () => {
    const stop = onDisplayBeat(() => {});
    expect(vi.getTimerCount()).toBe(1);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
