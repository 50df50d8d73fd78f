import type { EvictionPolicy } from './policy';

/**
 * Least frequently used, ties broken by least recent use: a binary min-heap
 * of slots keyed by (uses, last use), with each slot's heap position kept so
 * a hit re-sorts in O(log n). Counts outlive eviction ("perfect" LFU, one
 * counter per catalogue item): an in-cache count that restarts at one would
 * lock out a popular item evicted while its count was young, and LFU would
 * never reach its top-C ceiling.
 */
export function lfuPolicy(capacity: number): EvictionPolicy {
  const heap = new Int32Array(capacity);
  const position = new Int32Array(capacity);
  const uses = new Float64Array(capacity);
  const lastUse = new Float64Array(capacity);
  const itemOf = new Int32Array(capacity);
  let remembered = new Uint32Array(1024);
  let size = 0;
  let clock = 0;
  const remember = (item: number, count: number) => {
    if (item >= remembered.length) {
      let length = remembered.length;
      while (length <= item) length *= 2;
      const grown = new Uint32Array(length);
      grown.set(remembered);
      remembered = grown;
    }
    remembered[item] = count;
  };

  const less = (a: number, b: number): boolean => {
    const ua = uses[a] as number;
    const ub = uses[b] as number;
    return ua < ub || (ua === ub && (lastUse[a] as number) < (lastUse[b] as number));
  };
  const place = (slot: number, at: number) => {
    heap[at] = slot;
    position[slot] = at;
  };
  const siftUp = (at: number) => {
    const slot = heap[at] as number;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const above = heap[parent] as number;
      if (!less(slot, above)) break;
      place(above, at);
      at = parent;
    }
    place(slot, at);
  };
  const siftDown = (at: number) => {
    const slot = heap[at] as number;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && less(heap[right] as number, heap[child] as number)) child = right;
      const below = heap[child] as number;
      if (!less(below, slot)) break;
      place(below, at);
      at = child;
    }
    place(slot, at);
  };

  return {
    inserted: (slot, item) => {
      itemOf[slot] = item;
      uses[slot] = (item < remembered.length ? (remembered[item] as number) : 0) + 1;
      lastUse[slot] = clock++;
      place(slot, size++);
      siftUp(size - 1);
    },
    accessed: (slot) => {
      uses[slot] = (uses[slot] as number) + 1;
      lastUse[slot] = clock++;
      siftDown(position[slot] as number);
    },
    removed: (slot) => {
      remember(itemOf[slot] as number, uses[slot] as number);
      const at = position[slot] as number;
      const last = heap[--size] as number;
      if (at === size) return;
      place(last, at);
      siftDown(at);
      siftUp(position[last] as number);
    },
    victim: () => (size === 0 ? -1 : (heap[0] as number)),
    clear: () => {
      size = 0;
    },
  };
}
