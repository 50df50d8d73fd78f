import { describe, expect, it } from 'vitest';
import type { WindowSample } from '../../engine/types';
import { gatewayLimitData } from './gateway-limit-figures';

const window = (start: number, admitted: number[], throttled: number[], level: number[]): WindowSample => ({
  start,
  end: start + 1,
  completed: 0,
  failed: 0,
  throughput: 0,
  p50: 0,
  p95: 0,
  p99: 0,
  nodes: [
    { utilization: 0, queueLength: 0, p99: 0, served: 0, dropped: 0 },
    { utilization: 0, queueLength: 0, p99: 0, served: 0, dropped: 0, gateway: { admitted, throttled, level, unauthorized: 0 } },
  ],
});

const limiter = { keys: ['a', 'b'], admitted: [30, 4], throttled: [70, 0], level: [0, 5] };

describe('gateway limit figures', () => {
  it('gives each key its admitted and throttled rates and its level, per window', () => {
    const data = gatewayLimitData([window(0, [10, 2], [20, 0], [0, 5]), window(1, [20, 2], [50, 0], [0.5, 5])], 1, limiter, 'tokenBucket', 60);
    expect(data?.x).toEqual([1, 2]);
    expect(data?.admitted).toEqual([
      [10, 20],
      [2, 2],
    ]);
    expect(data?.throttled[0]).toEqual([20, 50]);
    expect(data?.level[0]).toEqual([0, 0.5]);
    expect(data?.totals).toEqual({ admitted: 34, throttled: 70 });
    expect(data?.levelLabel).toBe('tokens');
  });

  it('merges windows into at most maxPoints: counts add up over the span, the level is the last', () => {
    const windows = Array.from({ length: 4 }, (_, i) => window(i, [i, 0], [1, 0], [i * 10, 0]));
    const data = gatewayLimitData(windows, 1, limiter, 'slidingWindow', 60, 2);
    expect(data?.x).toEqual([2, 4]);
    expect(data?.admitted[0]).toEqual([0.5, 2.5]);
    expect(data?.throttled[0]).toEqual([1, 1]);
    expect(data?.level[0]).toEqual([10, 30]);
  });

  it('is null without a rate limit', () => {
    expect(gatewayLimitData([], 1, null, 'tokenBucket', 60)).toBeNull();
  });
});
