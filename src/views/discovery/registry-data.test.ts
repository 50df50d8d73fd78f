import { describe, expect, it } from 'vitest';
import type { RegistryFigures, WindowNodeSample, WindowSample } from '../../engine/types';
import { registryRows, staleCallsData } from './registry-data';

const base: RegistryFigures = {
  mode: 'clientSide',
  listed: ['api #1', 'api #2'],
  instances: 4,
  calls: 1000,
  staleCalls: 100,
  unrouted: 0,
  lookups: 3,
  caches: [{ name: 'users', entries: 4, stale: 2, missing: 0, expiresAt: 74.5, refreshes: 2, staleCalls: 100 }],
  changes: [],
};

const node = (served: number, staleCalls: number): WindowNodeSample => ({ utilization: 0, queueLength: 0, p99: 0, served, dropped: 0, staleCalls });
const window = (start: number, n: WindowNodeSample): WindowSample => ({ start, end: start + 1, completed: 0, failed: 0, throughput: 0, p50: 0, p95: 0, p99: 0, nodes: [n] });

describe('a registry’s list view', () => {
  it('says how many are listed, the stale calls, and how far each copy is behind and when it expires', () => {
    const { rows } = registryRows(base, 70);
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['Registered now', '2 of 4'],
      ['Stale calls', '100 of 1,000 calls'],
      ['users', '2 stale · 4.5 s left'],
    ]);
    expect(rows[2]?.alarm).toBe(true);
    expect(registryRows(base, 80).rows[2]?.value).toBe('2 stale · expired');
  });

  it('sums copies past the first four in one row, and says server-side looks up every request', () => {
    const caches = Array.from({ length: 6 }, (_, i) => ({ ...base.caches[0]!, name: `resolver ${i + 1}`, stale: i % 2 }));
    expect(registryRows({ ...base, mode: 'dns', caches }, 0).rows.at(-1)).toMatchObject({ label: '2 more copies', value: '1 stale', alarm: true });
    expect(registryRows({ ...base, mode: 'serverSide', caches: [] }, 0).rows.at(-1)?.label).toBe('Look-ups');
    expect(registryRows(null, 0)).toEqual({ rows: [], emptyText: 'The list and its copies: when the run starts' });
  });
});

describe('stale calls over time', () => {
  it('gives stale and all calls a second per window, and the total so far', () => {
    const data = staleCallsData([window(0, node(100, 0)), window(1, node(100, 50)), window(2, node(100, 20))], 0, 3);
    expect(data).toMatchObject({ x: [1, 2, 3], stale: [0, 50, 20], calls: [100, 100, 100], total: 70 });
  });

  it('merges windows past the point budget, keeping the rates per second', () => {
    const data = staleCallsData([window(0, node(100, 10)), window(1, node(100, 30))], 0, 2, 1);
    expect(data).toMatchObject({ x: [2], stale: [20], calls: [100], total: 40 });
  });
});
