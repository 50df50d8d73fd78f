import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bulkhead } from './bulkhead';
import { RetryBudgetBucket } from './retry-budget';
import { backoffDelay, expectedAttempts } from './retry-policy';
import { createRng } from '../rng';

describe('retry budget', () => {
  it('never allows more retries than percent % of calls plus the burst (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 20 }), fc.array(fc.boolean(), { maxLength: 500 }), (percent, burst, steps) => {
        const budget = new RetryBudgetBucket({ percent, burst });
        let calls = 0;
        let retries = 0;
        for (const isCall of steps) {
          if (isCall) {
            budget.deposit();
            calls++;
          } else if (budget.trySpend()) retries++;
        }
        expect(retries).toBeLessThanOrEqual((percent / 100) * calls + burst + 1e-9);
      }),
    );
  });

  it('settles at percent % of calls once the burst is spent', () => {
    const budget = new RetryBudgetBucket({ percent: 20, burst: 1 });
    let retries = 0;
    for (let i = 0; i < 10_000; i++) {
      budget.deposit();
      if (budget.trySpend()) retries++;
    }
    expect(retries).toBeGreaterThanOrEqual(1999);
    expect(retries).toBeLessThanOrEqual(2001);
  });

  it('allows none at 0 % once the burst is gone', () => {
    const budget = new RetryBudgetBucket({ percent: 0, burst: 2 });
    expect([budget.trySpend(), budget.trySpend(), budget.trySpend()]).toEqual([true, true, false]);
  });
});

describe('bulkhead', () => {
  it('lets in up to its limit, counts the rest, and lets in again when one leaves', () => {
    const bulkhead = new Bulkhead(2);
    expect([bulkhead.tryEnter(), bulkhead.tryEnter(), bulkhead.tryEnter()]).toEqual([true, true, false]);
    bulkhead.leave();
    expect(bulkhead.tryEnter()).toBe(true);
    expect(bulkhead.rejected).toBe(1);
    expect(bulkhead.peak).toBe(2);
  });

  it('without a limit lets everything in', () => {
    const bulkhead = new Bulkhead(null);
    for (let i = 0; i < 1000; i++) expect(bulkhead.tryEnter()).toBe(true);
  });
});

describe('retry policy', () => {
  it('doubles the backoff per attempt, and full jitter stays under it', () => {
    const rng = createRng(3);
    expect([1, 2, 3].map((k) => backoffDelay(0.1, k, false, rng))).toEqual([0.1, 0.2, 0.4]);
    for (let i = 0; i < 100; i++) expect(backoffDelay(0.1, 3, true, rng)).toBeLessThan(0.4);
  });

  it('the closed form counts every attempt when all fail', () => {
    expect(expectedAttempts(1, 3)).toBe(4);
    expect(expectedAttempts(0, 3)).toBe(1);
    expect(expectedAttempts(0.5, 1)).toBeCloseTo(1.5, 12);
  });
});
