import { z } from 'zod';
import { CacheNodeSchema, CdnNodeSchema } from './cache-schema';
import { ServerResourcesSchema } from './resources-schema';
import { ParallelJobNodeSchema } from './parallel-job-schema';
import { CallPolicySchema } from './call-schema';
import { GatewayNodeSchema } from './gateway-schema';
import { LoadBalancerNodeSchema } from './balancer-schema';
import { nodeFields } from './node-fields';
import { AutoscalingSchema, ConnectionPolicySchema, MeshSchema } from './elastic-schema';
import { RegistryNodeSchema } from './registry-schema';
import { PoolerNodeSchema } from './pooler-schema';

export type { CacheNode, CdnNode } from './cache-schema';
export type { ParallelJobNode } from './parallel-job-schema';
export type { BreakerPolicy, CallPolicy, RetryBudget } from './call-schema';
export type { GatewayNode } from './gateway-schema';
export {
  ActiveHealthCheckSchema,
  type HealthCheck,
  HealthCheckSchema,
  type L7Route,
  L7RouteSchema,
  LOAD_BALANCER_PRESETS,
  LoadBalancerNodeSchema,
  type LoadBalancingAlgorithm,
  LoadBalancingAlgorithmSchema,
  PassiveHealthCheckSchema,
} from './balancer-schema';
export type { Autoscaling, ConnectionPolicy, ConnectionPool, Mesh, ScalingPolicy } from './elastic-schema';
export type { DiscoveryMode, RegistryNode } from './registry-schema';
export type { PoolerNode } from './pooler-schema';

/** The scenario format version this build writes; older versions are migrated on load. */
export const SCENARIO_VERSION = 4;

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

/** The mean of a distribution, seconds. */
export function distributionMean(d: Distribution): number {
  switch (d.type) {
    case 'exponential':
    case 'lognormal':
      return d.mean;
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
  }
}

export const WorkloadSchema = z.discriminatedUnion('mode', [
  /** Open loop: Poisson arrivals at `rate` requests per second. */
  z.object({ mode: z.literal('open'), rate: positive }),
  /** Closed loop: `users` each think for `thinkTime`, send, and wait for the answer. */
  z
    .object({ mode: z.literal('closed'), users: z.number().int().positive().max(1_000_000), thinkTime: DistributionSchema })
    // With no think time, a user whose answer is instant (no route, no latency) would send again
    // at the same instant forever and simulated time would never advance.
    .refine((w) => distributionMean(w.thinkTime) > 0, {
      message: 'think time must average more than 0 s; a user who never thinks can loop forever at one instant',
      path: ['thinkTime'],
    }),
]);
export type Workload = z.infer<typeof WorkloadSchema>;

export const RetryPolicySchema = z.object({
  /** Extra attempts after a failure (queue full or timeout). */
  count: z.number().int().min(0).max(10),
  /** Base backoff in seconds; attempt k waits backoff × 2^(k-1). */
  backoff: nonNegative,
  /** Full jitter: wait a uniform fraction of the backoff. */
  jitter: z.boolean(),
  /** A 429 is retried after the wait its Retry-After asks for (at least), not the backoff alone. */
  honourRetryAfter: z.boolean().default(false),
});
export type RetryPolicy = z.infer<typeof RetryPolicySchema>;

/** Which items of the catalogue requests ask for. */
export const PopularitySchema = z.discriminatedUnion('type', [
  /** Rank k (from 1) is asked for with probability ∝ 1/k^alpha. */
  z.object({ type: z.literal('zipf'), alpha: z.number().finite().min(0).max(5) }),
  z.object({ type: z.literal('uniform') }),
  /** Items 0, 1, 2, … in order, round and round: the worst case for LRU. */
  z.object({ type: z.literal('scan') }),
]);

export const CatalogueSchema = z.object({
  /** Number of distinct items (keys) requests can ask for. */
  items: z.number().int().min(1).max(10_000_000),
  popularity: PopularitySchema,
});
export type Catalogue = z.infer<typeof CatalogueSchema>;

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

/** One kind of request in a client's mix, e.g. 70% `GET /api/items`. */
export const RequestTypeSchema = z.object({
  method: z.enum(HTTP_METHODS),
  path: z.string().startsWith('/', 'a path starts with "/"').max(200),
  /** Relative share of this request type in the mix. */
  weight: positive,
  headers: z.record(z.string().max(64), z.string().max(200)).default({}),
});
export type RequestType = z.infer<typeof RequestTypeSchema>;

/** A client's connections: each user (a closed-loop user, or an open-loop address) keeps one open at a time. */
export const ConnectionsSchema = z.object({
  /** Mean requests a connection carries: each request is its last with probability 1/this (1: a connection per request). */
  requestsPerConnection: z.number().finite().min(1).max(1_000_000).default(1),
  /** Seconds after which a connection closes following its next request (as NGINX's keepalive_time); null: no limit. */
  lifetime: positive.nullable().default(null),
});
export type Connections = z.infer<typeof ConnectionsSchema>;

