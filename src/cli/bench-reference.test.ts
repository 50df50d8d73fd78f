import { describe, expect, it } from 'vitest';
import { bareHeapRate } from './bench-reference';

describe('the benchmark yardstick', () => {
  it('measures a finite, positive rate of heap operations within its time budget', () => {
    const start = performance.now();
    const rate = bareHeapRate(30, 0.05);
    expect(Number.isFinite(rate)).toBe(true);
    expect(rate).toBeGreaterThan(0);
    // One batch past the budget at most, even on a slow machine.
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
