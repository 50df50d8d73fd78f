import type { BalancingAlgorithm } from './algorithm';

/**
 * Smooth weighted round robin (as in NGINX): every pick adds each target's
 * weight to its credit, takes the target with the most credit and charges it
 * the total. Shares follow the weights exactly over each cycle, without
 * sending a heavy target's requests in one burst.
 */
export function weightedRoundRobin(): BalancingAlgorithm {
  let credit = new Float64Array(0);
  return {
    observesResponses: false,
    pick(targets) {
      if (credit.length !== targets.count) credit = new Float64Array(targets.count);
      let best = -1;
      let total = 0;
      for (let i = 0; i < targets.count; i++) {
        if (targets.eligible[i] !== 1) continue;
        const w = targets.weights[i] as number;
        credit[i] = (credit[i] as number) + w;
        total += w;
        if (best < 0 || (credit[i] as number) > (credit[best] as number)) best = i;
      }
      if (best >= 0) credit[best] = (credit[best] as number) - total;
      return best;
    },
  };
}