export const ClientNodeSchema = z.object({
  ...nodeFields,
  kind: z.literal('client'),
  workload: WorkloadSchema,
  /** Seconds before the client gives up on an attempt; null waits forever. */
  timeout: positive.nullable().default(null),
  retries: RetryPolicySchema.default({ count: 0, backoff: 0.1, jitter: true, honourRetryAfter: false }),
  /** Fraction of requests that are writes (databases serve them with writeTime). */
  writeRatio: z.number().min(0).max(1).default(0),
  /** Distinct client addresses the requests come from (IP hash and consistent hashing key on them). */
  addresses: z.number().int().min(1).max(1_000_000).default(1000),
  /** The items requests ask for (caches key on them). */
  catalogue: CatalogueSchema.default({ items: 1000, popularity: { type: 'uniform' } }),
  /** Method, path and headers of the requests; POST, PUT and DELETE count as writes. */
  mix: z.array(RequestTypeSchema).min(1).max(20).default([{ method: 'GET', path: '/api/items', weight: 1, headers: {} }]),
  /** Requests arrive over TLS: whoever terminates it pays its CPU cost. */
  https: z.boolean().default(false),
  /** How long each user keeps a connection open; an L4 balancer picks a target per connection. */
  connections: ConnectionsSchema.default({ requestsPerConnection: 1, lifetime: null }),
  /** Share of requests that carry no or invalid credentials (a gateway that authenticates answers them 401). */
  invalidCredentials: z.number().min(0).max(1).default(0),
});

const stationFields = {
  /** Requests served at once. */
  workers: z.number().int().min(1).max(4096),
  /** Waiting room; a request that finds it full is dropped. null is unbounded. */
  queueCapacity: z.number().int().min(0).max(10_000_000).nullable().default(null),
};

/** How long a machine keeps a session, and how many it holds (servers with in-memory sessions, session stores). */
const sessionTableFields = {
  /** Seconds a session lives after its last use; null: until a crash. */
  sessionLifetime: positive.nullable().default(1800),
  /** Most sessions one machine holds; past it the least recently used is evicted. */
  sessionCapacity: z.number().int().min(1).max(10_000_000).default(100_000),
};

export const ServerNodeSchema = z.object({
  ...nodeFields,
  kind: z.literal('server'),
  ...stationFields,
  serviceTime: DistributionSchema,
  /** CPU seconds to decrypt a request that arrives still encrypted (TLS not terminated upstream). */
  tlsCost: nonNegative.default(0.0005),
  /**
   * Where user sessions live: nowhere (stateless), in this server's memory
   * (lost if it crashes; a user sent elsewhere must log in again), or in a
   * session store this server links to (any server can serve any user).
   */
  sessions: z.enum(['stateless', 'inMemory', 'externalStore']).default('stateless'),
  /** Extra CPU seconds to log a user in (first visit, or again after losing the session). */
  loginCost: nonNegative.default(0.01),
  /** Scale out: identical machines behind this node, each with its own workers and queue. */
  replicas: z.number().int().min(1).max(64).default(1),
  /** Scale up: per-core speed relative to the baseline; service times are divided by it. */
  speed: z.number().finite().min(0.1).max(10).default(1),
  /** What one replica costs to run, per hour. */
  costPerHour: nonNegative.default(0.1),
  /** The machine's CPU, memory, disk and network as queueing resources (absent: the workers are the whole machine). */
  resources: ServerResourcesSchema.optional(),
  ...sessionTableFields,
  /** Scale out and in with the load, between min and max instances (`replicas` run at the start); null: a fixed group. */
  autoscaling: AutoscalingSchema.nullable().default(null),
  /** A service-mesh sidecar beside each instance: calls between two services with sidecars take the mesh's policy and costs. */
  sidecar: z.boolean().default(false),
});

/** A Redis-like store that keeps sessions outside the servers. */
export const SessionStoreNodeSchema = z.object({
  ...nodeFields,
  kind: z.literal('sessionStore'),
  ...stationFields,
  serviceTime: DistributionSchema,
  ...sessionTableFields,
});

export const DatabaseNodeSchema = z.object({
  ...nodeFields,
  kind: z.literal('database'),
  ...stationFields,
  readTime: DistributionSchema,
  writeTime: DistributionSchema,
  /** Sharding by key: items are split by a hash of their key over this many shards, each its own machine (workers, queue). */
  shards: z.number().int().min(1).max(64).default(1),
  /** Read replicas per shard: reads go to them in turn, writes to the shard's primary, which ships each write to them. */
  readReplicas: z.number().int().min(0).max(16).default(0),
  /** Replication lag: how long a committed write takes to reach a read replica (each replica draws its own). */
  replicationLag: DistributionSchema.default({ type: 'exponential', mean: 0.1 }),
  /** Connections the database accepts at once, from all callers together; a new one beyond it is refused. null: no limit. */
  maxConnections: z.number().int().min(1).max(100_000).nullable().default(null),
});

/**
 * A message queue: a producer's request is acknowledged once the message is
 * stored; the servers it links to consume the backlog, each holding at most
 * `prefetch` unacknowledged messages (format version 3).
 */
