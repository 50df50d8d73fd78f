import type { BalancingAlgorithm } from './algorithm';

/**
 * Prefers the target that has been answering fastest, weighed by how busy it
 * is now: score = mean response time × (open requests + 1), as NGINX's
 * least_time does. Latency alone would herd every request onto whichever
 * server looked fastest a moment ago. Untried targets score 0 and go first.
 */
export function leastResponseTime(): BalancingAlgorithm {
  let next = 0;
  return {
    observesResponses: true,
    pick(targets) {
      let best = -1;
      let bestScore = Number.POSITIVE_INFINITY;
      for (let k = 0; k < targets.count; k++) {
        const i = (next + k) % targets.count;
        if (targets.eligible[i] !== 1) continue;
        const score = (targets.responseTime[i] as number) * ((targets.open[i] as number) + 1);
        if (score < bestScore) {
          best = i;
          bestScore = score;
        }
      }
      if (best >= 0) next = best + 1;
      return best;
    },
  };
}
