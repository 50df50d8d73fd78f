import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse';
import { expectedMovedFraction, keyCount, previousPool, ringFigures, ringTargetIds } from './hash-ring-figures';

function pool(servers: { id: string; replicas?: number }[]) {
  const parsed = parseScenario({
    version: 1,
    nodes: [
      { id: 'users', kind: 'client', position: { x: 0, y: 0 }, workload: { mode: 'open', rate: 10 }, addresses: 5000 },
      { id: 'lb', kind: 'loadBalancer', position: { x: 0, y: 0 }, algorithm: 'consistentHash' },
      ...servers.map((s) => ({ id: s.id, kind: 'server', position: { x: 0, y: 0 }, workers: 1, serviceTime: { type: 'constant', value: 0.01 }, replicas: s.replicas ?? 1 })),
    ],
    links: [{ id: 'u', from: 'users', to: 'lb' }, ...servers.map((s) => ({ id: `l-${s.id}`, from: 'lb', to: s.id }))],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

describe('hash ring figures', () => {
  it('names targets as the engine does, replicas included', () => {
    expect(ringTargetIds(pool([{ id: 'a' }, { id: 'b', replicas: 2 }]), 'lb')).toEqual(['a', 'b #1', 'b #2']);
    expect(keyCount(pool([{ id: 'a' }]))).toBe(5000);
  });

  it('moves about 1/(n+1) of the keys when a fifth target joins four, all of them to the new one', () => {
    const before = ['a', 'b', 'c', 'd'];
    const after = [...before, 'e'];
    const figures = ringFigures(after, 100, 5000, { ids: before, virtualNodes: 100 });
    expect(figures.change?.fraction).toBeGreaterThan(0.2 - 0.04);
    expect(figures.change?.fraction).toBeLessThan(0.2 + 0.04);
    expect(figures.keys.filter((k) => k.movedFrom !== null).every((k) => figures.ids[k.owner] === 'e')).toBe(true);
    expect(expectedMovedFraction(4, 5)).toBeCloseTo(0.2);
    expect(figures.perTarget.reduce((a, b) => a + b, 0)).toBe(5000);
  });

  it('finds the pool before the last change in the history, skipping edits that did not touch it', () => {
    const three = pool([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    const four = pool([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }]);
    const current = { ids: ringTargetIds(four, 'lb'), virtualNodes: 100 };
    expect(previousPool('lb', current, [three, four, four])).toEqual({ ids: ['a', 'b', 'c'], virtualNodes: 100 });
    expect(previousPool('lb', current, [four])).toBeNull();
    // Another example's balancer called "lb", or a scenario of another name, is not this pool's past.
    const other = pool([{ id: 'x' }, { id: 'y' }]);
    expect(previousPool('lb', current, [other, four])).toBeNull();
    expect(previousPool('lb', current, [{ ...three, name: 'Something else' }, four], four.name)).toBeNull();
    // Fewer points per target is a change of the pool too.
    expect(previousPool('lb', { ...current, virtualNodes: 5 }, [four])).toEqual({ ids: current.ids, virtualNodes: 100 });
  });

  it('moves keys between the same targets when the virtual nodes change, and spreads them less evenly with few', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const spread = (v: number) => {
      const f = ringFigures(ids, v, 5000, null);
      return Math.max(...f.perTarget) / Math.min(...f.perTarget);
    };
    expect(spread(2)).toBeGreaterThan(spread(200));
    const changed = ringFigures(ids, 5, 5000, { ids, virtualNodes: 100 });
    expect(changed.change?.moved).toBeGreaterThan(0);
    expect(changed.keys.filter((k) => k.movedFrom !== null).every((k) => k.movedFrom !== ids[k.owner])).toBe(true);
  });
});
