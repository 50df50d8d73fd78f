import { describe, expect, it } from 'vitest';
import type { WindowNodeSample, WindowSample } from '../../engine/types';
import { instanceSeries } from './instance-series';

const window = (start: number, node: Partial<WindowNodeSample>): WindowSample =>
  ({ start, end: start + 1, nodes: [{ utilization: 0, queueLength: 0, p99: 0, served: 0, dropped: 0, ...node }] }) as unknown as WindowSample;

describe('a scaling group’s series', () => {
  it('reads the arrival rate in instances at the target, beside serving and serving + starting', () => {
    // One instance: 2 workers at 0.1 s = 20 req/s, 10 req/s at a 50 % target; 30 arrivals in a second = 3 instances.
    const windows = [
      window(0, { instances: { serving: 2, starting: 1, running: 3, arrivals: 30 } }),
      window(1, { instances: { serving: 3, starting: 0, running: 3, arrivals: 25 } }),
    ];
    const series = instanceSeries(windows, 0, 60, { perInstanceRate: 20, target: 0.5, max: 8 })!;
    expect(series.x).toEqual([1, 2]);
    expect(series.serving).toEqual([2, 3]);
    expect(series.withStarting).toEqual([3, 3]);
    expect(series.needed).toEqual([3, 2.5]);
    expect(series.perInstance).toBe(10);
    expect(series).toMatchObject({ xMin: 0, xMax: 60, lastServing: 3, lastArrivalRate: 25, max: 8 });
  });

  it('is null before a window with instance figures closed', () => {
    expect(instanceSeries([], 0, 60, { perInstanceRate: 20, target: 0.5, max: 8 })).toBeNull();
    expect(instanceSeries([window(0, {})], 0, 60, { perInstanceRate: 20, target: 0.5, max: 8 })).toBeNull();
  });
});
