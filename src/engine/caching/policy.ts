export { EVICTION_POLICIES, type EvictionPolicyName } from '../../scenario/cache-schema';

/**
 * The ordering a policy keeps over occupied slots. The cache table owns the
 * entries and tells the policy what happened to each slot; the policy only
 * answers which slot to give up when the table is full. Each policy lives in
 * a file of its own.
 */
export interface EvictionPolicy {
  /** A slot was filled with `item`. */
  inserted(slot: number, item: number): void;
  /** A slot was read (a hit) or its value refreshed. */
  accessed(slot: number): void;
  /** A slot was emptied (eviction, expiry, invalidation). */
  removed(slot: number): void;
  /** The slot to evict to make room, or -1 when this policy never evicts for room. */
  victim(): number;
  clear(): void;
}

