import type { LoadBalancingAlgorithm } from '../../scenario/schema';
import type { BalancingAlgorithm } from './algorithm';
import { roundRobin } from './round-robin';

/** Builds the algorithm a scenario names. */
export function createAlgorithm(name: LoadBalancingAlgorithm): BalancingAlgorithm {
  switch (name) {
    case 'roundRobin':
      return roundRobin();
  }
}
