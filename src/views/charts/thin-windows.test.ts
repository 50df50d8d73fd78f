import { describe, expect, it } from 'vitest';
import type { WindowSample } from '../../engine/types';
import { mergeWindows, thinWindows } from './thin-windows';

const win = (start: number, completed: number, p99: number, utilization: number): WindowSample => ({
  start,
  end: start + 1,
  completed,
  failed: 1,
  throughput: completed,
  p50: p99 / 2,
  p95: p99,
  p99,
  nodes: [{ utilization, queueLength: utilization * 2, p99, served: completed, dropped: 0 }],
});

describe('thinWindows', () => {
  it('leaves a short run alone', () => {
    const windows = [win(0, 1, 1, 0.1), win(1, 2, 1, 0.2)];
    expect(thinWindows(windows, 10)).toBe(windows);
  });

  it('keeps at most maxPoints, covering the whole run, with counts conserved', () => {
    const windows = Array.from({ length: 1000 }, (_, i) => win(i, i % 7, 0.1, 0.5));
    const thin = thinWindows(windows, 240);
    expect(thin.length).toBeLessThanOrEqual(240);
    expect(thin[0]!.start).toBe(0);
    expect(thin.at(-1)!.end).toBe(1000);
    const sum = (list: readonly WindowSample[]) => list.reduce((s, w) => s + w.completed, 0);
    expect(sum(thin)).toBe(sum(windows));
    expect(thin[0]!.nodes[0]!.utilization).toBeCloseTo(0.5);
  });
});

describe('mergeWindows', () => {
  it('adds counts, averages levels and turns the count into a rate over the merged span', () => {
    const merged = mergeWindows([win(10, 4, 0.2, 0.2), win(11, 8, 0.4, 0.6)]);
    expect(merged).toMatchObject({ start: 10, end: 12, completed: 12, failed: 2, throughput: 6 });
    expect(merged.p99).toBeCloseTo(0.3);
    expect(merged.nodes[0]).toMatchObject({ served: 12 });
    expect(merged.nodes[0]!.utilization).toBeCloseTo(0.4);
  });
});

describe('thinWindows at full speed', () => {
  it('keeps its points in place as old windows drop and new ones arrive, merging only what changed', () => {
    const all = Array.from({ length: 3700 }, (_, i) => win(i, 3, 0.1, 0.5));
    const before = thinWindows(all.slice(0, 3600));
    const after = thinWindows(all.slice(100, 3700));
    expect(before.length).toBeLessThanOrEqual(240);
    expect(after.length).toBeLessThanOrEqual(240);
    // Groups sit on fixed stretches of simulated time: a point that is still whole is the same object.
    const starts = new Map(before.map((w) => [w.start, w]));
    const reused = after.filter((w) => starts.get(w.start) === w);
    // 100 new windows make 7 new groups of 16 (the last one partial): the rest are reused.
    expect(reused.length).toBe(after.length - 7);
    // The oldest group (96-111) lost its first windows, so the chart starts at the next whole one, not with an average of a few.
    expect(after[0]!.start).toBe(112);
    expect(after.at(-1)!.end).toBe(3700);
    const sum = (list: readonly WindowSample[]) => list.reduce((s, w) => s + w.completed, 0);
    expect(sum(after)).toBe(3 * (3700 - 112));
  });
});
