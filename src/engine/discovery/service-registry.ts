import type { RegistryNode } from '../../scenario/schema';
import { type Component, EventKind, type SimContext } from '../component';
import { ArrivalCounter } from '../components/arrival-counter';
import { queuelessReport } from '../components/report-helpers';
import { LatencyHistogram } from '../histogram';
import { type LiveNode, type NodeReportOf, Outcome, type WindowNodeSample } from '../types';
import { CachedList } from './cached-list';
import type { RegistryFigures } from './figures';
import { InstanceList, type Target } from './instance-list';

const LOOKUP_DONE = EventKind.timer0;
const ROUTE_LOOKUP_DONE = EventKind.timer1;
const HEARTBEAT_TIMEOUT = EventKind.timer2;
/** The registry's random stream for the caches' ages at the start. */
const CACHE_AGES = 0;

/**
 * A service registry. The instances of the server groups it links to
 * register with it when they start serving and leave when they stop (a
 * scale-in, at once) or when their heartbeats have stopped for
 * `heartbeatTimeout` (a crash). Requests that reach it go on to one instance,
 * round robin, picked from a copy of the list: the caller's own, kept for
 * `ttl` (clientSide; the caller is the node on the link the request came
 * in by), a DNS resolver's, kept for `ttl` (dns; a request's resolver is its
 * client address modulo `resolvers`), or the live list itself, at the cost of
 * a look-up per request (serverSide). A copy that is out of date sends calls
 * to instances that left; the station fails them with "stale endpoint".
 *
 * Every copy starts with a random age (uniform over one TTL), as in a system
 * that has run a while: copies filled at different moments expire at
 * different moments, which is what makes a DNS change drain slowly.
 */
export class ServiceRegistry implements Component {
  readonly kind = 'registry';
  readonly observesResponses = false;
  readonly label: string;
  /** The instances it knows and which are registered. */
  private readonly list: InstanceList;
  private readonly caches: CachedList[] = [];
  /** clientSide: the cache of each incoming link (by link index). */
  private readonly cacheOfLink = new Map<number, number>();
  /** serverSide: the round-robin position in the live list. */
  private nextLive = -1;
  private readonly arrivals = new ArrivalCounter();
  /** How long calls waited here for a look-up (measured). */
  private readonly wait = new LatencyHistogram();
  private measureStart = 0;
  private calls = 0;
  private staleCalls = 0;
  private unrouted = 0;
  private lookups = 0;
  private holding = 0;
  private windowStale = 0;
  private windowUnrouted = 0;

  constructor(
    readonly index: number,
    private readonly node: RegistryNode,
    private readonly ctx: SimContext,
  ) {
    this.label = node.label ?? node.id;
    this.list = new InstanceList(ctx, index, node.heartbeatTimeout, HEARTBEAT_TIMEOUT);
  }

  get id(): string {
    return this.node.id;
  }

  start(time: number): void {
    this.list.build(time);
    this.buildCaches(time);
  }

  /** The copies of the list: one per caller (clientSide) or per resolver (dns), each of a random age. */
  private buildCaches(time: number): void {
    const ctx = this.ctx;
    if (this.node.mode === 'clientSide') {
      for (let from = 0; from < ctx.nodes.length; from++) {
        for (const link of ctx.outgoing(from)) if (link.to === this.index) this.addCache(link.index, from);
      }
    } else if (this.node.mode === 'dns') {
      for (let r = 0; r < this.node.resolvers; r++) this.caches.push(new CachedList(`resolver ${r + 1}`));
    }
    const rng = ctx.rng(this.index, CACHE_AGES);
    const list = this.list.registrations.snapshot();
    for (const cache of this.caches) {
      const age = rng.next() * this.node.ttl;
      cache.fill(list, time - age, this.node.ttl);
    }
  }

  /** A cache for the caller at the near end of link `linkIndex` (node `from`); its index. */
  private addCache(linkIndex: number, from: number): number {
    const caller = this.ctx.nodes[from];
    this.caches.push(new CachedList(caller ? caller.label || caller.id : `link ${linkIndex}`));
    this.cacheOfLink.set(linkIndex, this.caches.length - 1);
    return this.caches.length - 1;
  }

  handle(kind: number, arg: number, time: number): void {
    switch (kind) {
      case EventKind.arrive:
        this.arrive(arg, time);
        return;
      case LOOKUP_DONE:
        this.lookedUp(arg, time);
        return;
      case ROUTE_LOOKUP_DONE:
        this.holding--;
        this.send(arg, this.nextListed(), null, time);
        return;
      case HEARTBEAT_TIMEOUT:
        this.list.heartbeatTimedOut(arg, time);
        return;
    }
  }

