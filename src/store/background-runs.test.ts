import { afterEach, describe, expect, it } from 'vitest';
import { type BackgroundClient, setBackgroundClient } from '../worker/background-client';
import { exampleScenario, runToEnd } from '../worker/testing/example-run';
import { inProcessBackgroundClient } from '../worker/testing/in-process-background';
import { WorkerFailedError } from '../worker/worker-failure';
import { baselineRun, earlyTheories } from './background-runs';

afterEach(() => setBackgroundClient(null));

/** A client whose baselines fail with `error`, counting how often it is asked. */
function failing(error: Error): BackgroundClient & { asked: number } {
  const client = {
    asked: 0,
    size: 1,
    runBaseline: () => {
      client.asked++;
      return Promise.reject(error);
    },
    earlyTheories: () => Promise.reject(error),
    sweep: () => Promise.reject(error),
    fieldSweep: () => Promise.reject(error),
    runComparison: () => Promise.reject(error),
  };
  return client;
}

describe('background runs for the cache panel', () => {
  it('runs the scenario without the cache once per scenario, cache and seed', async () => {
    setBackgroundClient(inProcessBackgroundClient());
    const scenario = exampleScenario('cache-aside-zipf', 4);
    const first = baselineRun(scenario, 'cache', 1);
    expect(baselineRun(scenario, 'cache', 1)).toBe(first);
    expect(baselineRun(scenario, 'cache', 2)).not.toBe(first);
    expect(baselineRun({ ...scenario }, 'cache', 1)).not.toBe(first);
    const run = await first;
    expect(run?.windows).toHaveLength(4);
    // The database is the sixth node with the cache and the fifth without.
    expect(run?.indexOf(5)).toBe(4);
    expect(run?.windows.at(-1)?.nodes[4]?.utilization).toBeGreaterThan(runToEnd(scenario).windows.at(-1)?.nodes[5]?.utilization ?? 1);
  });

  it('reads the early theory once per scenario and seed', async () => {
    setBackgroundClient(inProcessBackgroundClient());
    const scenario = exampleScenario('cache-aside-zipf', 4);
    const asked = earlyTheories(scenario, 1);
    expect(earlyTheories(scenario, 1)).toBe(asked);
    const theories = await asked;
    expect(theories?.[scenario.nodes.findIndex((n) => n.id === 'cache')]?.theory).toBeGreaterThan(0);
  });

  it('answers null without workers, or for a cache nothing reaches', async () => {
    setBackgroundClient(null);
    const scenario = exampleScenario('cache-aside-zipf', 4);
    expect(await baselineRun(scenario, 'cache', 1)).toBeNull();
    expect(await earlyTheories(scenario, 1)).toBeNull();
    setBackgroundClient(inProcessBackgroundClient());
    const client = scenario.nodes.find((n) => n.kind === 'client')!;
    expect(await baselineRun(scenario, client.id, 1)).toBeNull();
  });

  it('remembers a run that failed, but asks again after a worker stopped', async () => {
    const scenario = exampleScenario('cache-aside-zipf', 4);
    const broken = failing(new Error('The engine threw.'));
    setBackgroundClient(broken);
    expect(await baselineRun(scenario, 'cache', 1)).toBeNull();
    expect(await baselineRun(scenario, 'cache', 1)).toBeNull();
    expect(broken.asked).toBe(1);

    const stopped = failing(new WorkerFailedError('A background worker stopped.'));
    setBackgroundClient(stopped);
    expect(await baselineRun(scenario, 'cache', 2)).toBeNull();
    expect(await baselineRun(scenario, 'cache', 2)).toBeNull();
    expect(stopped.asked).toBe(2);
  });
});
