/** Public shapes of the engine, shared by the worker, the UI, the CLI and tests; how a run is driven is in run-api.ts. */

import type { NodeKind } from '../scenario/schema';
import type { CacheReport, CdnReport } from './caching/report';
import type { DatabaseFigures } from './data-tier/database-figures';
import type { GatewayFigures, GatewayWindow } from './gateway/figures';
import type { LiveReplica, ReplicaFigures } from './components/replica-figures';
import type { ParallelJobReport } from './parallel/parallel-report';
import type { FailureReason } from './outcomes';
import type { SystemTheory } from './queueing-theory';
import type { QueueFigures, QueueLive, TopicFigures } from './messaging/figures';
import type { LiveResources, ResourcesReport } from './resources/resources-report';
import type { CallFigures, LiveCall } from './resilience/call-figures';
import type { MeshReport, SidecarFigures } from './mesh/mesh-figures';
import type { RegistryFigures } from './discovery/figures';
import type { ConnectionFigures, InboundConnections } from './connections/connection-figures';
import type { PoolerFigures, PoolerWindow } from './connections/pooler-figures';
import type { InstanceFigures, LiveInstances, WindowInstances } from './elastic/instance-report';

export type { CacheReport, CdnEdgeReport, CdnReport, RankBucket } from './caching/report';
export type { NodeTheory, QueueModel, SystemTheory } from './queueing-theory';
export type { QueueFigures, QueueLive, TopicFigures } from './messaging/figures';
export type { LiveResources, ResourceFigures, ResourceName, ResourcesReport } from './resources/resources-report';
export type { BreakerChange, BreakerState, CallFigures, LiveCall } from './resilience/call-figures';
export type { DatabaseFigures, ShardFigures } from './data-tier/database-figures';
export type { GatewayFigures, GatewayWindow, LimiterFigures } from './gateway/figures';
export type { LiveReplica, ReplicaFigures } from './components/replica-figures';
export type { MeshLinkFigures, MeshReport, SidecarFigures } from './mesh/mesh-figures';
export type { ParallelJobReport } from './parallel/parallel-report';
export type { DiscoveryCacheFigures, RegistrationCause, RegistrationChange, RegistryFigures } from './discovery/figures';
export type { InstanceChange, InstanceFigures, LiveInstances, WindowInstances } from './elastic/instance-report';
export type { RunLayout, Simulation, SimulationOptions, TraceSink } from './run-api';
export { FAILURE_REASONS, type FailureReason, failureReasonOf, Outcome, type OutcomeCode } from './outcomes';

/** Latency summary in seconds, from a log-bucketed histogram (3 significant digits). */
export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

export interface TotalsReport {
  /** Attempts sent by all clients, retries included (whole run). */
  sent: number;
  completed: number;
  /** All failed attempts; failures breaks them down by reason. */
  failed: number;
  failures: Record<FailureReason, number>;
  inFlight: number;
  retries: number;
  /** Completed per second over the measured window (after warm-up). */
  throughput: number;
  /** End-to-end latency of completed attempts, measured at the clients after warm-up. */
  latency: LatencySummary;
  /** What the system costs to run per hour (servers' replicas × their cost; a scaling group's mean running instances). */
  costPerHour?: number;
  /** Runs with a scaling group: what the simulated run cost, dollars (instance-seconds × cost per hour / 3600, every server). */
  cost?: number;
  /**
   * Users who logged in, had to log in again (their session was elsewhere or gone), and sessions lost in
   * crashes; `expired` (idle past their lifetime) and `evicted` (a full table) are optional for older reports.
   */
  sessions: SessionCounts;
}

/** The run's session counts (TotalsReport.sessions). */
export interface SessionCounts {
  logins: number;
  relogins: number;
  lost: number;
  expired?: number;
  evicted?: number;
}

