/**
 * The page's side of the background runs: the background service behind a
 * pool of workers, each wrapped by comlink. The store asks it for whole runs
 * (a baseline, the early theory, a sweep); tests put an in-process pool in
 * its place with `setBackgroundClient`.
 */
import { wrap } from 'comlink';
import type { TotalsReport, WindowSample } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import type { BackgroundService } from './background-service';
import type { EarlyTheory, SweepPoint } from './protocol';
import type { SweepVariant } from './sweep';
import { failureOf } from './worker-failure';
import { createWorkerPool, type PoolWorker, type WorkerPool } from './worker-pool';

/** The background service as the page reaches it: every method answers later. */
export type BackgroundRemote = {
  [K in keyof BackgroundService]: (...args: Parameters<BackgroundService[K]>) => Promise<ReturnType<BackgroundService[K]>>;
};

/** How a sweep ended; `points` are those finished, in the variants' order. */
export type SweepOutcome = { status: 'done' | 'cancelled'; points: SweepPoint[] } | { status: 'failed'; points: SweepPoint[]; error: string };

export interface SweepOptions {
  /** Hears of each finished point: its variant's index, and how many are done of how many. */
  onPoint?: (point: SweepPoint, index: number, done: number, total: number) => void;
  /** Aborting hands out no further point and ends the sweep at once, as cancelled. */
  signal?: AbortSignal;
}

/** What the store needs from the background workers. */
export interface BackgroundClient {
  /** Jobs that can run at once: the pool's workers. */
  readonly size: number;
  /** The metrics windows of `scenario` run to its end with `seed`. */
  runBaseline(scenario: Scenario, seed: number): Promise<WindowSample[]>;
  /** Every node's theory before the run; it goes ahead of waiting runs (it is quick, and a figure waits on it). */
  earlyTheories(scenario: Scenario, seed: number): Promise<EarlyTheory[]>;
  /** Runs every variant with `seed`, spread over the pool. Never rejects: a failure is an outcome. */
  sweep(variants: readonly SweepVariant[], seed: number, options?: SweepOptions): Promise<SweepOutcome>;
  /** One side of an A/B comparison: `scenario` run to its end with `seed`, its totals and windows. */
  runComparison(scenario: Scenario, seed: number): Promise<{ totals: TotalsReport; windows: WindowSample[] }>;
}

/** A client over a pool of at most `size` workers, each started by `start(index)` when a job first needs it. */
export function connectBackgroundPool(size: number, start: (index: number) => PoolWorker<BackgroundRemote>): BackgroundClient {
  const pool = createWorkerPool(size, start);
  return {
    size: pool.size,
    runBaseline: (scenario, seed) => pool.submit((s) => s.runBaseline(scenario, seed)),
    earlyTheories: (scenario, seed) => pool.submit((s) => s.earlyTheories(scenario, seed), { urgent: true }),
    sweep: (variants, seed, options = {}) => sweepOver(pool, variants, seed, options),
    runComparison: (scenario, seed) => pool.submit((s) => s.runComparison(scenario, seed)),
  };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Keeps one point per worker of the pool waiting or running, handing out the
 * next as each finishes: other jobs (a baseline) wait behind at most a few
 * points, not the whole sweep. The first failure or a cancel ends the sweep
 * and hands out nothing more.
 */
function sweepOver(pool: WorkerPool<BackgroundRemote>, variants: readonly SweepVariant[], seed: number, options: SweepOptions): Promise<SweepOutcome> {
  const { onPoint, signal } = options;
  // The sweep's own switch: a failed point stops the rest as a cancel does.
  const stop = new AbortController();
  const found: (SweepPoint | undefined)[] = [];
  const points = () => found.filter((p): p is SweepPoint => p !== undefined);
  let done = 0;
  return new Promise<SweepOutcome>((resolve) => {
    const finish = (outcome: SweepOutcome) => {
      if (stop.signal.aborted) return;
      stop.abort();
      signal?.removeEventListener('abort', cancel);
      resolve(outcome);
    };
    const cancel = () => finish({ status: 'cancelled', points: points() });
    if (signal?.aborted) return cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    if (variants.length === 0) return finish({ status: 'done', points: [] });
    let next = 0;
    const handOut = (): void => {
      const index = next++;
      const variant = variants[index];
      if (!variant || stop.signal.aborted) return;
      pool.submit((s) => s.runSweepPoint(variant, seed), { signal: stop.signal }).then(
        (point) => {
          if (stop.signal.aborted) return;
          found[index] = point;
          done++;
          onPoint?.(point, index, done, variants.length);
          if (done === variants.length) finish({ status: 'done', points: points() });
          else handOut();
        },
        (error: unknown) => finish({ status: 'failed', points: points(), error: messageOf(error) }),
      );
    };
    for (let i = 0; i < pool.size; i++) handOut();
  });
}

/** Background workers the page runs at most. One for now; a sweep spread over navigator.hardwareConcurrency only needs a larger number here. */
export const BACKGROUND_WORKERS = 1;

function startBackgroundWorker(): PoolWorker<BackgroundRemote> {
  const worker = new Worker(new URL('./background.worker.ts', import.meta.url), { type: 'module', name: 'background' });
  return { service: wrap<BackgroundService>(worker), failed: failureOf(worker, 'A background worker', 'Try again: a fresh one will start.') };
}

let shared: BackgroundClient | null = null;

/** The page's background workers (each started when a job first needs it); null where there are no Web Workers, as in Node. */
export function getBackgroundClient(): BackgroundClient | null {
  if (!shared && typeof Worker !== 'undefined') shared = connectBackgroundPool(BACKGROUND_WORKERS, startBackgroundWorker);
  return shared;
}

/** Replaces the background workers (tests, or a page that wants its own). */
export function setBackgroundClient(client: BackgroundClient | null): void {
  shared = client;
}
