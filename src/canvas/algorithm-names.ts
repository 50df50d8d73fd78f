import type { LoadBalancingAlgorithm } from '../scenario/schema';

/** Load-balancing algorithms as a user reads them: a name and what it does. */
export const ALGORITHMS: Record<LoadBalancingAlgorithm, { title: string; note: string }> = {
  roundRobin: { title: 'Round robin', note: 'Each request goes to the next target in turn.' },
  weightedRoundRobin: { title: 'Weighted round robin', note: 'In turn, but in proportion to each outgoing link’s weight.' },
  leastConnections: { title: 'Least connections', note: 'To the target with the fewest requests in progress.' },
  leastResponseTime: { title: 'Least response time', note: 'To the target that has been answering fastest.' },
  ipHash: { title: 'IP hash', note: 'The client address picks the target, so a client sticks to one.' },
  consistentHash: { title: 'Consistent hash', note: 'A hash ring: removing a target moves only its share of clients.' },
  random: { title: 'Random', note: 'A target chosen uniformly at random.' },
  powerOfTwoChoices: { title: 'Power of two choices', note: 'Two random targets; the less busy one wins.' },
};
