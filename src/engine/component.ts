import type { CallPolicy, ConnectionPolicy, FaultAction, NodeKind, RequestType, ScenarioNode } from '../scenario/schema';
import type { Membership } from './elastic/membership';
import type { Heartbeats } from './elastic/heartbeats';
import type { LatencyHistogram } from './histogram';
import type { SidecarHop } from './mesh/sidecar-hop';
import type { RequestPool } from './request-pool';
import type { Rng } from './rng';
import type { Scheduler } from './scheduler';
import type { SessionRegistry } from './sessions';
import type { FailureReason, LiveNode, NodeReport, OutcomeCode, TraceSink, WindowNodeSample } from './types';

/**
 * Event kinds as seen by a component. `arrive` and `response` are sent by the
 * routing layer; the rest are the component's own timers. The kind is packed
 * into the low bits of the scheduler's target.
 */
export const EventKind = { arrive: 0, response: 1, timer0: 2, timer1: 3, timer2: 4, timer3: 5 } as const;
export const KIND_BITS = 4;

/** A link as the engine uses it. */
export interface RuntimeLink {
  index: number;
  id: string;
  from: number;
  to: number;
  latency: number;
  weight: number;
  /** How the sender calls the far end (resilience/calls.ts); absent or null: a plain hop. */
  call?: CallPolicy | null;
  /** The service-mesh sidecars on this link (mesh/sidecars.ts), counting its requests; absent or null: none. */
  sidecars?: SidecarHop | null;
  /** What a call on it needs first, a new or a pooled connection (connections/connection-layer.ts); absent or null: none. */
  connection?: ConnectionPolicy | null;
}

/** Counters every client adds to, for the run's totals. */
export interface ClientTotals {
  sent: number;
  completed: number;
  failed: number;
  failures: Record<FailureReason, number>;
  retries: number;
  inFlight: number;
  /** Completions since measurement began (end of warm-up). */
  measuredCompleted: number;
  latency: LatencyHistogram;
  windowLatency: LatencyHistogram;
}

/** What a component may ask of the simulation. */
export interface SimContext {
  readonly scheduler: Scheduler;
  readonly requests: RequestPool;
  readonly totals: ClientTotals;
  /** Start of measurement (end of warm-up), simulated seconds. */
  readonly measureFrom: number;
  /** The scenario's nodes by index (a cache reads the catalogue of the clients that feed it). */
  readonly nodes: readonly ScenarioNode[];
  /** A random stream of its own for each (node, purpose), so changing one node leaves others' draws alone. */
  rng(node: number, purpose: number): Rng;
  outgoing(node: number): readonly RuntimeLink[];
  /** Where users' sessions live. */
  readonly sessions: SessionRegistry;
  /** Every client's request types, in one table; a request's requestType indexes it. */
  readonly requestTypes: readonly RequestType[];
  /** The index of a request type in that table, adding it if it is new (an L7 rewrite makes new ones). */
  internRequestType(type: RequestType): number;
  /** Where a client's request types start in that table. */
  requestTypeOffset(client: number): number;
  /** Replicas of a node (1 for kinds that have none); a scaling group's most. */
  replicasOf(node: number): number;
  /** Which replicas of a node take new requests now (engine/elastic/membership.ts); null for kinds without replicas. */
  membershipOf(node: number): Membership | null;
  /** Whether each replica of a node is alive to send heartbeats (a service registry listens); null for kinds without replicas. */
  heartbeatsOf(node: number): Heartbeats | null;
  /** Messages waiting in a message queue node for a consumer (a consuming group's backlog policy reads it); 0 for other kinds. */
  backlogOf(node: number): number;
  /** Node ids at the far end of links. */
  targetIds(links: readonly RuntimeLink[]): string[];
  /**
   * A slot for a new request (one reference, as RequestPool.alloc), or -1
   * when the engine's budget is spent: too many requests alive or events
   * pending. The caller then fails the request with "engine limit".
   */
  newRequest(): number;
  /** Schedules one of node's own events. */
  schedule(node: number, kind: number, arg: number, time: number): void;
  /** Sends a request across a link; at the hop limit it fails it instead. */
  send(request: number, link: RuntimeLink, time: number): void;
  /** Sends a request across a link, or returns false at the hop limit and leaves it where it is. */
  trySend(request: number, link: RuntimeLink, time: number): boolean;
  /** Sends a request on from `node` along one of `links` (default: all its outgoing links) chosen by weight, or fails it with "no route". */
  forward(request: number, node: number, time: number, links?: readonly RuntimeLink[]): void;
  /** The kind of node `index`. */
  kindOf(index: number): NodeKind;
  /** Starts the response of a request back along its path. */
  respond(request: number, outcome: OutcomeCode, time: number): void;
  /** Lets a response that stopped at an observing node go on towards the client. */
  continueResponse(request: number, time: number): void;
  /** Which catalogue items can reach `node`, when the one node sending to it hashes request keys (shards); else null: all. */
  keysReaching(node: number): ((key: number) => boolean) | null;
  readonly trace: TraceSink | null;
  /** Seconds of link latency on the path a request has crossed: the time its response takes to walk back. */
  pathLatency(request: number): number;
  /** Opens a connection to `node` outside any link's policy (a pooler's server connections): false if `node` refuses it. */
  openConnection(node: number): boolean;
  /** Closes a connection `openConnection` opened. */
  closeConnection(node: number): void;
  /** Connections open to `node` now, from all callers (a pooler's client connections). */
  connectionsOpenTo(node: number): number;
}

/** One simulated node. Each kind lives in a file of its own. */
export interface Component {
  readonly index: number;
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  /** True when responses must stop here on their way back (to count open connections, say). */
  readonly observesResponses: boolean;
  /** Schedules the first events (clients). */
  start(time: number): void;
  /** A replicated node's instances and which of them take new requests (servers). */
  readonly membership?: Membership;
  /** A replicated node's instances that are alive to send a registry heartbeats (servers). */
  readonly heartbeats?: Heartbeats;
  handle(kind: number, arg: number, time: number): void;
  /** Measurement begins (end of warm-up): forget what was measured before. */
  beginMeasurement(time: number): void;
  /** Closes a metrics window [start, time). */
  closeWindow(start: number, time: number): WindowNodeSample;
  report(time: number): NodeReport;
  live(): LiveNode;
  /**
   * Set by a node whose handling of an arrival does not depend on when it
   * happens: with one incoming link the simulation may call passThrough as the
   * request is sent instead of scheduling the arrival (one event fewer).
   */
  readonly canPassThrough?: boolean;
  /** A balancer hashing request keys: which keys it sends to `node` while every target is in the pool. */
  keysRoutedTo?(node: number): ((key: number) => boolean) | null;
  passThrough?(request: number, arriveTime: number): void;
  /**
   * A live edit replaced or removed the node: stop making work of its own
   * (arrivals, probes, flush timers). Kinds without such timers leave it out.
   */
  retire?(time: number): void;
  /** A live edit removed the node: fail what waits or is served here with `outcome` ("removed"). */
  evict?(time: number, outcome: OutcomeCode): void;
  /**
   * The kinds whose traits list faults implement this (registry.test.ts checks); the others leave it out.
   * `replica` (from 0) names one replica of a replicated node; −1 the whole node.
   */
  applyFault?(action: FaultAction, factor: number, time: number, replica?: number): void;
  /**
   * A call this node made for `request` (resilience/calls.ts) has ended with
   * `outcome`. A node that waits on its calls (a server's worker) says so
   * here; without it the request is answered with the outcome.
   */
  callSettled?(request: number, outcome: OutcomeCode, time: number): void;
}
