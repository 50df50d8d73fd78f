import { z } from 'zod';

/** The scenario format version this build writes; older versions are migrated on load. */
export const SCENARIO_VERSION = 1;

/** Size limits, checked before schema validation so a huge file is refused fast. */
export const SCENARIO_LIMITS = { maxNodes: 1000, maxLinks: 5000, maxHopLimit: 64 } as const;

const nonNegative = z.number().finite().nonnegative();
const positive = z.number().finite().positive();

/** A random duration in seconds. */
export const DistributionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('exponential'), mean: positive }),
  z.object({ type: z.literal('constant'), value: nonNegative }),
  z
    .object({ type: z.literal('uniform'), min: nonNegative, max: nonNegative })
    .refine((d) => d.min <= d.max, { message: 'min must not exceed max', path: ['min'] }),
  z.object({ type: z.literal('lognormal'), mean: positive, cv: positive }),
]);
export type Distribution = z.infer<typeof DistributionSchema>;

const PositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

const nodeBase = {
  id: z.string().min(1, 'id must not be empty').max(64),
  label: z.string().max(80).optional(),
  position: PositionSchema.default({ x: 0, y: 0 }),
};

export const WorkloadSchema = z.discriminatedUnion('mode', [
  /** Open loop: Poisson arrivals at `rate` requests per second. */
  z.object({ mode: z.literal('open'), rate: positive }),
  /** Closed loop: `users` each think for `thinkTime`, send, and wait for the answer. */
  z.object({ mode: z.literal('closed'), users: z.number().int().positive().max(1_000_000), thinkTime: DistributionSchema }),
]);
export type Workload = z.infer<typeof WorkloadSchema>;

export const RetryPolicySchema = z.object({
  /** Extra attempts after a failure (queue full or timeout). */
  count: z.number().int().min(0).max(10),
  /** Base backoff in seconds; attempt k waits backoff × 2^(k-1). */
  backoff: nonNegative,
  /** Full jitter: wait a uniform fraction of the backoff. */
  jitter: z.boolean(),
});
export type RetryPolicy = z.infer<typeof RetryPolicySchema>;

export const ClientNodeSchema = z.object({
  ...nodeBase,
  kind: z.literal('client'),
  workload: WorkloadSchema,
  /** Seconds before the client gives up on an attempt; null waits forever. */
  timeout: positive.nullable().default(null),
  retries: RetryPolicySchema.default({ count: 0, backoff: 0.1, jitter: true }),
  /** Fraction of requests that are writes (databases serve them with writeTime). */
  writeRatio: z.number().min(0).max(1).default(0),
});

export const LoadBalancingAlgorithmSchema = z.enum(['roundRobin']);
export type LoadBalancingAlgorithm = z.infer<typeof LoadBalancingAlgorithmSchema>;

export const LoadBalancerNodeSchema = z.object({
  ...nodeBase,
  kind: z.literal('loadBalancer'),
  algorithm: LoadBalancingAlgorithmSchema.default('roundRobin'),
});

const stationFields = {
  /** Requests served at once. */
  workers: z.number().int().min(1).max(4096),
  /** Waiting room; a request that finds it full is dropped. null is unbounded. */
  queueCapacity: z.number().int().min(0).max(10_000_000).nullable().default(null),
};

export const ServerNodeSchema = z.object({
  ...nodeBase,
  kind: z.literal('server'),
  ...stationFields,
  serviceTime: DistributionSchema,
});

export const DatabaseNodeSchema = z.object({
  ...nodeBase,
  kind: z.literal('database'),
  ...stationFields,
  readTime: DistributionSchema,
  writeTime: DistributionSchema,
});

export const NodeSchema = z.discriminatedUnion('kind', [
  ClientNodeSchema,
  LoadBalancerNodeSchema,
  ServerNodeSchema,
  DatabaseNodeSchema,
]);
export type ScenarioNode = z.infer<typeof NodeSchema>;
export type NodeKind = ScenarioNode['kind'];
export type ClientNode = z.infer<typeof ClientNodeSchema>;
export type LoadBalancerNode = z.infer<typeof LoadBalancerNodeSchema>;
export type ServerNode = z.infer<typeof ServerNodeSchema>;
export type DatabaseNode = z.infer<typeof DatabaseNodeSchema>;

/** Every node kind the engine simulates, in palette order. */
export const NODE_KINDS = ['client', 'loadBalancer', 'server', 'database'] as const satisfies readonly NodeKind[];

export const LinkSchema = z.object({
  id: z.string().min(1).max(64),
  from: z.string().min(1),
  to: z.string().min(1),
  /** One-way network latency in seconds. */
  latency: nonNegative.default(0.001),
  /** Share of traffic when a non-balancing node has several outgoing links. */
  weight: positive.default(1),
});
export type Link = z.infer<typeof LinkSchema>;

export const ScenarioSchema = z.object({
  version: z.literal(SCENARIO_VERSION),
  name: z.string().max(120).default('Untitled scenario'),
  description: z.string().max(4000).optional(),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  /** Simulated seconds to run. */
  duration: positive.default(60),
  /** Simulated seconds discarded before latency, throughput and utilization are measured. */
  warmup: nonNegative.default(0),
  /** A request that crosses more links than this fails with the reason "hop limit". */
  hopLimit: z.number().int().min(1).max(SCENARIO_LIMITS.maxHopLimit).default(16),
  nodes: z.array(NodeSchema),
  links: z.array(LinkSchema),
});
/** A validated scenario with every default filled in. */
export type Scenario = z.infer<typeof ScenarioSchema>;
/** What a scenario file may contain before defaults are applied. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
