import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, WindowSample } from '../../engine/types';
import { backendLoadData, cachingTarget, carryForward, cdnOffload, hitRatioData, rankBars, rankLabel, shortRank, stalenessFigures } from './cache-view-data';
import { createSimulation } from '../../engine';
import { exampleScenario, runToEnd } from '../../worker/testing/example-run';

describe('cachingTarget', () => {
  const scenario = exampleScenario('cache-aside-zipf', 5);

  it('takes the selected cache, with the database behind it', () => {
    const target = cachingTarget(scenario, 'cache');
    expect(target).toMatchObject({ id: 'cache', kind: 'cache', index: 4, edgeNames: [], writeBack: false });
    expect(cachingTarget(exampleScenario('write-back-crash', 5), 'cache')?.writeBack).toBe(true);
    expect(target?.backends).toEqual([{ index: 5, label: expect.any(String) }]);
  });

  it('falls back to the first cache when the selection is another kind', () => {
    expect(cachingTarget(scenario, 'app-1')?.id).toBe('cache');
    expect(cachingTarget(scenario, null)?.id).toBe('cache');
  });

  it('is null for a scenario without caches or CDNs', () => {
    expect(cachingTarget({ ...scenario, nodes: scenario.nodes.filter((n) => n.kind !== 'cache') }, null)).toBeNull();
  });

  it('looks through a load balancer to the servers behind it', () => {
    const starterLike = exampleScenario('cache-aside-zipf', 5);
    const cdnFirst = {
      ...starterLike,
      nodes: [...starterLike.nodes, { ...exampleScenario('cdn-offload', 5).nodes[1]! }],
      links: [...starterLike.links.filter((l) => l.from !== 'users'), { id: 'u-cdn', from: 'users', to: 'cdn', latency: 0.001, weight: 1 }, { id: 'cdn-lb', from: 'cdn', to: 'lb', latency: 0.001, weight: 1 }],
    };
    expect(cachingTarget(cdnFirst, 'cdn')?.backends.map((b) => b.index)).toEqual([2, 3]);
  });

  it("names a CDN's edges", () => {
    expect(cachingTarget(exampleScenario('cdn-offload', 5), 'cdn')?.edgeNames).toEqual(['Europe', 'Americas', 'Asia']);
  });
});

describe('carryForward', () => {
  it('holds the last hit ratio through windows without reads', () => {
    expect(carryForward([null, 0.5, undefined, 0.7, null])).toEqual([0, 0.5, 0.5, 0.7, 0.7]);
  });
});

describe('rankLabel', () => {
  it('reads like the buckets double', () => {
    expect(rankLabel({ from: 1, to: 1 })).toBe('1');
    expect(rankLabel({ from: 4, to: 7 })).toBe('4–7');
    expect(rankLabel({ from: 1024, to: 2047 })).toBe('1k–2k');
    expect(shortRank(1_048_576)).toBe('1M');
  });
});

