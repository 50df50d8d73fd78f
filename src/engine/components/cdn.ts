import type { CdnNode } from '../../scenario/cache-schema';
import type { FaultAction } from '../../scenario/schema';
import { cacheFigures } from '../caching/cache-figures';
import { CacheStats } from '../caching/cache-stats';
import { CacheTable } from '../caching/cache-table';
import { CdnRouting } from '../caching/cdn-routing';
import { clientsFeeding } from '../caching/feeding-clients';
import { createPolicy } from '../caching/policies';
import type { CdnReport } from '../caching/report';
import { expectedEdgeHitRatio, type HitRatioTheory } from '../caching/theory';
import { LatencyHistogram } from '../histogram';
import { RequestFlag } from '../request-pool';
import type { Rng } from '../rng';
import { type NodeReport, Outcome, type WindowNodeSample } from '../types';
import { ArrivalCounter } from './arrival-counter';
import { type Component, EventKind, type SimContext } from '../component';
import { queuelessReport } from './report-helpers';
import { ThreadPool } from '../caching/thread-pool';

/** The request has crossed from its user to the edge: look it up. */
const AT_EDGE = EventKind.timer0;
const ANSWER = EventKind.timer1;
/** An edge thread finished a resize: the hit is answered, or the origin's answer goes on to the user. */
const COMPUTED = EventKind.timer2;

interface Edge {
  table: CacheTable;
  stats: CacheStats;
  requests: number;
  /** The edge's compute threads (resizes wait for one). */
  compute: ThreadPool;
}

/**
 * A CDN in front of an origin (its outgoing link): a few edge locations, each
 * with its own cache and its own round trip to the users near it. A user is
 * served by the edge chosen by their address (weighted by the edges' shares).
 *
 * Items on `private, no-cache` routes always go to origin; public ones are
 * cached for `maxAge`. Pull: a miss is fetched from origin and stored. Push:
 * the most popular items are uploaded to every edge before the run, nothing
 * expires, and a miss (an item not pushed) is served by origin without being
 * stored. Edge compute: an auth check rejects a share of requests at the edge
 * (a 401: the attempt fails as `unauthorized` and never reaches origin), and
 * image items are resized at the edge on `edgeWorkers` threads per edge: a
 * resize takes a free thread or waits for one, so a busy edge queues.
 */
export class Cdn implements Component {
  readonly kind = 'cdn';
  readonly observesResponses = true;
  readonly id: string;
  readonly label: string;
  private readonly edges: Edge[];
  private readonly routing: CdnRouting;
  private readonly authCoin: Rng;
  private readonly total = new CacheStats();
  private readonly latency = new LatencyHistogram();
  private slowFactor = 1;
  private readonly arrivals = new ArrivalCounter();
  private answered = 0;
  private originRequests = 0;
  private bytesServed = 0;
  private originBytes = 0;
  private rejected = 0;
  private privateRequests = 0;
  private edgeCpuSeconds = 0;
  private edgeTheory: HitRatioTheory | null | undefined;
  /** Requests waiting for or in a resize, with the edge, when they joined, and whether they are on their way back from origin. */
  private readonly computing = new Map<number, { edge: number; since: number; fromOrigin: boolean }>();

  constructor(
    readonly index: number,
    private readonly node: CdnNode,
    private readonly ctx: SimContext,
  ) {
    this.id = node.id;
    this.label = node.label ?? node.id;
    const ttl = node.mode === 'push' ? null : node.maxAge;
    // TTL-only eviction with no max-age would hold its first items for ever: use LRU then.
    const eviction = node.eviction === 'ttl' && ttl === null ? 'lru' : node.eviction;
    this.edges = node.edges.map((_, e) => ({
      table: new CacheTable(node.capacity, ttl, createPolicy(eviction, node.capacity, ctx.rng(index, 1 + e))),
      stats: new CacheStats(),
      requests: 0,
      compute: new ThreadPool(node.edgeWorkers),
    }));
    this.routing = new CdnRouting(node);
    this.authCoin = ctx.rng(index, 0);
  }

  start(time: number): void {
    if (this.node.mode !== 'push') return;
    // Upload the most popular public items (the lowest ranks) to every edge ahead of time.
    const items = Math.max(0, ...clientsFeeding(this.ctx, this.index).map((client) => client.catalogue.items));
    for (const edge of this.edges) {
      for (let item = 0; item < items && edge.table.size < this.node.capacity; item++) {
        if (!this.routing.isPrivate(item)) edge.table.put(item, 0, time);
      }
    }
  }

