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
import type { FieldSweepPoint, FieldVariant } from './field-sweep';
import type { EarlyTheory, SweepPoint } from './protocol';
import type { SweepVariant } from './sweep';
import { failureOf } from './worker-failure';
import { createWorkerPool, type PoolWorker, type WorkerPool } from './worker-pool';

/** The background service as the page reaches it: every method answers later. */
export type BackgroundRemote = {
  [K in keyof BackgroundService]: (...args: Parameters<BackgroundService[K]>) => Promise<ReturnType<BackgroundService[K]>>;
};

/** How a sweep ended; `points` are those finished, in the variants' order. */
export type SweepOutcome<P = SweepPoint> = { status: 'done' | 'cancelled'; points: P[] } | { status: 'failed'; points: P[]; error: string };

export interface SweepOptions<P = SweepPoint> {
  /** Hears of each finished point: its variant's index, and how many are done of how many. */
  onPoint?: (point: P, index: number, done: number, total: number) => void;
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
  /** Runs every value of a field sweep with `seed`, spread over the pool; Cancel stops the workers that are running points. Never rejects. */
  fieldSweep(variants: readonly FieldVariant[], seed: number, options?: SweepOptions<FieldSweepPoint>): Promise<SweepOutcome<FieldSweepPoint>>;
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
    sweep: (variants, seed, options = {}) => sweepOver(pool, variants, (s, v) => s.runSweepPoint(v, seed), options, false),
    fieldSweep: (variants, seed, options = {}) => sweepOver(pool, variants, (s, v) => s.runFieldPoint(v.scenario, v.value, seed), options, true),
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
function sweepOver<V, P>(
  pool: WorkerPool<BackgroundRemote>,
  variants: readonly V[],
  runPoint: (service: BackgroundRemote, variant: V) => Promise<P>,
  options: SweepOptions<P>,
  stopOnCancel: boolean,
): Promise<SweepOutcome<P>> {
  const { onPoint, signal } = options;
  // The sweep's own switch: a failed point stops the rest as a cancel does.
  const stop = new AbortController();
  const found: (P | undefined)[] = [];
  const points = () => found.filter((p): p is P => p !== undefined);
  let done = 0;
  return new Promise<SweepOutcome<P>>((resolve) => {
    const finish = (outcome: SweepOutcome<P>) => {
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
      if (index >= variants.length || stop.signal.aborted) return;
      const variant = variants[index] as V;
      pool.submit((s) => runPoint(s, variant), { signal: stop.signal, stopOnCancel }).then(
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

/** Background workers the page runs at most: one per logical core the browser reports, so a sweep keeps every core busy. */
export const MAX_BACKGROUND_WORKERS = 16;

/** The pool's size on this machine: navigator.hardwareConcurrency, between 1 and MAX_BACKGROUND_WORKERS. */
export function backgroundWorkerCount(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return Math.max(1, Math.min(MAX_BACKGROUND_WORKERS, cores));
}

function startBackgroundWorker(): PoolWorker<BackgroundRemote> {
  const worker = new Worker(new URL('./background.worker.ts', import.meta.url), { type: 'module', name: 'background' });
  return {
    service: wrap<BackgroundService>(worker),
    failed: failureOf(worker, 'A background worker', 'Try again: a fresh one will start.'),
    // A cancelled sweep point may be seconds from its end: terminate rather than wait.
    stop: () => worker.terminate(),
  };
}

let shared: BackgroundClient | null = null;

/** The page's background workers (each started when a job first needs it); null where there are no Web Workers, as in Node. */
export function getBackgroundClient(): BackgroundClient | null {
  if (!shared && typeof Worker !== 'undefined') shared = connectBackgroundPool(backgroundWorkerCount(), startBackgroundWorker);
  return shared;
}

/** Replaces the background workers (tests, or a page that wants its own). */
export function setBackgroundClient(client: BackgroundClient | null): void {
  shared = client;
}