describe('figures of a real run', () => {
  const scenario = exampleScenario('cache-aside-zipf', 8);
  const target = cachingTarget(scenario, 'cache')!;
  // One run shared by the tests below, made when they run rather than while Vitest collects them.
  let windows: WindowSample[];
  let report: Report;
  beforeAll(() => {
    ({ windows, report } = runToEnd(scenario));
  });

  it("takes the theory line from the engine's report, and waits for it while running", () => {
    const running = hitRatioData(windows, null, target, 8);
    expect(running.awaitingReport).toBe(true);
    expect(running.theory).toBeNull();
    const ended = hitRatioData(windows, report, target, 8);
    expect(ended.theory).toBe(report.nodes[4]?.cache?.theory);
    expect(ended.theoryModel).toBe('che');
    expect(ended.x).toHaveLength(windows.length);
    // A cold cache warms: later windows hit more often than the first.
    const values = ended.lines[0]!.values;
    expect(values.at(-1)!).toBeGreaterThan(values[0]!);
  });

  it('can ask the engine for LRU theory at time 0 (what the background worker does): it is the final report\'s', () => {
    const atStart = createSimulation(scenario, {}).report().nodes[4]?.cache?.theory;
    expect(atStart).toBeGreaterThan(0);
    expect(atStart).toBe(report.nodes[4]?.cache?.theory);
  });

  it("draws the engine's theory before the run ends when it is known, and the report's after", () => {
    const early = { theory: 0.5, theoryModel: 'che' as const };
    const running = hitRatioData(windows, null, target, 8, early);
    expect(running.theory).toBe(0.5);
    expect(running.awaitingReport).toBe(false);
    expect(hitRatioData(windows, report, target, 8, early).theory).toBe(report.nodes[4]?.cache?.theory);
  });

  it('gives rank bars with theory, the popular ranks hitting most', () => {
    const bars = rankBars(report, target);
    expect(bars.length).toBeGreaterThan(3);
    expect(bars[0]!.label).toBe('1');
    expect(bars[0]!.hitRatio).toBeGreaterThan(bars.at(-1)!.hitRatio);
    expect(bars.every((b) => b.theory !== null)).toBe(true);
    expect(rankBars(null, target)).toEqual([]);
  });

  it('has staleness figures from the report, and no offload for a plain cache', () => {
    expect(stalenessFigures(null, target)).toBeNull();
    expect(stalenessFigures(report, target)?.reads).toBe((report.nodes[4]?.cache?.hits ?? 0) + (report.nodes[4]?.cache?.misses ?? 0));
    expect(cdnOffload(report, target)).toBeNull();
  });

  it('has staleness and offload figures while running, from the live frame, equal to what a report would say then', () => {
    const sim = createSimulation(exampleScenario('cache-invalidation', 6), {});
    sim.runUntil(3);
    const live = sim.snapshot();
    const atThree = sim.report();
    const invalidation = cachingTarget(exampleScenario('cache-invalidation', 6), null)!;
    const running = stalenessFigures(null, invalidation, live);
    expect(running?.reads).toBeGreaterThan(0);
    expect(running?.staleReads).toBe(atThree.nodes[invalidation.index]?.cache?.staleReads);
    expect(running?.staleReads).toBeGreaterThan(0);

    const cdnSim = createSimulation(exampleScenario('cdn-offload', 6), {});
    cdnSim.runUntil(3);
    const cdn = cachingTarget(exampleScenario('cdn-offload', 6), 'cdn')!;
    const offload = cdnOffload(null, cdn, cdnSim.snapshot());
    expect(offload?.requests).toBeGreaterThan(0);
    // The same counts as a report at that moment; theory comes with the report only.
    const { edges, ...counts } = cdnSim.report().nodes[cdn.index]!.cdn!;
    expect(offload).toMatchObject(counts);
    expect(offload?.edges.map((e) => e.requests)).toEqual(edges.map((e) => e.requests));
  });

  it("ignores a report of another scenario whose node at the index is not this cache", () => {
    const other = { ...report, nodes: report.nodes.map((n, i) => (i === 4 ? { ...n, id: 'x' } : n)) };
    expect(stalenessFigures(other, target)).toBeNull();
  });
});

describe('backendLoadData', () => {
  const window = (utilizations: number[], end: number): WindowSample => ({
    start: end - 1,
    end,
    completed: 0,
    failed: 0,
    throughput: 0,
    p50: 0,
    p95: 0,
    p99: 0,
    nodes: utilizations.map((utilization) => ({ utilization, queueLength: 0, p99: 0, served: 0, dropped: 0 })),
  });
  const target = { id: 'c', label: 'c', kind: 'cache' as const, index: 1, edgeNames: [], writeBack: false, backends: [{ index: 2, label: 'DB' }] };

  it('draws the database with the cache, and without it from the baseline run (which has no cache node)', () => {
    const live = [window([0, 0, 0.3], 1), window([0, 0, 0.25], 2)];
    const baseline = { windows: [window([0, 0.75], 1), window([0, 0.8], 2)], indexOf: (i: number) => (i === 2 ? 1 : i === 1 ? -1 : 0) };
    const data = backendLoadData(live, target, 10, baseline);
    expect(data.lines.map((l) => [l.label, l.dashed])).toEqual([
      ['DB, with the cache', false],
      ['DB, without', true],
    ]);
    expect(data.lines[0]!.values).toEqual([30, 25]);
    expect(data.lines[1]!.values).toEqual([75, 80]);
    expect(backendLoadData(live, target, 10, null).lines).toHaveLength(1);
  });
});
