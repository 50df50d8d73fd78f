import type { Rng } from '../rng';
import { fifoPolicy } from './fifo';
import { lfuPolicy } from './lfu';
import { lruPolicy } from './lru';
import type { EvictionPolicy, EvictionPolicyName } from './policy';
import { randomPolicy } from './random-eviction';
import { ttlOnlyPolicy } from './ttl-only';

/** Builds the eviction policy of a cache holding `capacity` entries. */
export function createPolicy(name: EvictionPolicyName, capacity: number, rng: Rng): EvictionPolicy {
  switch (name) {
    case 'lru':
      return lruPolicy(capacity);
    case 'lfu':
      return lfuPolicy(capacity);
    case 'fifo':
      return fifoPolicy(capacity);
    case 'random':
      return randomPolicy(capacity, rng);
    case 'ttl':
      return ttlOnlyPolicy();
  }
}
