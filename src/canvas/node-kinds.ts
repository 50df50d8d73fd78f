import type { LoadBalancingAlgorithm, NodeKind } from '../scenario/schema';

/** How each node kind is named and explained to a user. */
export const KIND_INFO: Record<NodeKind, { title: string; hint: string; idPrefix: string }> = {
  client: { title: 'Client', hint: 'Sends requests: a steady rate, or users who wait', idPrefix: 'client' },
  loadBalancer: { title: 'Load balancer', hint: 'Spreads requests over its targets', idPrefix: 'lb' },
  server: { title: 'Server', hint: 'Serves requests with workers and a queue', idPrefix: 'server' },
  database: { title: 'Database', hint: 'Serves reads and writes', idPrefix: 'database' },
  sessionStore: {
    title: 'Session store',
    hint: 'Keeps user sessions outside the servers',
    idPrefix: 'sessions',
  },
  cache: { title: 'Cache', hint: 'Answers repeated reads from memory', idPrefix: 'cache' },
  cdn: { title: 'CDN', hint: 'Serves cached responses near users', idPrefix: 'cdn' },
};

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
