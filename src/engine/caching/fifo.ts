import type { EvictionPolicy } from './policy';
import { SlotList } from './slot-list';

/** First in, first out: hits change nothing; the oldest insertion is evicted. O(1). */
export function fifoPolicy(capacity: number): EvictionPolicy {
  const list = new SlotList(capacity);
  return {
    inserted: (slot) => list.pushFront(slot),
    accessed: () => {},
    removed: (slot) => list.remove(slot),
    victim: () => list.back,
    clear: () => list.clear(),
  };
}
