import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import { withoutCache } from './cache-baseline';
import { exampleScenario, runToEnd } from './testing/example-run';

describe('withoutCache', () => {
  it('sends the servers straight to the database, crossing both links', () => {
    const scenario = exampleScenario('cache-aside-zipf', 4);
    const baseline = withoutCache(scenario, 'cache')!;
    expect(baseline.scenario.nodes.map((n) => n.id)).not.toContain('cache');
    const toDb = baseline.scenario.links.filter((l) => l.to === 'db');
    expect(toDb.map((l) => l.from).sort()).toEqual(['app-1', 'app-2']);
    const latency = (from: string, to: string) => scenario.links.find((l) => l.from === from && l.to === to)!.latency;
    expect(toDb.find((l) => l.from === 'app-1')!.latency).toBeCloseTo(latency('app-1', 'cache') + latency('cache', 'db'));
    expect(baseline.indexOf(5)).toBe(4);
    expect(baseline.indexOf(4)).toBe(-1);
    // Still a valid scenario, with unique link ids.
    expect(parseScenario(baseline.scenario).ok).toBe(true);
  });

  it('drops faults aimed at the cache', () => {
    const baseline = withoutCache(exampleScenario('write-back-crash', 4), 'cache')!;
    expect(baseline.scenario.faults.some((f) => f.node === 'cache')).toBe(false);
  });

  it('puts the whole read load on the database', () => {
    const scenario = exampleScenario('cache-aside-zipf', 6);
    const db = 5;
    const withCache = runToEnd(scenario).windows.at(-1)!.nodes[db]!.utilization;
    const baseline = withoutCache(scenario, 'cache')!;
    const without = runToEnd(baseline.scenario).windows.at(-1)!.nodes[baseline.indexOf(db)]!.utilization;
    expect(without).toBeGreaterThan(withCache * 1.5);
  });

  it('skips a benchmark too large to run twice', () => {
    const bench = exampleScenario('bench-cache-million', 300);
    const cacheId = bench.nodes.find((n) => n.kind === 'cache')!.id;
    expect(withoutCache(bench, cacheId)).toBeNull();
    expect(withoutCache({ ...bench, duration: 60 }, cacheId)).not.toBeNull();
  });

  it('is null when nothing reaches the cache', () => {
    const scenario = exampleScenario('cache-aside-zipf', 4);
    expect(withoutCache({ ...scenario, links: scenario.links.filter((l) => l.to !== 'cache') }, 'cache')).toBeNull();
  });
});
