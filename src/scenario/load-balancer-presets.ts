import { type LoadBalancerNode, type LoadBalancingAlgorithm, LoadBalancingAlgorithmSchema } from './schema';

type Preset = LoadBalancerNode['preset'];

export interface PresetInfo {
  title: string;
  /** Layers the product runs at. */
  layers: readonly ('L4' | 'L7')[];
  algorithms: readonly LoadBalancingAlgorithm[];
  /** Typical processing time per request, seconds: the engine spends it when the balancer's `overhead` is null. */
  overhead: number;
  /** What the product does with a client's connection at each layer it runs at (the engine: L4 per connection, L7 per request). */
  connections: string;
  note: string;
}

const ALL: readonly LoadBalancingAlgorithm[] = LoadBalancingAlgorithmSchema.options;

/**
 * What the balancers people know can do. Figures are orders of magnitude for
 * teaching, not vendor benchmarks: an L4 pass-through costs microseconds, a
 * managed L7 proxy about a millisecond.
 */
export const PRESETS: Record<Preset, PresetInfo> = {
  custom: {
    title: 'Custom',
    layers: ['L4', 'L7'],
    algorithms: ALL,
    overhead: 0,
    connections: 'L4 picks a server per connection; L7 per request.',
    note: 'Every option; you set the overhead.',
  },
  nginx: {
    title: 'NGINX',
    layers: ['L7', 'L4'],
    algorithms: ['roundRobin', 'weightedRoundRobin', 'leastConnections', 'ipHash', 'consistentHash', 'random', 'powerOfTwoChoices'],
    overhead: 0.00005,
    connections: 'http: ends the client connection and picks per request; stream (L4): per connection.',
    note: 'Reverse proxy; least_time (least response time) needs NGINX Plus.',
  },
  haproxyTcp: {
    title: 'HAProxy (TCP mode)',
    layers: ['L4'],
    algorithms: ['roundRobin', 'weightedRoundRobin', 'leastConnections', 'ipHash', 'consistentHash', 'random'],
    overhead: 0.00002,
    connections: 'Forwards each client connection to one server, picked when it opens.',
    note: 'Sees connections only: no paths, headers or cookies.',
  },
  haproxyHttp: {
    title: 'HAProxy (HTTP mode)',
    layers: ['L7'],
    algorithms: ['roundRobin', 'weightedRoundRobin', 'leastConnections', 'ipHash', 'consistentHash', 'random', 'powerOfTwoChoices'],
    overhead: 0.00005,
    connections: 'Ends the client connection and picks a server per request.',
    note: 'Content routing, cookie stickiness and TLS termination.',
  },
  awsAlb: {
    title: 'AWS ALB',
    layers: ['L7'],
    algorithms: ['roundRobin', 'leastConnections', 'random'],
    overhead: 0.001,
    connections: 'Ends the client connection and picks a target per request.',
    note: 'Managed L7: path and header rules, sticky cookies, TLS; round robin or least outstanding requests.',
  },
  awsNlb: {
    title: 'AWS NLB',
    layers: ['L4'],
    algorithms: ['ipHash'],
    overhead: 0.0001,
    connections: 'Passes each connection (flow) through to one target, picked when it opens.',
    note: 'Managed L4: ultra-low latency, flow hash on the connection; cannot see HTTP.',
  },
  envoy: {
    title: 'Envoy',
    layers: ['L7', 'L4'],
    algorithms: ['roundRobin', 'weightedRoundRobin', 'leastConnections', 'consistentHash', 'random', 'powerOfTwoChoices'],
    overhead: 0.0001,
    connections: 'HTTP: picks per request over pooled upstream connections; TCP proxy (L4): per connection.',
    note: 'Service-mesh sidecar; its least_request is power of two choices.',
  },
};

/** CPU seconds the balancer spends on each request: its own `overhead`, or its preset's typical figure. */
export function balancerOverhead(node: Pick<LoadBalancerNode, 'overhead' | 'preset'>): number {
  return node.overhead ?? PRESETS[node.preset].overhead;
}

/** Why a balancer's settings cannot run as written (empty when they can). */
export function balancerProblems(node: LoadBalancerNode): string[] {
  const preset = PRESETS[node.preset];
  const problems: string[] = [];
  const name = `load balancer "${node.id}"`;
  if (!preset.layers.includes(node.layer)) {
    problems.push(`${name}: ${preset.title} runs at ${preset.layers.join(' or ')}, not ${node.layer}.`);
  }
  if (!preset.algorithms.includes(node.algorithm)) {
    problems.push(`${name}: ${preset.title} does not offer ${node.algorithm}; it offers ${preset.algorithms.join(', ')}.`);
  }
  if (node.layer === 'L4') {
    const why = 'an L4 balancer sees only addresses and ports, not HTTP';
    if (node.routes.length > 0) problems.push(`${name}: path and header routes need L7 (${why}).`);
    if (node.stickySessions) problems.push(`${name}: sticky-session cookies need L7 (${why}); use IP hash for stickiness at L4.`);
    if (node.tlsTermination) problems.push(`${name}: TLS termination needs L7 (${why}).`);
    if (node.hashKey === 'requestKey') problems.push(`${name}: hashing on the request key needs L7 (${why}); at L4 hash the client address.`);
  }
  return problems;
}
