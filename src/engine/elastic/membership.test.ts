import { describe, expect, it } from 'vitest';
import { InstanceState, Membership } from './membership';

describe('Membership', () => {
  it('starts with the first instances serving and the rest off', () => {
    const group = new Membership(4, 2);
    expect(group.servingInstances()).toEqual([0, 1]);
    expect(group.servingCount).toBe(2);
    expect(group.runningCount).toBe(2);
    expect(group.stateOf(3)).toBe(InstanceState.off);
  });

  it('tells listeners only when an instance starts or stops taking requests', () => {
    const group = new Membership(3, 1);
    const heard: [number, boolean, number][] = [];
    group.subscribe((instance, serving, time) => heard.push([instance, serving, time]));
    group.set(1, InstanceState.starting, 1);
    group.set(1, InstanceState.serving, 31);
    group.set(0, InstanceState.draining, 40);
    group.set(0, InstanceState.off, 42);
    expect(heard).toEqual([
      [1, true, 31],
      [0, false, 40],
    ]);
    expect(group.servingInstances()).toEqual([1]);
    expect(group.runningCount).toBe(1);
  });
});
