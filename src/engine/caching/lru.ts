import type { EvictionPolicy } from './policy';
import { SlotList } from './slot-list';

/** Least recently used: a hit moves the entry to the front; the back is evicted. O(1). */
export function lruPolicy(capacity: number): EvictionPolicy {
  const list = new SlotList(capacity);
  return {
    inserted: (slot) => list.pushFront(slot),
    accessed: (slot) => list.moveToFront(slot),
    removed: (slot) => list.remove(slot),
    victim: () => list.back,
    clear: () => list.clear(),
  };
}