  private edgeOf(request: number): number {
    return this.routing.edgeOf(this.ctx.requests.address[request] as number);
  }

  handle(kind: number, arg: number, time: number): void {
    switch (kind) {
      case EventKind.arrive: {
        this.arrivals.count(time);
        this.ctx.requests.arrivedAt[arg] = time;
        const edge = this.node.edges[this.edgeOf(arg)];
        this.ctx.schedule(this.index, AT_EDGE, arg, time + (edge?.rtt ?? 0));
        return;
      }
      case AT_EDGE:
        this.atEdge(arg, time);
        return;
      case ANSWER:
        this.ctx.respond(arg, Outcome.ok, time);
        return;
      case EventKind.response:
        this.fromOrigin(arg, time);
        return;
      case COMPUTED:
        this.computed(arg, time);
        return;
    }
  }

  private atEdge(request: number, time: number): void {
    const requests = this.ctx.requests;
    const e = this.edgeOf(request);
    const edge = this.edges[e] as Edge;
    edge.requests++;
    const item = requests.key[request] as number;
    if (this.authCoin.next() < this.node.authRejectShare) {
      // The request's token fails the edge's check: a 401 goes straight back, and the attempt fails.
      this.rejected++;
      this.ctx.respond(request, Outcome.unauthorized, time);
      return;
    }
    const isWrite = ((requests.flags[request] as number) & RequestFlag.write) !== 0;
    if (isWrite || this.routing.isPrivate(item)) {
      if (!isWrite) this.privateRequests++;
      this.toOrigin(request, time);
      return;
    }
    const slot = edge.table.find(item, time);
    const measured = time >= this.arrivals.measureStart;
    if (slot >= 0) {
      edge.table.touch(slot);
      edge.stats.read(item, true, -1);
      if (measured) this.total.read(item, true, -1);
      this.bytesServed += this.routing.bytesOf(item);
      if (this.routing.isImage(item)) this.resize(request, e, false, time);
      else this.answer(request, this.node.hitTime, time);
    } else {
      edge.stats.read(item, false, -1);
      if (measured) this.total.read(item, false, -1);
      this.toOrigin(request, time);
    }
  }

  /** Queues an image resize on the edge's threads; `fromOrigin`: the origin's answer, on its way back. */
  private resize(request: number, edge: number, fromOrigin: boolean, time: number): void {
    this.computing.set(request, { edge, since: time, fromOrigin });
    const pool = (this.edges[edge] as Edge).compute;
    if (pool.arrive(request, time)) this.startResize(request, pool, time);
  }

  private startResize(request: number, pool: ThreadPool, time: number): void {
    pool.start((this.computing.get(request) as { since: number }).since, time);
    this.edgeCpuSeconds += this.node.resizeTime;
    this.ctx.schedule(this.index, COMPUTED, request, time + this.node.resizeTime * this.slowFactor);
  }

  /** A resize finished: the thread takes the next one waiting, and the request goes on. */
  private computed(request: number, time: number): void {
    const job = this.computing.get(request) as { edge: number; since: number; fromOrigin: boolean };
    this.computing.delete(request);
    const pool = (this.edges[job.edge] as Edge).compute;
    const next = pool.finish(job.since, time);
    if (next >= 0) this.startResize(next, pool, time);
    if (job.fromOrigin) this.ctx.continueResponse(request, time);
    else this.answer(request, this.node.hitTime, time);
  }

  private answer(request: number, delay: number, time: number): void {
    const wait = delay * this.slowFactor;
    this.answered++;
    if (time >= this.arrivals.measureStart) this.latency.record(time + wait - (this.ctx.requests.arrivedAt[request] as number));
    this.ctx.schedule(this.index, ANSWER, request, time + wait);
  }

  private toOrigin(request: number, time: number): void {
    this.originRequests++;
    this.ctx.forward(request, this.index, time);
  }

  private fromOrigin(request: number, time: number): void {
    const requests = this.ctx.requests;
    const item = requests.key[request] as number;
    const isWrite = ((requests.flags[request] as number) & RequestFlag.write) !== 0;
    if (requests.outcome[request] !== Outcome.ok || isWrite) {
      this.ctx.continueResponse(request, time);
      return;
    }
    const bytes = this.routing.bytesOf(item);
    this.originBytes += bytes;
    this.bytesServed += bytes;
    const e = this.edgeOf(request);
    if (this.node.mode === 'pull' && !this.routing.isPrivate(item)) this.edges[e]?.table.put(item, 0, time);
    if (this.routing.isImage(item)) this.resize(request, e, true, time);
    else this.ctx.continueResponse(request, time);
  }

