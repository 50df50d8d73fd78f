import { describe, expect, it } from 'vitest';
import type { CallFigures } from '../engine/types';
import { callLines } from './format-calls';

const figures: CallFigures = {
  link: 'api-pay',
  target: 'payments',
  calls: 1200,
  succeeded: 1000,
  failed: 200,
  failures: { circuitOpen: 150, timeout: 50 },
  inProgress: 0,
  attempts: 1080,
  retries: 30,
  retriesDenied: 5,
  timeouts: 50,
  circuitOpen: 150,
  bulkheadFull: 0,
  peakConcurrent: 9,
  budgetTokens: 3,
  breaker: {
    state: 'closed',
    opened: 1,
    timeline: [
      { time: 0, state: 'closed' },
      { time: 20.5, state: 'open' },
      { time: 25.5, state: 'halfOpen' },
      { time: 25.6, state: 'closed' },
    ],
  },
};

describe('the terminal report of calls', () => {
  it('prints a row per dependency and the breaker’s changes', () => {
    const lines = callLines([figures], 'api');
    expect(lines[1]).toBe('Calls from api');
    expect(lines.join('\n')).toMatch(/payments\s+1,200\s+1,000\s+200\s+30\s+5\s+50\s+150\s+0\s+closed/);
    expect(lines.slice(-4)).toEqual(['  breaker to payments: opened 1 time', '    at 20.5 s, opened', '    at 25.5 s, half-opened', '    at 25.6 s, closed']);
  });

  it('prints nothing for a node without call policies', () => {
    expect(callLines(undefined, 'api')).toEqual([]);
  });
});