/** The figures every node reports; the ones only some kinds have are optional here and required on their kind's variant. */
export interface NodeReportBase {
  id: string;
  kind: NodeKind;
  label: string;
  /** Requests that reached the node (whole run). */
  arrivals: number;
  /** Requests the node finished serving or forwarded (whole run). */
  served: number;
  /** Requests refused because the queue was full (whole run). */
  dropped: number;
  /** Served per second over the measured window (after warm-up). */
  throughput: number;
  /** Busy workers / workers, time-averaged over the measured window (0 for nodes without workers). */
  utilization: number;
  /** Time-averaged number waiting in the queue. */
  meanQueueLength: number;
  /** Time-averaged number in the node (waiting + in service). */
  meanInSystem: number;
  /** Share of measured arrivals that had to wait for a worker. */
  waitProbability: number;
  /** Mean queue wait of measured requests, seconds. */
  meanWait: number;
  /** Queue wait + service of measured requests. */
  latency: LatencySummary;
  /** Requests in the node now. */
  inSystem: number;
  /** Requests refused because the node was down (crashed). */
  refused?: number;
  /** Requests waiting or in service when the node crashed. */
  lost?: number;
  /** Load balancers: each target's share and state. */
  targets?: TargetFigures[];
  /** Servers: identical machines behind the node. */
  replicas?: number;
  /** What the node costs to run per hour (all replicas). */
  costPerHour?: number;
  /** Servers and session stores: sessions held now, and lost in crashes. */
  sessions?: { held: number; lost: number };
  /** Load balancers: health probes sent. */
  probesSent?: number;
  /** Load balancers: every time a target left or rejoined the pool. */
  healthTimeline?: HealthChange[];
  /** Caches, and a CDN's edges together: hits, misses, staleness, lost writes, theory. */
  cache?: CacheReport;
  /** Set when a live edit replaced or removed this node: the simulated second it stopped taking new work. */
  retiredAt?: number;
  /** CDNs: origin offload and edge compute. */
  cdn?: CdnReport;
  /** Message queues: backlog, deliveries, duplicates, dead letters, latencies. */
  messaging?: QueueFigures;
  /** Topics: messages published and the copies sent to subscribers. */
  topic?: TopicFigures;
  /** Servers with a `resources` block: each resource's operational figures. */
  resources?: ResourcesReport;
  /** Servers, databases and session stores: each machine (replica) on its own. */
  perReplica?: ReplicaFigures[];
  /** Parallel jobs: the fork-join's measured speedup against its closed forms. */
  parallel?: ParallelJobReport;
  /** Clients and servers: the calls of each outgoing link that has a call policy. */
  calls?: CallFigures[];
  /** Databases: shards, read replicas, stale reads and per-shard load. */
  database?: DatabaseFigures;
  /** Gateways: admitted, throttled, 401s, routes and the rate limit per key. */
  gateway?: GatewayFigures;
  /** Servers with a sidecar in a mesh: requests through it, its CPU and what that costs. */
  sidecar?: SidecarFigures;
  /** Service registries: the list, each cached copy of it, and the calls sent to instances that had left. */
  registry?: RegistryFigures;
  /** Servers with `autoscaling`: the group's instances over the run, instance-seconds and cost. */
  instances?: InstanceFigures;
  /** Callers: each outgoing link with a `connection` policy (handshakes, pool wait, refusals). */
  connections?: ConnectionFigures[];
  /** Nodes connections go to (databases, poolers): open now, peak, refused past the limit. */
  inboundConnections?: InboundConnections;
  /** Connection poolers: client and server connections, the wait for one, timeouts. */
  pooler?: PoolerFigures;
}

/**
 * What each kind adds to the common figures. Typed by `NodeKind`: a kind
 * added to the schema fails the type-check here until it says what it reports.
 */
interface KindFigures {
  client: object;
  loadBalancer: Required<Pick<NodeReportBase, 'targets' | 'probesSent' | 'healthTimeline'>>;
  server: Required<Pick<NodeReportBase, 'replicas' | 'sessions' | 'perReplica'>>;
  database: Required<Pick<NodeReportBase, 'replicas' | 'sessions' | 'perReplica'>>;
  sessionStore: Required<Pick<NodeReportBase, 'replicas' | 'sessions' | 'perReplica'>>;
  cache: Required<Pick<NodeReportBase, 'cache'>>;
  cdn: Required<Pick<NodeReportBase, 'cache' | 'cdn'>>;
  messageQueue: Required<Pick<NodeReportBase, 'messaging'>>;
  topic: Required<Pick<NodeReportBase, 'topic'>>;
  // `parallel` stays optional: the queueing station's shared report has none until the job adds it.
  parallelJob: Required<Pick<NodeReportBase, 'replicas' | 'sessions'>>;
  gateway: Required<Pick<NodeReportBase, 'gateway'>>;
  registry: Required<Pick<NodeReportBase, 'registry'>>;
  pooler: Required<Pick<NodeReportBase, 'pooler'>>;
}
type EveryKind<T extends { [K in NodeKind]: object }> = T;

/** One node's report, discriminated on `kind`: narrowing on the kind makes its own figures required. */
export type NodeReport = { [K in NodeKind]: Omit<NodeReportBase, 'kind'> & { kind: K } & EveryKind<KindFigures>[K] }[NodeKind];

/** The report of a node of kind `K`. */
export type NodeReportOf<K extends NodeKind> = Extract<NodeReport, { kind: K }>;

export interface HealthChange {
  time: number;
  /** Target node id. */
  target: string;
  eligible: boolean;
  out: '' | 'probes' | 'ejected' | 'notServing';
}

/** One load-balancer target as the balancer sees it. */
export interface TargetFigures {
  id: string;
  link: string;
  routed: number;
  share: number;
  open: number;
  eligible: boolean;
  /** Why it is out of the pool: '' (in), 'probes' (active check failed), 'ejected' (passive check), 'notServing' (its scaling group's instance is starting, draining or off). */
  out: '' | 'probes' | 'ejected' | 'notServing';
}

export interface Report {
  scenario: string;
  seed: number;
  duration: number;
  warmup: number;
  simulatedTime: number;
  events: number;
  totals: TotalsReport;
  nodes: NodeReport[];
  /** What queueing theory predicts, when a closed form applies to the whole run (queueing-theory.ts); null otherwise. The engine always fills it. */
  theory?: SystemTheory | null;
  /** The service mesh's sidecars and their cost, when the scenario has a mesh. */
  mesh?: MeshReport | null;
}