  private arrive(request: number, time: number): void {
    this.arrivals.count(time);
    this.list.followRebuiltGroups(time);
    this.ctx.requests.arrivedAt[request] = time;
    if (this.node.mode === 'serverSide') {
      // The router asks the registry for every request, so it never holds an old list.
      this.lookups++;
      if (this.node.lookupLatency > 0) {
        this.holding++;
        this.ctx.schedule(this.index, ROUTE_LOOKUP_DONE, request, time + this.node.lookupLatency);
      } else this.send(request, this.nextListed(), null, time);
      return;
    }
    const c = this.cacheFor(request);
    const cache = this.caches[c] as CachedList;
    if (cache.validAt(time)) {
      this.send(request, cache.pick(), cache, time);
      return;
    }
    cache.waiting.push(request);
    this.holding++;
    if (cache.lookupEndsAt >= 0) return; // a look-up is out: wait for it
    this.lookups++;
    cache.refreshes++;
    cache.lookupEndsAt = time + this.node.lookupLatency;
    if (this.node.lookupLatency > 0) this.ctx.schedule(this.index, LOOKUP_DONE, c, cache.lookupEndsAt);
    else this.lookedUp(c, time);
  }

  /** The copy a request reads: its caller's (by the link it came in on) or its resolver's (by its address). */
  private cacheFor(request: number): number {
    const requests = this.ctx.requests;
    if (this.node.mode === 'dns') return (requests.address[request] as number) % this.caches.length;
    const link = requests.path[request * requests.stride + (requests.depth[request] as number) - 1] as number;
    const known = this.cacheOfLink.get(link);
    if (known !== undefined) return known;
    // A caller a live edit linked in after the start: its copy is new.
    let from = -1;
    for (let n = 0; n < this.ctx.nodes.length && from < 0; n++) if (this.ctx.outgoing(n).some((l) => l.index === link)) from = n;
    const c = this.addCache(link, from);
    (this.caches[c] as CachedList).fill(this.list.registrations.snapshot(), this.ctx.scheduler.now, this.node.ttl);
    return c;
  }

  /** A look-up for copy `c` is back: the copy takes the list as it is now, and the calls that waited go. */
  private lookedUp(c: number, time: number): void {
    const cache = this.caches[c] as CachedList;
    cache.fill(this.list.registrations.snapshot(), time, this.node.ttl);
    while (cache.waiting.length > 0) {
      this.holding--;
      this.send(cache.waiting.shift(), cache.pick(), cache, time);
    }
  }

  /** serverSide: the next listed target after the last one, or −1 when none is listed. */
  private nextListed(): number {
    const count = this.list.targets.length;
    for (let tries = 0; tries < count; tries++) {
      this.nextLive = (this.nextLive + 1) % count;
      if (this.list.registrations.isListed(this.nextLive)) return this.nextLive;
    }
    return -1;
  }

  /** Sends a request to target `position`, counting it stale if the registry no longer lists it; −1: "no route". */
  private send(request: number, position: number, cache: CachedList | null, time: number): void {
    const requests = this.ctx.requests;
    const arrivedAt = requests.arrivedAt[request] as number;
    if (arrivedAt >= this.measureStart) this.wait.record(time - arrivedAt);
    if (position < 0) {
      this.unrouted++;
      this.windowUnrouted++;
      this.ctx.respond(request, Outcome.noRoute, time);
      return;
    }
    const target = this.list.targets[position] as Target;
    this.calls++;
    if (!this.list.registrations.isListed(position)) {
      this.staleCalls++;
      this.windowStale++;
      if (cache) cache.staleCalls++;
    }
    requests.replica[request] = target.replicated ? target.replica : -1;
    this.ctx.send(request, target.link, time);
  }

  beginMeasurement(time: number): void {
    this.measureStart = time;
    this.arrivals.beginMeasurement(time);
    this.wait.reset();
  }

  closeWindow(): WindowNodeSample {
    const sample = { utilization: 0, queueLength: this.holding, p99: 0, served: this.arrivals.closeWindow(), dropped: this.windowUnrouted, staleCalls: this.windowStale };
    this.windowStale = 0;
    this.windowUnrouted = 0;
    return sample;
  }

  /** The registry's figures now: its list, its counts, and each copy against the list. */
  figures(): RegistryFigures {
    const registrations = this.list.registrations;
    return {
      mode: this.node.mode,
      listed: registrations.listedNames(),
      instances: this.list.targets.length,
      calls: this.calls,
      staleCalls: this.staleCalls,
      unrouted: this.unrouted,
      lookups: this.lookups,
      caches: this.caches.map((cache) => {
        let stale = 0;
        for (const t of cache.entries) if (!registrations.isListed(t)) stale++;
        return {
          name: cache.name,
          entries: cache.entries.length,
          stale,
          missing: registrations.size - (cache.entries.length - stale),
          expiresAt: cache.expiresAt,
          refreshes: cache.refreshes,
          staleCalls: cache.staleCalls,
        };
      }),
      changes: registrations.changes.slice(),
    };
  }

  report(time: number): NodeReportOf<'registry'> {
    return {
      ...queuelessReport({
        id: this.id,
        kind: this.kind,
        label: this.label,
        arrivals: this.arrivals.total,
        served: this.calls,
        throughput: this.arrivals.throughput(time),
        latency: this.wait,
        inSystem: this.holding,
      }),
      dropped: this.unrouted,
      registry: this.figures(),
    };
  }

  live(): LiveNode {
    return { busy: 0, queueLength: this.holding, inSystem: this.holding, workers: 0, registry: this.figures() };
  }
}
