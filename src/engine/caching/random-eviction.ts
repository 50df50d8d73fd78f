import type { Rng } from '../rng';
import type { EvictionPolicy } from './policy';

/** Random eviction, the baseline: any occupied slot, uniformly. O(1) through a dense array with swap-remove. */
export function randomPolicy(capacity: number, rng: Rng): EvictionPolicy {
  const dense = new Int32Array(capacity);
  const position = new Int32Array(capacity);
  let count = 0;
  return {
    inserted: (slot) => {
      dense[count] = slot;
      position[slot] = count++;
    },
    accessed: () => {},
    removed: (slot) => {
      const at = position[slot] as number;
      const last = dense[--count] as number;
      dense[at] = last;
      position[last] = at;
    },
    victim: () => (count === 0 ? -1 : (dense[Math.floor(rng.next() * count)] as number)),
    clear: () => {
      count = 0;
    },
  };
}