/** A closed metrics window (for charts), totals over [start, end). */
export interface WindowSample {
  start: number;
  end: number;
  completed: number;
  failed: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  /** Per node, in scenario order. */
  nodes: WindowNodeSample[];
}

export interface WindowNodeSample {
  /** Busy workers / workers, time-averaged over the window's span. */
  utilization: number;
  /** Time-averaged queue length over the window's span. */
  queueLength: number;
  /** p99 of queue wait + service for requests served in the window, seconds (0 if none). */
  p99: number;
  /** Requests served or forwarded during the window's span. */
  served: number;
  /** Requests dropped (queue full) during the window's span. */
  dropped: number;
  /** Caches and CDNs: hit ratio of the reads in the window (null when there were none). */
  hitRatio?: number | null;
  /** CDNs: the same, per edge location, in the order of the scenario's edges. */
  edgeHitRatios?: (number | null)[];
  /** Message queues: messages waiting at the window's end. */
  backlog?: number;
  /** Message queues: seconds the oldest waiting message had waited at the window's end. */
  oldestAge?: number;
  /** Gateways: admitted and throttled per rate-limit key, bucket levels, 401s. */
  gateway?: GatewayWindow;
  /** Service registries: calls sent in the window to an instance the registry no longer listed. */
  staleCalls?: number;
  /** Servers with `autoscaling`: mean instances serving, starting and running over the window. */
  instances?: WindowInstances;
  /** Connection poolers: server connections in use, the wait for one, client connections. */
  pooler?: PoolerWindow;
}

/** Cheap live figures, for the canvas and the totals table while running. */
export interface LiveSnapshot {
  now: number;
  events: number;
  sent: number;
  completed: number;
  failed: number;
  failures: Record<FailureReason, number>;
  inFlight: number;
  retries: number;
  /** Logins, re-logins and sessions lost so far (the engine always fills it). */
  sessions?: SessionCounts;
  /** Per node, in scenario order. */
  nodes: LiveNode[];
  /** The whole run so far, after warm-up: the same figures the report gives at the end. Null during warm-up; the engine always fills it. */
  measured?: MeasuredFigures | null;
  /** What queueing theory predicts for this run, or null (no closed form, or a fault or live edit changed the system). */
  theory?: SystemTheory | null;
}

/** Whole-run figures since measurement began (end of warm-up), cheap enough for every live frame. */
export interface MeasuredFigures {
  /** Simulated second measurement began. */
  from: number;
  /** Completed per second since then. */
  throughput: number;
  /** End-to-end latency of attempts completed since then, seconds. */
  latency: Pick<LatencySummary, 'count' | 'mean' | 'p50' | 'p95' | 'p99'>;
}

export interface LiveNode {
  /** Nodes with workers: busy workers / workers, time-averaged since measurement began (the report's utilization so far). */
  utilization?: number;
  busy: number;
  queueLength: number;
  inSystem: number;
  workers: number;
  /** Nodes that take faults (KIND_TRAITS[kind].faults): crashed and not yet restarted. */
  down?: boolean;
  /** Nodes that take faults: service-time multiplier of a slow-down fault (1 = normal). */
  slowFactor?: number;
  /** Load balancers: each target's share and state. */
  targets?: TargetFigures[];
  /** Caches and CDNs: hit ratio since measurement began. */
  hitRatio?: number;
  /** Caches: the report's cache figures so far (no theory: that comes with the report). */
  cache?: CacheReport;
  /** CDNs: offload, bytes and edges so far. */
  cdn?: CdnReport;
  /** Message queues: backlog, oldest age, dead letters and duplicates now. */
  messaging?: QueueLive;
  /** Topics: what was published and how the copies fared so far. */
  topic?: TopicFigures;
  /** Servers with a `resources` block: each resource's utilization so far. */
  resources?: LiveResources;
  /** Replicated nodes: each machine (absent for one machine). */
  perReplica?: LiveReplica[];
  /** Replicated nodes: how many machines are down now. */
  replicasDown?: number;
  /** Clients and servers: each outgoing call link's breaker state and calls in progress. */
  calls?: LiveCall[];
  /** Databases: stale reads and per-shard load so far. */
  database?: DatabaseFigures;
  /** Gateways: the report's gateway figures so far. */
  gateway?: GatewayFigures;
  /** Servers with a sidecar in a mesh: the report's sidecar figures so far. */
  sidecar?: SidecarFigures;
  /** Service registries: the report's registry figures so far. */
  registry?: RegistryFigures;
  /** Servers with `autoscaling`: instances in each state now, and the bounds. */
  instances?: LiveInstances;
  /** Callers: each outgoing link with a `connection` policy, so far. */
  connections?: ConnectionFigures[];
  /** Nodes connections go to: open now, peak, refused. */
  inboundConnections?: InboundConnections;
  /** Connection poolers: the report's pooler figures so far. */
  pooler?: PoolerFigures;
}
