import { describe, expect, it } from 'vitest';
import type { WindowNodeSample, WindowSample } from '../../engine/types';
import { queueSeries } from './queue-figures';

const node = (fields: Partial<WindowNodeSample> = {}): WindowNodeSample => ({ utilization: 0, queueLength: 0, p99: 0, served: 0, dropped: 0, ...fields });
const window = (end: number, nodes: WindowNodeSample[]): WindowSample => ({ start: end - 1, end, completed: 0, failed: 0, throughput: 0, p50: 0, p95: 0, p99: 0, nodes });

describe('queueSeries', () => {
  it('reads the queue’s backlog and oldest age at each window’s end, with the largest and the last backlog', () => {
    const windows = [window(1, [node(), node({ backlog: 0, oldestAge: 0 })]), window(2, [node(), node({ backlog: 40, oldestAge: 1.5 })]), window(3, [node(), node({ backlog: 5, oldestAge: 0.2 })])];
    expect(queueSeries(windows, 1, 60)).toEqual({ x: [1, 2, 3], xMin: 0, xMax: 60, backlog: [0, 40, 5], oldestAge: [0, 1.5, 0.2], maxBacklog: 40, lastBacklog: 5 });
  });

  it('has nothing before a window closed, for a node that is not a queue, or one the run does not know', () => {
    const windows = [window(1, [node()])];
    expect(queueSeries([], 0, 60)).toBeNull();
    expect(queueSeries(windows, 0, 60)).toBeNull();
    expect(queueSeries(windows, undefined, 60)).toBeNull();
  });
});
