import { describe, expect, it } from 'vitest';
import { compactTick } from './tick-format';

describe('compact ticks', () => {
  it('shortens thousands and millions so a tick never reaches the axis title', () => {
    expect(compactTick(400_000)).toBe('400k');
    expect(compactTick(1_500)).toBe('1.5k');
    expect(compactTick(12_000)).toBe('12k');
    expect(compactTick(2_500_000)).toBe('2.5M');
    expect(compactTick(3e9)).toBe('3G');
  });

  it('keeps small numbers as they are, to two decimals at most', () => {
    expect(compactTick(0)).toBe('0');
    expect(compactTick(100)).toBe('100');
    expect(compactTick(0.25)).toBe('0.25');
    expect(compactTick(0.2)).toBe('0.2');
    expect(compactTick(999)).toBe('999');
  });

  it('writes no label longer than five characters for the values charts reach', () => {
    for (const value of [0.05, 0.15, 1.2, 25, 250, 2_500, 25_000, 250_000, 400_000, 2_500_000, 25_000_000]) {
      expect(compactTick(value).length).toBeLessThanOrEqual(5);
    }
  });
});
