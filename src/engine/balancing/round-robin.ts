import { type BalancingAlgorithm, firstEligibleFrom } from './algorithm';

/** Rotates through the eligible targets in order: equal shares for equal servers. */
export function roundRobin(): BalancingAlgorithm {
  let next = 0;
  return {
    observesResponses: false,
    pick(targets) {
      const choice = firstEligibleFrom(targets, next);
      if (choice >= 0) next = choice + 1;
      return choice;
    },
  };
}
