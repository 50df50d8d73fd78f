import type { LoadBalancerNode } from '../../scenario/schema';
import type { Rng } from '../rng';
import type { BalancingAlgorithm } from './algorithm';
import { consistentHash } from './consistent-hash';
import { ipHash } from './ip-hash';
import { leastConnections } from './least-connections';
import { leastResponseTime } from './least-response-time';
import { powerOfTwoChoices, randomChoice } from './random-choice';
import { roundRobin } from './round-robin';
import { weightedRoundRobin } from './weighted-round-robin';

/** Builds the algorithm a balancer names. */
export function createAlgorithm(node: LoadBalancerNode, rng: Rng): BalancingAlgorithm {
  switch (node.algorithm) {
    case 'roundRobin':
      return roundRobin();
    case 'weightedRoundRobin':
      return weightedRoundRobin();
    case 'leastConnections':
      return leastConnections();
    case 'leastResponseTime':
      return leastResponseTime();
    case 'ipHash':
      return ipHash();
    case 'consistentHash':
      return consistentHash(node.virtualNodes);
    case 'random':
      return randomChoice(rng);
    case 'powerOfTwoChoices':
      return powerOfTwoChoices(rng);
  }
}
