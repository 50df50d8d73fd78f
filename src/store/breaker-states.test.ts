import { describe, expect, it } from 'vitest';
import { parseBreakerStates, selectBreakerStates } from './breaker-states';
import type { AppState } from './types';

describe('breaker states for the canvas', () => {
  it('lists the links that have a breaker, and reads back as a map', () => {
    const state = {
      simTime: 3,
      snapshot: {
        nodes: [
          { busy: 0, queueLength: 0, inSystem: 0, workers: 0, calls: [{ link: 'a', state: 'open', inProgress: 0 }] },
          { busy: 0, queueLength: 0, inSystem: 0, workers: 1, calls: [{ link: 'b', state: null, inProgress: 2 }, { link: 'c', state: 'halfOpen', inProgress: 1 }] },
        ],
      },
    } as unknown as AppState;
    const key = selectBreakerStates(state);
    expect(key).toBe('a=open;c=halfOpen');
    expect([...parseBreakerStates(key)]).toEqual([
      ['a', 'open'],
      ['c', 'halfOpen'],
    ]);
  });

  it('is empty before a run', () => {
    expect(selectBreakerStates({ simTime: 0, snapshot: null } as unknown as AppState)).toBe('');
    expect(parseBreakerStates('').size).toBe(0);
  });
});
