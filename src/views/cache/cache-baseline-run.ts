/**
 * The baseline runs the page has asked for, one per (scenario, cache): a
 * second selection of the same cache reuses the answer instead of running again.
 */
import type { WindowSample } from '../../engine/types';
import type { Scenario } from '../../scenario/schema';
import { type Baseline, withoutCache } from '../../worker/cache-baseline';
import type { EarlyTheory } from '../../worker/protocol';
import type { BaselineAnswer, BaselineRequest } from './cache-baseline.worker';

/** A finished baseline: its windows, and where the original nodes sit in them. */
export interface BaselineRun {
  windows: readonly WindowSample[];
  indexOf: Baseline['indexOf'];
}

type Pending = Promise<BaselineRun | null>;

const runs = new WeakMap<Scenario, Map<string, Pending>>();
let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (answer: BaselineAnswer) => void>();

function baselineWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./cache-baseline.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<BaselineAnswer>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    };
  }
  return worker;
}

/** Windows of `scenario` run without `cacheId`, with `seed`; null when it has no baseline or it failed. */
export function baselineRun(scenario: Scenario, cacheId: string, seed: number): Pending {
  let byCache = runs.get(scenario);
  if (!byCache) {
    byCache = new Map();
    runs.set(scenario, byCache);
  }
  const key = `${cacheId}@${seed}`;
  const known = byCache.get(key);
  if (known) return known;
  const baseline = withoutCache(scenario, cacheId);
  const pending: Pending =
    baseline === null || typeof Worker === 'undefined'
      ? Promise.resolve(null)
      : new Promise((resolve) => {
          const id = nextId++;
          waiting.set(id, (answer) => resolve('windows' in answer ? { windows: answer.windows, indexOf: baseline.indexOf } : null));
          baselineWorker().postMessage({ id, kind: 'baseline', scenario: baseline.scenario, seed } satisfies BaselineRequest);
        });
  byCache.set(key, pending);
  return pending;
}

const theories = new WeakMap<Scenario, Promise<EarlyTheory[] | null>>();

/** The engine's theoretical hit ratio of every node of `scenario` before it runs (null entries where it needs the run). */
export function earlyTheories(scenario: Scenario, seed: number): Promise<EarlyTheory[] | null> {
  const known = theories.get(scenario);
  if (known) return known;
  const pending: Promise<EarlyTheory[] | null> =
    typeof Worker === 'undefined'
      ? Promise.resolve(null)
      : new Promise((resolve) => {
          const id = nextId++;
          waiting.set(id, (answer) => resolve('theories' in answer ? answer.theories : null));
          baselineWorker().postMessage({ id, kind: 'theory', scenario, seed } satisfies BaselineRequest);
        });
  theories.set(scenario, pending);
  return pending;
}
