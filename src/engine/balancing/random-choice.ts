import type { Rng } from '../rng';
import { type BalancingAlgorithm, eligibleCount, nthEligible } from './algorithm';

/** Picks an eligible target uniformly at random: the baseline the smarter algorithms beat. */
export function randomChoice(rng: Rng): BalancingAlgorithm {
  return {
    observesResponses: false,
    pick(targets) {
      const n = eligibleCount(targets);
      return n === 0 ? -1 : nthEligible(targets, Math.floor(rng.next() * n));
    },
  };
}

/**
 * Power of two random choices: draw two distinct eligible targets and send to
 * the one with fewer open requests. Nearly as good as least connections while
 * looking at only two servers.
 */
export function powerOfTwoChoices(rng: Rng): BalancingAlgorithm {
  return {
    observesResponses: true,
    pick(targets) {
      const n = eligibleCount(targets);
      if (n <= 1) return n === 0 ? -1 : nthEligible(targets, 0);
      const a = Math.floor(rng.next() * n);
      let b = Math.floor(rng.next() * (n - 1));
      if (b >= a) b++;
      const first = nthEligible(targets, a);
      const second = nthEligible(targets, b);
      return (targets.open[second] as number) < (targets.open[first] as number) ? second : first;
    },
  };
}
