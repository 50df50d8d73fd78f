import type { BalancingAlgorithm } from './algorithm';

/**
 * Sends to the eligible target with the fewest open requests. Ties rotate, so
 * idle equal servers share the work instead of the first one taking it all.
 */
export function leastConnections(): BalancingAlgorithm {
  let next = 0;
  return {
    observesResponses: true,
    pick(targets) {
      let best = -1;
      for (let k = 0; k < targets.count; k++) {
        const i = (next + k) % targets.count;
        if (targets.eligible[i] !== 1) continue;
        if (best < 0 || (targets.open[i] as number) < (targets.open[best] as number)) best = i;
      }
      if (best >= 0) next = best + 1;
      return best;
    },
  };
}
