import type { EngineLimits } from '../scenario/engine-limits';
import type { Scenario } from '../scenario/schema';
import { type Component, EventKind, KIND_BITS, type RuntimeLink } from './component';
import { RequestFlag, RequestPool } from './request-pool';
import { Sidecars } from './mesh/sidecars';
import { CallEvent, type CallLayer } from './resilience/calls';
import type { ConnectionLayer } from './connections/connection-layer';
import type { Rng } from './rng';
import { Scheduler } from './scheduler';
import { type OutcomeCode, Outcome, type TraceSink } from './types';

/** The random stream (per node) that picks among weighted links. */
const ROUTING_STREAM = 15;
/** Events of the call layer go to this node number (beside the simulation's own, beyond any node). */
export const CALLS_NODE = (1 << 26) - 2;
/** Events of the connection layer (connections/connection-layer.ts) go to this node number. */
export const CONNECTIONS_NODE = (1 << 26) - 3;

/**
 * How requests cross links: a request goes out hop by hop, recording its path
 * in its slot; its response walks the path back, stopping only at nodes that
 * observe responses and at the client. A node that can take arrivals ahead of
 * time (cut-through) is handed them as they are sent, with no event.
 */
export abstract class RoutingLayer {
  readonly scheduler: Scheduler;
  readonly requests: RequestPool;
  trace: TraceSink | null;
  protected components: Component[] = [];
  /** Every link the run has had, by engine index (a request's path names links by this index); live edits append. */
  protected readonly links: RuntimeLink[];
  /** Each node's outgoing links now; a node a live edit retired keeps the ones it had, to finish its work. */
  protected readonly linksFrom: RuntimeLink[][];
  private readonly hopLimit: number;
  private readonly routingRngs: (Rng | undefined)[] = [];
  /** 1 for a node that takes its arrivals as they are sent (see Component.canPassThrough). */
  private passesThrough = new Uint8Array(0);
  private readonly pendingEventsForNewRequests: number;
  /** Calls with a policy (a link's `call`), made by the simulation before any component starts. */
  protected abstract readonly calls: CallLayer;
  /** The service mesh's sidecars: their latency is in the links', their policy in the links' `call`. */
  protected readonly sidecars: Sidecars;
  /** Connections that links with a `connection` policy need, made by the simulation before any component starts. */
  protected abstract readonly connections: ConnectionLayer;

  constructor(scenario: Scenario, indexOf: ReadonlyMap<string, number>, trace: TraceSink | null, limits: EngineLimits) {
    this.trace = trace;
    this.hopLimit = scenario.hopLimit;
    this.scheduler = new Scheduler(1024, limits.maxPendingEvents);
    this.requests = new RequestPool(this.hopLimit, 1024, limits.maxRequests);
    this.pendingEventsForNewRequests = limits.pendingEventsForNewRequests;
    this.sidecars = new Sidecars(scenario.mesh);
    this.links = scenario.links.map((link, index) => {
      const from = indexOf.get(link.from) as number;
      const to = indexOf.get(link.to) as number;
      const meshed = this.sidecars.linkFields(link, from, to, scenario.nodes[from], scenario.nodes[to]);
      return { index, id: link.id, from, to, weight: link.weight, ...meshed, connection: link.connection ?? null };
    });
    this.linksFrom = scenario.nodes.map(() => []);
    for (const link of this.links) this.linksFrom[link.from]?.push(link);
  }

  /** A random stream of its own for each (node, purpose). */
  abstract rng(node: number, purpose: number): Rng;

  /** Takes the components, once built (they need this layer to exist first). */
  protected attach(components: Component[]): void {
    this.components = components;
    this.refreshPassThrough(this.links, null);
  }

  /**
   * Which nodes take arrivals as they are sent, over the links in use
   * (`links`); with `live` set, only those nodes may (a retired one may not).
   */
  protected refreshPassThrough(links: readonly RuntimeLink[], live: ReadonlySet<number> | null): void {
    const components = this.components;
    // Cut-through is exact only if arrivals reach the node in the order they were sent: one incoming link.
    const incoming = new Int32Array(components.length);
    // A link with connections delays some arrivals by a handshake or a pool wait and not others: it counts as two.
    for (const link of links) incoming[link.to] = (incoming[link.to] as number) + (link.connection ? 2 : 1);
    this.passesThrough = Uint8Array.from(components, (c, i) =>
      c.canPassThrough === true && incoming[i] === 1 && (live === null || live.has(i)) ? 1 : 0,
    );
  }

  outgoing(node: number): readonly RuntimeLink[] {
    return this.linksFrom[node] as RuntimeLink[];
  }

  newRequest(): number {
    // Near a full heap, new requests stay out so the events already due can drain.
    if (this.scheduler.size >= this.pendingEventsForNewRequests) return -1;
    return this.requests.alloc();
  }

