import type { BalancingAlgorithm } from './algorithm';

/** Rotates through the targets in order: equal shares for equal servers. */
export function roundRobin(): BalancingAlgorithm {
  let next = 0;
  return {
    observesResponses: false,
    pick(_request, targets) {
      const choice = next % targets.length;
      next = choice + 1;
      return choice;
    },
  };
}
