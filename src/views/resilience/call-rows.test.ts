import { describe, expect, it } from 'vitest';
import type { CallFigures, LiveCall } from '../../engine/types';
import { callRows, rowSummary, spellsOf } from './call-rows';

describe('call rows', () => {
  it('cuts a breaker timeline into spells that end at the next change, the last at now', () => {
    const spells = spellsOf(
      [
        { time: 0, state: 'closed' },
        { time: 20.5, state: 'open' },
        { time: 25.5, state: 'halfOpen' },
        { time: 25.6, state: 'closed' },
      ],
      30,
    );
    expect(spells).toEqual([
      { from: 0, to: 20.5, state: 'closed' },
      { from: 20.5, to: 25.5, state: 'open' },
      { from: 25.5, to: 25.6, state: 'halfOpen' },
      { from: 25.6, to: 30, state: 'closed' },
    ]);
  });

  it('reads report figures and live figures alike, and says what failed', () => {
    const live: LiveCall = { link: 'l', target: 'pay', state: 'open', inProgress: 1, calls: 1200, failed: 30, retries: 0, circuitOpen: 25, bulkheadFull: 0, peakConcurrent: 12, timeline: [{ time: 0, state: 'closed' }] };
    const report = { link: 'l', target: 'pay', calls: 5, failed: 1, retries: 2, circuitOpen: 0, bulkheadFull: 1, peakConcurrent: 4, breaker: null } as unknown as CallFigures;
    const [a, b] = callRows([live, report]);
    expect(a?.state).toBe('open');
    expect(b?.state).toBeNull();
    expect(rowSummary(a as never)).toBe('1,200 calls · 30 failed · 25 circuit open · up to 12 at once');
    expect(rowSummary(b as never)).toBe('5 calls · 1 failed · 2 retries · 1 bulkhead full · up to 4 at once');
  });
});
