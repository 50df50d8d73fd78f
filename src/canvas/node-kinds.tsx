import type { LoadBalancingAlgorithm, NodeKind } from '../scenario/schema';

export interface KindInfo {
  title: string;
  hint: string;
  idPrefix: string;
  /** Accent for the card edge, icon and minimap. */
  color: string;
  /** Pale background behind the kind's icon. */
  tint: string;
}

/** How each node kind is named, explained and coloured: adding a kind means one entry here. */
export const KIND_INFO: Record<NodeKind, KindInfo> = {
  client: { title: 'Client', hint: 'Sends requests: a steady rate, or users who wait', idPrefix: 'client', color: '#3b6fd8', tint: '#e9f0fd' },
  loadBalancer: { title: 'Load balancer', hint: 'Spreads requests over its targets', idPrefix: 'lb', color: '#8257d6', tint: '#f1ebfc' },
  server: { title: 'Server', hint: 'Serves requests with workers and a queue', idPrefix: 'server', color: '#2f9e74', tint: '#e6f5ef' },
  database: { title: 'Database', hint: 'Serves reads and writes', idPrefix: 'database', color: '#c27c1c', tint: '#fbf1e2' },
  sessionStore: { title: 'Session store', hint: 'Keeps user sessions outside the servers', idPrefix: 'sessions', color: '#c2537a', tint: '#fbe9f0' },
  cache: { title: 'Cache', hint: 'Answers repeated reads from memory', idPrefix: 'cache', color: '#b8860b', tint: '#fbf4dc' },
  cdn: { title: 'CDN', hint: 'Serves cached responses near users', idPrefix: 'cdn', color: '#2b8cb0', tint: '#e3f3f9' },
};

/** Inline style that gives an element its kind's colours (used by cards, palette and inspector). */
export function kindStyle(kind: NodeKind): Record<string, string> {
  return { '--kind-color': KIND_INFO[kind].color, '--kind-tint': KIND_INFO[kind].tint };
}

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
