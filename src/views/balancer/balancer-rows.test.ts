import { describe, expect, it } from 'vitest';
import type { LiveSnapshot, TargetFigures } from '../../engine/types';
import { type BalancerSample, withBalancerSample } from '../../store/balancer-samples';
import { balancerRows, crashSpans, RECENT_SECONDS, recentShares, spansFromSamples, spansFromTimeline, targetName, targetNodeId } from './balancer-rows';

const target = (id: string, routed: number, eligible = true, out: TargetFigures['out'] = ''): TargetFigures => ({
  id,
  link: `l-${id}`,
  routed,
  share: 0,
  open: 0,
  eligible,
  out,
});

/** Samples of one balancer (node 1; node 0 is something else) with two targets. */
const samples = (rows: [number, number, number, boolean?][]): BalancerSample[] =>
  rows.map(([time, a, b, bIn = true]) => ({ time, targets: [null, [target('a', a), target('b', b, bIn, bIn ? '' : 'probes')]], down: [false, false] }));

describe('recent shares', () => {
  it('counts only the requests routed in the last span, so a target that stops getting traffic falls to 0 at once', () => {
    const history = samples([
      [0, 0, 0],
      [5, 50, 50],
      [10, 100, 50],
    ]);
    expect(recentShares(history, 1, 5)).toEqual([1, 0]);
    expect(recentShares(history, 1, 10)).toEqual([100 / 150, 50 / 150]);
  });

  it('is empty for a node that is not a balancer', () => {
    expect(recentShares(samples([[1, 1, 1]]), 0)).toEqual([]);
  });
});

describe('spans out of the pool', () => {
  it('follows the live eligible flags, an open span ending now', () => {
    const history = samples([
      [1, 1, 1],
      [2, 2, 2, false],
      [3, 3, 2, false],
      [4, 4, 3],
      [6, 5, 3, false],
    ]);
    expect(spansFromSamples(history, 1, 7)).toEqual([
      [],
      [
        { start: 2, end: 4, out: 'probes' },
        { start: 6, end: 7, out: 'probes' },
      ],
    ]);
  });

  it('reads the report’s timeline by target id', () => {
    const spans = spansFromTimeline(
      [
        { time: 3, target: 'b', eligible: false, out: 'ejected' },
        { time: 8, target: 'b', eligible: true, out: '' },
        { time: 9, target: 'a', eligible: false, out: 'probes' },
      ],
      ['a', 'b'],
      20,
    );
    expect(spans).toEqual([[{ start: 9, end: 20, out: 'probes' }], [{ start: 3, end: 8, out: 'ejected' }]]);
  });

  it('marks a crashed target that is still in the pool', () => {
    const rows = balancerRows([target('a', 1), target('b #2', 1)], [], 1, 5, undefined, (id) => targetNodeId(id) === 'b');
    expect(rows.map((r) => r.down)).toEqual([false, true]);
  });

  it('finds when a node was crashed from the samples, an open crash ending now', () => {
    const at = (time: number, down: boolean) => ({ time, targets: [], down: [false, down] });
    const history = [at(1, false), at(2, true), at(3, true), at(4, false), at(5, true)];
    expect(crashSpans(history, 1, 6)).toEqual([
      { start: 2, end: 4 },
      { start: 5, end: 6 },
    ]);
    expect(crashSpans(history, undefined, 6)).toEqual([]);
  });
});

describe('target names', () => {
  it('names a target by its node label, keeping the replica number', () => {
    const labels: Record<string, string> = { 'app-1': 'App server 1' };
    expect(targetName('app-1', (id) => labels[id])).toBe('App server 1');
    expect(targetName('app-1 #2', (id) => labels[id])).toBe('App server 1 #2');
    expect(targetName('gone', (id) => labels[id])).toBe('gone');
  });
});

describe('the store keeps fewer samples, and the view draws the same', () => {
  /** `count` samples 0.1 s apart; target b out of the pool from 30 to 40 s, node 0 crashed from 20 to 45 s. */
  const run = (count: number): { all: BalancerSample[]; kept: BalancerSample[] } => {
    const all: BalancerSample[] = [];
    let kept: BalancerSample[] = [];
    for (let i = 0; i < count; i++) {
      const time = i / 10;
      const bIn = time < 30 || time >= 40;
      const sample: BalancerSample = { time, targets: [null, [target('a', i * 3), target('b', i * 2, bIn, bIn ? '' : 'probes')]], down: [time >= 20 && time < 45, false] };
      all.push(sample);
      const snapshot = { now: time, nodes: sample.targets.map((targets, n) => ({ targets: targets ?? undefined, down: sample.down[n] })) };
      kept = withBalancerSample(kept, snapshot as unknown as LiveSnapshot);
    }
    return { all, kept };
  };

  it('gives the same spans, crashes and recent shares as every sample', () => {
    const { all, kept } = run(3000);
    const now = all.at(-1)!.time;
    expect(kept.length).toBeLessThan(all.length / 3);
    expect(spansFromSamples(kept, 1, now)).toEqual(spansFromSamples(all, 1, now));
    expect(crashSpans(kept, 0, now)).toEqual(crashSpans(all, 0, now));
    expect(recentShares(kept, 1)).toEqual(recentShares(all, 1));
  });

  it('holds a bounded number however long a steady run goes', () => {
    const { kept } = run(20_000);
    // The changes, the first sample, the last two recent windows (at 10 samples a second) and at most one batch not yet thinned.
    expect(kept.length).toBeLessThanOrEqual(5 + 2 * RECENT_SECONDS * 10 + 256);
  });
});
