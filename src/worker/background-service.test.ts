import { describe, expect, it } from 'vitest';
import { oneServer } from '../engine/testing/build-scenario';
import { INSTANCE_SIZES } from '../scenario/instance-sizes';
import { createBackgroundService } from './background-service';
import { withoutCache } from './cache-baseline';
import { sweepVariants } from './sweep';
import { exampleScenario, runToEnd } from './testing/example-run';

const system = () => oneServer({ rate: 150, duration: 40, warmup: 5 });

describe('background service', () => {
  const service = createBackgroundService();

  it('runs a baseline to its end: the same windows as a headless run of that scenario', () => {
    const baseline = withoutCache(exampleScenario('cache-aside-zipf', 4), 'cache')!;
    const windows = service.runBaseline(baseline.scenario, baseline.scenario.seed);
    expect(windows).toHaveLength(4);
    expect(windows).toEqual(runToEnd(baseline.scenario).windows);
  });

  it('reads the theory a cache has before it runs, and none for other nodes', () => {
    const scenario = exampleScenario('cache-aside-zipf', 4);
    const theories = service.earlyTheories(scenario, scenario.seed);
    expect(theories).toHaveLength(scenario.nodes.length);
    const cache = scenario.nodes.findIndex((n) => n.id === 'cache');
    expect(theories[cache]?.theory).toBeGreaterThan(0);
    expect(theories.filter((t, i) => i !== cache && t !== null)).toEqual([]);
  });

  it('runs each sweep point on its own: scaling out costs more and lowers p99', () => {
    const variants = sweepVariants(system(), 'app', 3);
    expect(variants).toHaveLength(3 + INSTANCE_SIZES.length);
    const [one, two, three] = variants.slice(0, 3).map((v) => service.runSweepPoint(v, 1));
    expect(one?.costPerHour).toBeCloseTo(0.1);
    expect(three?.costPerHour).toBeCloseTo(0.3);
    expect(two?.p99).toBeLessThan(one?.p99 ?? 0);
    // Every variant serves the offered load: throughput stays near 150/s.
    for (const p of [one, two, three]) expect(p?.throughput).toBeGreaterThan(135);
  });

  it('answers the same job the same way, whichever worker runs it', () => {
    const [variant] = sweepVariants(system(), 'app', 1);
    expect(createBackgroundService().runSweepPoint(variant!, 7)).toEqual(service.runSweepPoint(variant!, 7));
  });

  it('refuses a scenario that is not valid, with the reason', () => {
    expect(() => service.runBaseline({ version: 1, nodes: 'none' }, 1)).toThrow();
  });
});
