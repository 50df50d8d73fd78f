import type { EvictionPolicy } from './policy';

/**
 * TTL only: entries leave when they expire and never to make room. When the
 * cache is full of unexpired entries, a new value is simply not stored (the
 * request is still served from downstream).
 */
export function ttlOnlyPolicy(): EvictionPolicy {
  return { inserted: () => {}, accessed: () => {}, removed: () => {}, victim: () => -1, clear: () => {} };
}
