import { type BalancingAlgorithm, eligibleCount, nthEligible } from './algorithm';
import { hashAddress } from './hashing';

/**
 * Hashes the client address onto the eligible targets (modulo their number):
 * a client stays on one server while the pool is unchanged, and most clients
 * move when it changes — the weakness consistent hashing fixes.
 */
export function ipHash(): BalancingAlgorithm {
  return {
    observesResponses: false,
    pick(targets, address) {
      const n = eligibleCount(targets);
      return n === 0 ? -1 : nthEligible(targets, hashAddress(address) % n);
    },
  };
}
