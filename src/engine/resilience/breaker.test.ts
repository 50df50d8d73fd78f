import { describe, expect, it } from 'vitest';
import { BreakerSchema } from '../../scenario/call-schema';
import { createRng } from '../rng';
import { CircuitBreaker, ORDINARY_CALL, REJECTED } from './breaker';

const policy = (fields: object = {}) => BreakerSchema.parse({ window: 10, minimumCalls: 5, failureRate: 50, openDuration: 2, openJitter: 0, halfOpenProbes: 2, ...fields });

/** Lets a call through at `t` and records its outcome at once. */
function call(breaker: CircuitBreaker, t: number, ok: boolean, duration = 0): number {
  const permit = breaker.acquire(t);
  if (permit !== REJECTED) breaker.record(t + duration, ok, duration, permit);
  return permit;
}

describe('circuit breaker', () => {
  it('stays closed below the minimum number of calls, however many fail', () => {
    const breaker = new CircuitBreaker(policy(), createRng(1));
    for (let i = 0; i < 4; i++) call(breaker, i, false);
    expect(breaker.stateAt(4)).toBe('closed');
    call(breaker, 5, false);
    expect(breaker.stateAt(5)).toBe('open');
  });

  it('opens at the failure rate over the sliding window, not over the whole past', () => {
    const breaker = new CircuitBreaker(policy(), createRng(1));
    for (let i = 0; i < 10; i++) call(breaker, i, true);
    // 4 failures in the last 10: 40 % < 50 %.
    for (let i = 0; i < 4; i++) call(breaker, 10 + i, false);
    expect(breaker.stateAt(14)).toBe('closed');
    call(breaker, 15, false);
    expect(breaker.stateAt(15)).toBe('open');
  });

  it('opens on slow calls even when they succeed', () => {
    const breaker = new CircuitBreaker(policy({ slowCallDuration: 1, slowCallRate: 60 }), createRng(1));
    for (let i = 0; i < 5; i++) call(breaker, i * 10, true, i < 3 ? 2 : 0.1);
    expect(breaker.stateAt(40.1)).toBe('open');
    expect(breaker.opened).toBe(1);
  });

  it('refuses every call while open, then lets exactly the probes through', () => {
    const breaker = new CircuitBreaker(policy(), createRng(1));
    for (let i = 0; i < 5; i++) call(breaker, 0, false);
    expect(breaker.acquire(1.9)).toBe(REJECTED);
    const first = breaker.acquire(2);
    const second = breaker.acquire(2);
    expect(first).toBeGreaterThan(ORDINARY_CALL);
    expect(second).toBe(first);
    expect(breaker.acquire(2)).toBe(REJECTED);
    expect(breaker.stateAt(2)).toBe('halfOpen');
    breaker.record(2.1, true, 0.1, first);
    expect(breaker.stateAt(2.1)).toBe('halfOpen');
    breaker.record(2.2, true, 0.2, second);
    expect(breaker.stateAt(2.2)).toBe('closed');
    expect(breaker.timeline.map((c) => c.state)).toEqual(['closed', 'open', 'halfOpen', 'closed']);
  });

  it('opens again when one probe fails, and ignores a late answer from an earlier spell', () => {
    const breaker = new CircuitBreaker(policy(), createRng(1));
    for (let i = 0; i < 5; i++) call(breaker, 0, false);
    const probe = breaker.acquire(2);
    const late = breaker.acquire(2);
    breaker.record(2.5, false, 0.5, probe);
    expect(breaker.stateAt(2.5)).toBe('open');
    // The other probe of that spell answers during the next spell: it must not count.
    const next = breaker.acquire(4.5);
    breaker.record(4.6, true, 2.6, late);
    breaker.record(4.7, true, 0.2, next);
    expect(breaker.stateAt(4.7)).toBe('halfOpen');
    expect(breaker.opened).toBe(2);
  });

  it('draws the open spell within ± openJitter of openDuration', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 200; trial++) {
      const breaker = new CircuitBreaker(policy({ openJitter: 0.5 }), rng);
      for (let i = 0; i < 5; i++) call(breaker, 0, false);
      expect(breaker.acquire(0.999)).toBe(REJECTED);
      expect(breaker.acquire(3.001)).not.toBe(REJECTED);
    }
  });
});
