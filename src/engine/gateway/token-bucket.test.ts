import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket';

describe('token bucket', () => {
  it('after an idle period a burst of b passes whole and the next is throttled, told to wait 1/r', () => {
    const rate = 10;
    const burst = 25;
    const buckets = new TokenBuckets(1, rate, burst);
    // Drain it, then stay idle long enough to refill several times over.
    for (let i = 0; i < burst; i++) buckets.take(0, 1);
    expect(buckets.take(0, 1)).toBeGreaterThan(0);
    for (let i = 0; i < burst; i++) expect(buckets.take(0, 100)).toBe(0);
    expect(buckets.take(0, 100)).toBeCloseTo(1 / rate, 12);
  });

  it('a throttled request told to come back after its Retry-After passes then', () => {
    const buckets = new TokenBuckets(1, 4, 1);
    expect(buckets.take(0, 0)).toBe(0);
    const wait = buckets.take(0, 0.1);
    expect(wait).toBeCloseTo(0.15, 12);
    expect(buckets.take(0, 0.1 + wait)).toBe(0);
  });

  it('keys are independent, and reading a level changes nothing', () => {
    const buckets = new TokenBuckets(2, 1, 2);
    buckets.take(0, 0);
    buckets.take(0, 0);
    expect(buckets.level(0, 0.5)).toBeCloseTo(0.5, 12);
    expect(buckets.level(1, 0.5)).toBe(2);
    expect(buckets.take(0, 0.5)).toBeCloseTo(0.5, 12);
  });
});
