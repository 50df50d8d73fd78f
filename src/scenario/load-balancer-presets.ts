import { type LoadBalancerNode, type LoadBalancingAlgorithm, LoadBalancingAlgorithmSchema } from './schema';

type Preset = LoadBalancerNode['preset'];

export interface PresetInfo {
  title: string;
  /** Layers the product runs at. */
  layers: readonly ('L4' | 'L7')[];
  algorithms: readonly LoadBalancingAlgorithm[];
  /** Typical processing time per request, seconds. */
  overhead: number;
  note: string;
}

const ALL: readonly LoadBalancingAlgorithm[] = LoadBalancingAlgorithmSchema.options;

/**
 * What the balancers people know can do. Figures are orders of magnitude for
 * teaching, not vendor benchmarks: an L4 pass-through costs microseconds, a
 * managed L7 proxy about a millisecond.
 */
export const PRESETS: Record<Preset, PresetInfo> = {
  custom: { title: 'Custom', layers: ['L4', 'L7'], algorithms: ALL, overhead: 0, note: 'Every option; you set the overhead.' },
  nginx: {
    title: 'NGINX',
    layers: ['L7', 'L4'],
    algorithms: ['roundRobin', 'weightedRoundRobin', 'leastConnections', 'ipHash', 'consistentHash', 'random', 'powerOfTwoChoices'],
    overhead: 0.00005,
    note: 'Reverse proxy; least_time (least response time) needs NGINX Plus.',
  },
  haproxyTcp: {
    title: 'HAProxy (TCP mode)',
    layers: ['L4'],
    algorithms: ['roundRobin', 'weightedRoundRobin', 'leastConnections', 'ipHash', 'consistentHash', 'random'],
    overhead: 0.00002,
    note: 'Sees connections only: no paths, headers or cookies.',
  },
  haproxyHttp: {
    title: 'HAProxy (HTTP mode)',
    layers: ['L7'],
    algorithms: ['roundRobin', 'weightedRoundRobin', 'leastConnections', 'ipHash', 'consistentHash', 'random', 'powerOfTwoChoices'],
    overhead: 0.00005,
    note: 'Content routing, cookie stickiness and TLS termination.',
  },
  awsAlb: {
    title: 'AWS ALB',
    layers: ['L7'],
    algorithms: ['roundRobin', 'leastConnections', 'random'],
    overhead: 0.001,
    note: 'Managed L7: path and header rules, sticky cookies, TLS; round robin or least outstanding requests.',
  },
  awsNlb: {
    title: 'AWS NLB',
    layers: ['L4'],
    algorithms: ['ipHash'],
    overhead: 0.0001,
    note: 'Managed L4: ultra-low latency, flow hash on the connection; cannot see HTTP.',
  },
  envoy: {
    title: 'Envoy',
    layers: ['L7', 'L4'],
    algorithms: ['roundRobin', 'weightedRoundRobin', 'leastConnections', 'consistentHash', 'random', 'powerOfTwoChoices'],
    overhead: 0.0001,
    note: 'Service-mesh sidecar; its least_request is power of two choices.',
  },
};

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