  schedule(node: number, kind: number, arg: number, time: number): void {
    this.scheduler.schedule(time, (node << KIND_BITS) | kind, arg);
  }

  send(request: number, link: RuntimeLink, time: number): void {
    // A link with a call policy, or any link of a server whose worker waits, carries a call instead.
    if (link.call || ((this.requests.flags[request] as number) & RequestFlag.calling) !== 0) {
      this.calls.begin(request, link, time);
      return;
    }
    if (!this.trySend(request, link, time)) this.respond(request, Outcome.hopLimit, time);
  }

  trySend(request: number, link: RuntimeLink, time: number): boolean {
    if ((this.requests.depth[request] as number) >= this.hopLimit) return false;
    // A link with a connection policy sends once a connection is ready (new, pooled or waited for).
    const connection = link.connection;
    if (connection) this.connections.send(request, link, connection, time);
    else this.cross(request, link, time);
    return true;
  }

  /** Puts `request` on `link`, leaving at `time` (now, or once its connection's handshake is done): it arrives a link latency later. */
  cross(request: number, link: RuntimeLink, time: number): void {
    const requests = this.requests;
    const depth = requests.depth[request] as number;
    requests.path[request * requests.stride + depth] = link.index;
    requests.hopTime[request * requests.stride + depth] = time;
    requests.depth[request] = depth + 1;
    const sidecars = link.sidecars;
    if (sidecars) sidecars.crossings++;
    const arrive = time + link.latency;
    if (this.trace !== null) {
      const isProbe = ((requests.flags[request] as number) & RequestFlag.probe) !== 0;
      this.trace.hop(link.index, time, arrive, isProbe ? Outcome.probe : Outcome.request, false);
    }
    if (this.passesThrough[link.to] === 1) (this.components[link.to] as Required<Component>).passThrough(request, arrive);
    else this.scheduler.schedule(arrive, (link.to << KIND_BITS) | EventKind.arrive, request);
  }

  forward(request: number, node: number, time: number, links?: readonly RuntimeLink[]): void {
    const out = links ?? (this.linksFrom[node] as RuntimeLink[]);
    if (out.length === 1) this.send(request, out[0] as RuntimeLink, time);
    else if (out.length === 0) this.respond(request, Outcome.noRoute, time);
    else this.send(request, this.pickByWeight(node, out), time);
  }

  respond(request: number, outcome: OutcomeCode, time: number): void {
    this.requests.outcome[request] = outcome;
    this.continueResponse(request, time);
  }

  continueResponse(request: number, time: number): void {
    const requests = this.requests;
    let depth = requests.depth[request] as number;
    if (depth === 0) {
      // Failed before leaving its sender (no route, a refused connection): answer the sender, or the call it is an attempt of.
      const call = ((requests.flags[request] as number) & RequestFlag.call) !== 0;
      this.scheduler.schedule(time, call ? (CALLS_NODE << KIND_BITS) | CallEvent.answer : ((requests.client[request] as number) << KIND_BITS) | EventKind.response, request);
      return;
    }
    const outcome = requests.outcome[request] as OutcomeCode;
    const base = request * requests.stride;
    // Walk back hop by hop; only observing nodes and the client get an event.
    while (depth > 0) {
      const link = this.links[requests.path[base + depth - 1] as number] as RuntimeLink;
      depth--;
      const arrive = time + link.latency;
      // The connection the hop took (if any) comes free once the answer is back across it.
      if (this.connections.holdsConnections) this.connections.answered(base + depth, arrive);
      if (this.trace !== null) this.trace.hop(link.index, time, arrive, outcome, true);
      time = arrive;
      if (depth === 0 || (this.components[link.from] as Component).observesResponses) {
        requests.depth[request] = depth;
        // An attempt of a call answers the call, not its sender.
        const call = depth === 0 && ((requests.flags[request] as number) & RequestFlag.call) !== 0;
        const target = call ? (CALLS_NODE << KIND_BITS) | CallEvent.answer : (link.from << KIND_BITS) | EventKind.response;
        this.scheduler.schedule(time, target, request);
        return;
      }
    }
  }

  pathLatency(request: number): number {
    const requests = this.requests;
    const base = request * requests.stride;
    let total = 0;
    for (let hop = (requests.depth[request] as number) - 1; hop >= 0; hop--) total += (this.links[requests.path[base + hop] as number] as RuntimeLink).latency;
    return total;
  }

  private pickByWeight(node: number, out: readonly RuntimeLink[]): RuntimeLink {
    let rng = this.routingRngs[node];
    if (rng === undefined) this.routingRngs[node] = rng = this.rng(node, ROUTING_STREAM);
    let total = 0;
    for (const link of out) total += link.weight;
    let u = rng.next() * total;
    for (const link of out) {
      u -= link.weight;
      if (u < 0) return link;
    }
    return out[out.length - 1] as RuntimeLink;
  }
}
