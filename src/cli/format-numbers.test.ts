import { describe, expect, it } from 'vitest';
import { formatCount, formatMilliseconds, formatNumber, formatPercent, formatTable } from './format-numbers';

describe('formatTable', () => {
  it('pads each column to its widest cell, aligning left or right', () => {
    expect(
      formatTable(
        [
          ['a', '1'],
          ['long name', '1,000'],
        ],
        ['left', 'right'],
      ),
    ).toEqual(['a              1', 'long name  1,000']);
  });
});

describe('number formats', () => {
  it('groups thousands with commas', () => {
    expect([0, 999, 1000, 1_234_567, 28_812.6].map(formatCount)).toEqual(['0', '999', '1,000', '1,234,567', '28,813']);
  });

  it('shows milliseconds to about three significant digits', () => {
    expect([0.000_123_4, 0.001_5, 0.012_34, 0.5, 12.3].map(formatMilliseconds)).toEqual(['0.123', '1.50', '12.3', '500', '12,300']);
  });
});

describe('seconds and shares', () => {
  it('shows simulated seconds with at most three decimals', () => {
    expect([3600, 0.5, 63.2504, 12_345.6789].map(formatNumber)).toEqual(['3,600', '0.5', '63.25', '12,345.679']);
  });

  it('shows shares as percentages with one decimal', () => {
    expect([0, 0.6012, 1].map(formatPercent)).toEqual(['0.0%', '60.1%', '100.0%']);
  });
});
