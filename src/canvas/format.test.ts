import { describe, expect, it } from 'vitest';
import { starterScenario } from '../scenario/starter';
import { distributionMean, formatPercent, formatSeconds } from './format';
import { nodeSummary } from './node-kinds';

describe('format', () => {
  it('shows seconds in the unit a person would say', () => {
    expect(formatSeconds(0.00085)).toBe('850 µs');
    expect(formatSeconds(0.05)).toBe('50 ms');
    expect(formatSeconds(0.0123456)).toBe('12.3 ms');
    expect(formatSeconds(1.5)).toBe('1.5 s');
    expect(formatSeconds(0)).toBe('0 ms');
  });

  it('takes the mean of each distribution', () => {
    expect(distributionMean({ type: 'uniform', min: 1, max: 3 })).toBe(2);
    expect(distributionMean({ type: 'constant', value: 0.2 })).toBe(0.2);
  });

  it('summarises each node of the starter', () => {
    expect(starterScenario().nodes.map(nodeSummary)).toEqual([
      '40 req/s',
      'round robin',
      '4 workers · 50 ms',
      '4 workers · 50 ms',
      '8 workers · r 4 ms / w 12 ms',
    ]);
  });
});

describe('formatPercent', () => {
  it('gives whole percents from 10 %, a decimal below, and 0 as 0', () => {
    expect(formatPercent(0.456)).toBe('46 %');
    expect(formatPercent(0.0321)).toBe('3.2 %');
    expect(formatPercent(0)).toBe('0 %');
  });
});
