import { createRng } from '../engine/rng';
import { Scheduler } from '../engine/scheduler';

/** Events per second of a bare typed-array heap on the reference machine the issue quotes. */
export const REFERENCE_HEAP_RATE = 20e6;

/**
 * The machine's own yardstick: hold operations (pop the next event, schedule
 * one a random interval later) per wall-clock second on the engine's bare
 * heap holding `pending` events, with no simulation around it. Targets written
 * for another machine read fairly here as a ratio to this figure.
 */
export function bareHeapRate(pending = 30, seconds = 1): number {
  const rng = createRng(7);
  // Precomputed intervals keep the random draws out of the timed loop.
  const intervals = Float64Array.from({ length: 1 << 16 }, () => -Math.log(1 - rng.next()));
  const heap = new Scheduler();
  for (let i = 0; i < pending; i++) heap.schedule(rng.next(), 0, i);
  let operations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (let i = 0; i < 100_000; i++) {
      heap.pop();
      heap.schedule(heap.now + (intervals[(operations + i) & 0xffff] as number), 0, 0);
    }
    operations += 100_000;
    elapsed = performance.now() - start;
  }
  return operations / (elapsed / 1000);
}
