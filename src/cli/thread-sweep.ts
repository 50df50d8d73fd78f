/**
 * A field sweep headless: its points spread over worker threads by tinypool,
 * each thread running the same background service as the page's Web
 * Workers, so a point's figures equal the browser's for the same seed.
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { FieldSweepPoint, FieldVariant } from '../worker/field-sweep';
import type { SweepTask } from './sweep-task';

/** A finished sweep: the points in the values' order and the wall-clock time it took. */
export interface ThreadSweepResult {
  points: FieldSweepPoint[];
  workers: number;
  /** Wall-clock milliseconds from the first point handed out to the last one back (threads already started). */
  wallMs: number;
}

/** Threads a sweep uses unless told: one per core. */
export const defaultThreads = (): number => Math.max(1, availableParallelism());

/** Starts `workers` threads and waits until each has loaded the engine, so timing a sweep does not time start-up. */
async function warmPool(workers: number): Promise<Tinypool> {
  const pool = new Tinypool({ filename: new URL('./sweep-worker.mjs', import.meta.url).href, minThreads: workers, maxThreads: workers });
  // A trivially short run per thread: each loads the engine once.
  const tiny: SweepTask = {
    scenario: { version: 3, duration: 0.001, nodes: [{ id: 'c', kind: 'client', workload: { mode: 'open', rate: 1 } }], links: [] },
    value: 0,
    seed: 1,
  };
  await Promise.all(Array.from({ length: workers }, () => pool.run(tiny)));
  return pool;
}

/** Runs every variant with `seed` on `workers` threads; `onPoint` hears of each as it finishes. */
export async function sweepInThreads(
  variants: readonly FieldVariant[],
  seed: number,
  workers: number,
  onPoint?: (done: number, total: number) => void,
): Promise<ThreadSweepResult> {
  const pool = await warmPool(workers);
  try {
    let done = 0;
    const started = performance.now();
    const points = await Promise.all(
      variants.map(async (variant) => {
        const task: SweepTask = { scenario: variant.scenario, value: variant.value, seed };
        const point = (await pool.run(task)) as FieldSweepPoint;
        onPoint?.(++done, variants.length);
        return point;
      }),
    );
    return { points, workers, wallMs: performance.now() - started };
  } finally {
    await pool.destroy();
  }
}

/** How well the threads shared the work: the runs' own times added up, over the wall clock. */
export function poolSpeedup(result: ThreadSweepResult): { speedup: number; efficiency: number } {
  const busy = result.points.reduce((sum, p) => sum + p.runMs, 0);
  const speedup = result.wallMs > 0 ? busy / result.wallMs : 0;
  return { speedup, efficiency: speedup / Math.min(result.workers, Math.max(1, result.points.length)) };
}
