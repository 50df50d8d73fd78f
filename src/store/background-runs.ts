/**
 * The cache panel's background runs, asked of the background workers once
 * per (scenario, cache, seed): the scenario run without the cache, and the
 * theory known before the run. Selecting the same cache again reuses the
 * answer instead of running again; an edit makes a new scenario object, so
 * the old answers go with the old one.
 */
import type { WindowSample } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { getBackgroundClient } from '../worker/background-client';
import { type Baseline, withoutCache } from '../worker/cache-baseline';
import type { EarlyTheory } from '../worker/protocol';
import { WorkerFailedError } from '../worker/worker-failure';

/** A finished baseline: its windows, and where the original nodes sit in them. */
export interface BaselineRun {
  windows: readonly WindowSample[];
  indexOf: Baseline['indexOf'];
}

const baselines = new WeakMap<Scenario, Map<string, Promise<BaselineRun | null>>>();
const theories = new WeakMap<Scenario, Map<number, Promise<EarlyTheory[] | null>>>();

/**
 * Answers `ask`'s promise, remembered in `known` under `key`; null when it
 * failed. A failure is remembered too (the same run would fail again), unless
 * the worker stopped: then a later ask runs it again.
 */
function remembered<K, T>(known: Map<K, Promise<T | null>>, key: K, ask: () => Promise<T> | null): Promise<T | null> {
  const earlier = known.get(key);
  if (earlier) return earlier;
  const asked = ask();
  const pending =
    asked?.catch((error: unknown) => {
      // The pool replaces a stopped worker, so asking again can succeed.
      if (error instanceof WorkerFailedError) known.delete(key);
      return null;
    }) ?? Promise.resolve(null);
  known.set(key, pending);
  return pending;
}

function entriesOf<K, T>(cache: WeakMap<Scenario, Map<K, T>>, scenario: Scenario): Map<K, T> {
  let entries = cache.get(scenario);
  if (!entries) {
    entries = new Map();
    cache.set(scenario, entries);
  }
  return entries;
}

/** Windows of `scenario` run without `cacheId`, with `seed`; null when it has no baseline, there are no workers, or it failed. */
export function baselineRun(scenario: Scenario, cacheId: string, seed: number): Promise<BaselineRun | null> {
  return remembered(entriesOf(baselines, scenario), `${cacheId}@${seed}`, () => {
    const baseline = withoutCache(scenario, cacheId);
    const client = getBackgroundClient();
    if (!baseline || !client) return null;
    return client.runBaseline(baseline.scenario, seed).then((windows) => ({ windows, indexOf: baseline.indexOf }));
  });
}

/** The engine's theoretical hit ratio of every node of `scenario` before it runs (null entries where it needs the run). */
export function earlyTheories(scenario: Scenario, seed: number): Promise<EarlyTheory[] | null> {
  return remembered(entriesOf(theories, scenario), seed, () => getBackgroundClient()?.earlyTheories(scenario, seed) ?? null);
}
