import { z } from 'zod';
import { nodeFields } from './node-fields';

/*
 * A load balancer (`loadBalancer` node): its algorithms, health checks, L7
 * routes and the presets people know. Apart from schema.ts, which imports
 * it into NodeSchema and re-exports it.
 */

const nonNegative = z.number().finite().nonnegative();
const positive = z.number().finite().positive();

export const LoadBalancingAlgorithmSchema = z.enum([
  'roundRobin',
  'weightedRoundRobin',
  'leastConnections',
  'leastResponseTime',
  'ipHash',
  'consistentHash',
  'random',
  'powerOfTwoChoices',
]);
export type LoadBalancingAlgorithm = z.infer<typeof LoadBalancingAlgorithmSchema>;

export const ActiveHealthCheckSchema = z.object({
  /** Seconds between probes to each target. */
  interval: positive,
  /** Seconds a probe may take before it counts as failed. */
  timeout: positive,
  /** Consecutive successful probes that bring a target back. */
  healthyThreshold: z.number().int().min(1).max(100),
  /** Consecutive failed probes that take a target out. */
  unhealthyThreshold: z.number().int().min(1).max(100),
});

export const PassiveHealthCheckSchema = z.object({
  /** Consecutive failed responses from a target that eject it. */
  consecutiveFailures: z.number().int().min(1).max(1000),
  /** Seconds an ejected target stays out before it is tried again. */
  cooloff: positive,
});

export const HealthCheckSchema = z.object({
  active: ActiveHealthCheckSchema.nullable().default(null),
  passive: PassiveHealthCheckSchema.nullable().default(null),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

export const LOAD_BALANCER_PRESETS = ['custom', 'nginx', 'haproxyTcp', 'haproxyHttp', 'awsAlb', 'awsNlb', 'envoy'] as const;

/** An L7 rule: requests whose path starts with `pathPrefix` (and carry `header`, if set) go to `targets`. */
export const L7RouteSchema = z.object({
  pathPrefix: z.string().startsWith('/', 'a path prefix starts with "/"').max(200).default('/'),
  header: z.object({ name: z.string().min(1).max(64), value: z.string().max(200) }).nullable().default(null),
  /** Node ids of this balancer's targets that serve the matching requests. */
  targets: z.array(z.string().min(1)).min(1),
  /** Request modification: replace the matched prefix with this one before sending on (e.g. "/api/v2" → "/api"). */
  rewritePrefix: z.string().startsWith('/', 'a path prefix starts with "/"').max(200).nullable().default(null),
});
export type L7Route = z.infer<typeof L7RouteSchema>;

export const LoadBalancerNodeSchema = z.object({
  ...nodeFields,
  kind: z.literal('loadBalancer'),
  /** A balancer people know: sets the layer, the algorithms on offer and the per-request overhead. */
  preset: z.enum(LOAD_BALANCER_PRESETS).default('custom'),
  /** L4 sees addresses and ports only; L7 sees methods, paths, headers and cookies. */
  layer: z.enum(['L4', 'L7']).default('L7'),
  algorithm: LoadBalancingAlgorithmSchema.default('roundRobin'),
  /** CPU seconds the balancer spends on each request (0: it adds no delay); null: the preset's typical figure. */
  overhead: nonNegative.nullable().default(null),
  /** Cores the balancer's work runs on when it has an overhead or terminates TLS. */
  workers: z.number().int().min(1).max(256).default(4),
  /** L7: decrypt here, so the servers behind do not pay for TLS. */
  tlsTermination: z.boolean().default(false),
  /** CPU seconds to terminate TLS for one request. */
  tlsCost: nonNegative.default(0.0005),
  /** L7: a cookie pins each user to the server that first answered them. */
  stickySessions: z.boolean().default(false),
  /** L7: content-based routing, first match wins; unmatched requests go to the targets no rule names. */
  routes: z.array(L7RouteSchema).max(20).default([]),
  /** Points per target on the consistent-hash ring: more points, more even shares. */
  virtualNodes: z.number().int().min(1).max(1000).default(100),
  /**
   * What consistent hashing places on the ring: the client's address (each
   * user keeps a server) or, at L7, the request's key (each catalogue item
   * keeps a server: the shards of a cache or store).
   */
  hashKey: z.enum(['address', 'requestKey']).default('address'),
  healthCheck: HealthCheckSchema.default({ active: null, passive: null }),
});