  applyFault(action: FaultAction, factor: number): void {
    // A purge (flush) or a crash of the edge fleet leaves every edge cold; push content is gone until the next push.
    if (action === 'flush' || action === 'crash') for (const edge of this.edges) edge.table.clear();
    else if (action === 'slow') this.slowFactor = factor;
    else if (action === 'recover') this.slowFactor = 1;
  }

  beginMeasurement(time: number): void {
    this.arrivals.beginMeasurement(time);
    this.total.beginMeasurement();
    for (const edge of this.edges) {
      edge.stats.beginMeasurement();
      edge.compute.stats.beginMeasurement(time);
    }
    this.latency.reset();
  }

  closeWindow(): WindowNodeSample {
    const sample = {
      utilization: 0,
      queueLength: 0,
      p99: 0,
      served: this.arrivals.closeWindow(),
      dropped: 0,
      hitRatio: this.total.closeWindow(),
      edgeHitRatios: this.edges.map((edge) => edge.stats.closeWindow()),
    };
    return sample;
  }

  /** Every edge sees the same popularity (users are split by address), so one theory line serves them all. */
  private theory(): HitRatioTheory | null {
    if (this.edgeTheory === undefined) {
      const clients = clientsFeeding(this.ctx, this.index);
      const client = clients.length === 1 ? clients[0] : undefined;
      const node = this.node;
      this.edgeTheory = client
        ? expectedEdgeHitRatio(client.catalogue, node.capacity, node.eviction, node.mode, node.maxAge, (item) => !this.routing.isPrivate(item))
        : null;
    }
    return this.edgeTheory;
  }

  report(time: number): NodeReport {
    const theory = this.theory();
    const cdn = this.cdnFigures(theory, time);
    const cache = cacheFigures(this.total, theory, {
      evictions: this.edges.reduce((sum, edge) => sum + edge.table.evictions, 0),
      expirations: this.edges.reduce((sum, edge) => sum + edge.table.expirations, 0),
      entries: this.edges.reduce((sum, edge) => sum + edge.table.size, 0),
    });
    return {
      ...queuelessReport({
        id: this.id,
        kind: this.kind,
        label: this.label,
        arrivals: this.arrivals.total,
        served: this.answered,
        throughput: this.arrivals.throughput(time),
        latency: this.latency,
      }),
      cache,
      cdn,
    };
  }

  live() {
    // Theory is left to the report, as for a cache: its first computation can take long on a big catalogue.
    return { busy: 0, queueLength: 0, inSystem: 0, workers: 0, slowFactor: this.slowFactor, hitRatio: this.total.hitRatio, cdn: this.cdnFigures(null, this.ctx.scheduler.now) };
  }

  /** Offload, bytes and edges so far: for the report, and for live frames. */
  private cdnFigures(theory: HitRatioTheory | null, time: number): CdnReport {
    const requests = this.edges.reduce((sum, edge) => sum + edge.requests, 0);
    return {
      requests,
      originRequests: this.originRequests,
      requestOffload: requests > 0 ? 1 - this.originRequests / requests : 0,
      byteOffload: this.bytesServed > 0 ? 1 - this.originBytes / this.bytesServed : 0,
      bytesServed: this.bytesServed,
      originBytes: this.originBytes,
      rejectedAtEdge: this.rejected,
      privateRequests: this.privateRequests,
      edgeCpuSeconds: this.edgeCpuSeconds,
      edgeWorkers: this.node.edgeWorkers,
      edges: this.edges.map((edge, e) => ({
        computeUtilization: edge.compute.stats.utilizationAt(time, edge.compute.busy),
        computeQueue: edge.compute.queue.length,
        computeMeanWait: edge.compute.stats.meanWait,
        name: this.node.edges[e]?.name ?? `edge ${e + 1}`,
        rtt: this.node.edges[e]?.rtt ?? 0,
        requests: edge.requests,
        hits: edge.stats.hits,
        misses: edge.stats.misses,
        hitRatio: edge.stats.hitRatio,
        theory: theory?.hitRatio ?? null,
      })),
    };
  }
}
