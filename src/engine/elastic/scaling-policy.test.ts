import { describe, expect, it } from 'vitest';
import { clampInstances, desiredInstances, scheduledInstances } from './scaling-policy';

const seen = { meanBusyWorkers: 0, workersPerInstance: 4, backlog: 0, time: 0 };

describe('scaling policies', () => {
  it('target tracking on CPU asks for ceil(busy workers / (workers × target)), exact quotients not rounded up', () => {
    // 3 instances of 4 workers at 80 % busy = 9.6 busy workers; target 60 %: 9.6 / 2.4 = 4.
    expect(desiredInstances({ type: 'cpu', target: 0.6 }, { ...seen, meanBusyWorkers: 9.6 })).toBe(4);
    expect(desiredInstances({ type: 'cpu', target: 0.6 }, { ...seen, meanBusyWorkers: 9.7 })).toBe(5);
    expect(desiredInstances({ type: 'cpu', target: 0.5 }, { ...seen, meanBusyWorkers: 0 })).toBe(0);
  });

  it('backlog tracking asks for one instance per perInstance messages waiting, rounded up', () => {
    expect(desiredInstances({ type: 'backlog', perInstance: 100 }, { ...seen, backlog: 250 })).toBe(3);
    expect(desiredInstances({ type: 'backlog', perInstance: 100 }, { ...seen, backlog: 300 })).toBe(3);
  });

  it('a schedule gives the last step at or before now, none before its first', () => {
    const steps = [
      { at: 60, replicas: 2 },
      { at: 10, replicas: 5 },
    ];
    expect(scheduledInstances(steps, 9)).toBeNull();
    expect(scheduledInstances(steps, 10)).toBe(5);
    expect(scheduledInstances(steps, 59.9)).toBe(5);
    expect(scheduledInstances(steps, 60)).toBe(2);
  });

  it('clamps to [min, max]', () => {
    expect(clampInstances(0, 2, 6)).toBe(2);
    expect(clampInstances(9, 2, 6)).toBe(6);
    expect(clampInstances(4, 2, 6)).toBe(4);
  });
});