export const MessageQueueNodeSchema = z.object({
  ...nodeFields,
  kind: z.literal('messageQueue'),
  /** Seconds to store a message before the producer is acknowledged. */
  ackLatency: nonNegative.default(0.002),
  /** Messages the backlog holds; a new one beyond it is refused with "backlog full". null is unbounded. */
  capacity: z.number().int().min(1).max(10_000_000).nullable().default(10_000),
  /** Unacknowledged messages each consumer may hold at once. */
  prefetch: z.number().int().min(1).max(4096).default(1),
  /** Seconds a delivered message stays hidden; unacknowledged by then, it is delivered again. */
  visibilityTimeout: positive.default(30),
  /** Failed deliveries (error, crash or timeout) after which a message goes to the dead letters. */
  maxDeliveries: z.number().int().min(1).max(100).default(5),
  /** Messages that waited longer than this many seconds are dropped, not delivered; null keeps them. */
  maxAge: positive.nullable().default(null),
});
export type MessageQueueNode = z.infer<typeof MessageQueueNodeSchema>;

/** A pub/sub topic: each published message is acknowledged and sent to every node it links to (format version 3). */
export const TopicNodeSchema = z.object({
  ...nodeFields,
  kind: z.literal('topic'),
  /** Seconds to store a message before the publisher is acknowledged. */
  ackLatency: nonNegative.default(0.001),
});
export type TopicNode = z.infer<typeof TopicNodeSchema>;

export const NodeSchema = z.discriminatedUnion('kind', [
  ClientNodeSchema,
  LoadBalancerNodeSchema,
  ServerNodeSchema,
  DatabaseNodeSchema,
  SessionStoreNodeSchema,
  CacheNodeSchema,
  CdnNodeSchema,
  MessageQueueNodeSchema,
  TopicNodeSchema,
  ParallelJobNodeSchema,
  GatewayNodeSchema,
  RegistryNodeSchema,
  PoolerNodeSchema,
]);
export type ScenarioNode = z.infer<typeof NodeSchema>;
export type NodeKind = ScenarioNode['kind'];
export type ClientNode = z.infer<typeof ClientNodeSchema>;
export type LoadBalancerNode = z.infer<typeof LoadBalancerNodeSchema>;
export type ServerNode = z.infer<typeof ServerNodeSchema>;
export type DatabaseNode = z.infer<typeof DatabaseNodeSchema>;
export type SessionStoreNode = z.infer<typeof SessionStoreNodeSchema>;

export const LinkSchema = z.object({
  id: z.string().min(1).max(64),
  from: z.string().min(1),
  to: z.string().min(1),
  /** One-way network latency in seconds. */
  latency: nonNegative.default(0.001),
  /** Share of traffic when a non-balancing node has several outgoing links. */
  weight: positive.default(1),
  /** How the sender calls the far end: timeout, retries, budget, breaker, bulkhead (call-schema.ts); absent: a plain hop. */
  call: CallPolicySchema.optional(),
  /** What a call needs first: a new connection (a handshake) or one from the caller's pool; absent: connections are free. */
  connection: ConnectionPolicySchema.optional(),
});
export type Link = z.infer<typeof LinkSchema>;

export const FaultActionSchema = z.enum(['crash', 'restart', 'slow', 'recover', 'flush']);
export type FaultAction = z.infer<typeof FaultActionSchema>;

/** Something that happens to a node at a simulated time (which kinds take which faults: KIND_TRAITS[kind].faults). */
export const FaultSchema = z.object({
  at: nonNegative,
  node: z.string().min(1),
  /** crash: drop everything and refuse requests (a cache: lose its contents, requests bypass it); restart: come back empty; slow: service time × factor; recover: normal speed; flush: a cache or CDN drops its entries. */
  action: FaultActionSchema,
  factor: z.number().finite().min(1).max(1000).default(1),
  /** A server's replica (1 to its `replicas`) the fault hits alone; absent: the whole node. */
  replica: z.number().int().min(1).max(64).optional(),
});
export type Fault = z.infer<typeof FaultSchema>;

/**
 * An edit made while the run went, recorded as faults are: from simulated
 * second `at` on, the system is this graph (every node and link, as after
 * the edit). The engine applies it after every event due at or before `at`.
 */
export const GraphChangeSchema = z.object({
  at: nonNegative,
  nodes: z.array(NodeSchema),
  links: z.array(LinkSchema),
});
export type GraphChange = z.infer<typeof GraphChangeSchema>;

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
  faults: z.array(FaultSchema).default([]),
  /** Live edits, in time order (format version 2). */
  changes: z.array(GraphChangeSchema).default([]),
  /** The service mesh's sidecar costs and policy, for servers with `sidecar` (format version 4); null: no mesh. */
  mesh: MeshSchema.nullable().default(null),
});
/** A validated scenario with every default filled in. */
export type Scenario = z.infer<typeof ScenarioSchema>;
/** What a scenario file may contain before defaults are applied. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
