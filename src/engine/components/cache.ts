import type { CacheNode } from '../../scenario/cache-schema';
import type { FaultAction } from '../../scenario/schema';
import { cacheFigures } from '../caching/cache-figures';
import { CacheStats } from '../caching/cache-stats';
import { CacheTable } from '../caching/cache-table';
import { clientsFeeding } from '../caching/feeding-clients';
import { keyVersionsOf, type KeyVersions, type VersionSubscriber } from '../caching/key-versions';
import { createPolicy } from '../caching/policies';
import { expectedHitRatio, type HitRatioTheory } from '../caching/theory';
import { LatencyHistogram } from '../histogram';
import { RequestFlag } from '../request-pool';
import { type CacheReport, type NodeReport, Outcome, type WindowNodeSample } from '../types';
import { ArrivalCounter } from './arrival-counter';
import { type Component, EventKind, type SimContext } from '../component';
import { queuelessReport } from './report-helpers';
import { WriteBackBuffer } from './write-back-buffer';
import { ThreadPool } from '../caching/thread-pool';

/** A hit, or a write-back write, is answered from the cache. */
const ANSWER = EventKind.timer0;
/** A miss (or a write that goes through) leaves for the database. */
const PASS_ON = EventKind.timer1;
const INVALIDATE = EventKind.timer2;
const FLUSH = EventKind.timer3;

/**
 * A cache in front of a database, keyed by the catalogue item a request asks for.
 *
 * Cache-aside is modelled by placing the cache on the path server → cache →
 * database: the application asks the cache first (a hit is answered after
 * `hitTime`); on a miss the request goes on to the database after `missTime`,
 * and the database's answer fills the cache as it passes back — the
 * application's "read the DB, then fill". Time and load are those of the
 * real pattern; the one thing folded away is that the fill is a separate call.
 *
 * Writes: cache-aside and write-through send them on to the database and
 * learn the new version as the answer passes back (write-through also stores
 * it, so its latency is cache + database); write-back stores the value as
 * dirty, answers at once, and flushes dirty entries in batches (one database
 * write each) every `flushInterval`. A crash loses what was not flushed.
 *
 * Staleness is judged against the simulation's key versions (the newest
 * acknowledged write of each item): a hit on an older value is a stale read.
 * Simplification: the race where a slow read fills an old value after an
 * invalidation is not modelled; a fill takes the database's version at the
 * moment the answer passes back.
 */
export class Cache implements Component, VersionSubscriber {
  readonly kind = 'cache';
  readonly observesResponses = true;
  readonly id: string;
  readonly label: string;
  private readonly table: CacheTable;
  private readonly versions: KeyVersions;
  private readonly stats = new CacheStats();
  private readonly writeBack: WriteBackBuffer | null;
  private readonly latency = new LatencyHistogram();
  private theory: HitRatioTheory | null | undefined;
  private down = false;
  /** A live edit replaced or removed this cache: its flush timer stops after one last flush. */
  private retired = false;
  private slowFactor = 1;
  private answered = 0;
  private measuredReads = 0;
  private readonly arrivals = new ArrivalCounter();
  private writes = 0;
  private bypassed = 0;
  private lostWrites = 0;
  /** Lookup threads, or null: a lookup never waits (the default). */
  private readonly pool: ThreadPool | null;

  constructor(
    readonly index: number,
    private readonly node: CacheNode,
    private readonly ctx: SimContext,
  ) {
    this.id = node.id;
    this.label = node.label ?? node.id;
    this.versions = keyVersionsOf(ctx);
    this.versions.register(this);
    this.writeBack = node.strategy === 'writeBack' ? new WriteBackBuffer(index, node.flushBatch, ctx, this.versions) : null;
    const policy = createPolicy(node.eviction, node.capacity, ctx.rng(index, 0));
    this.table = new CacheTable(node.capacity, node.ttl, policy, (item, version) => this.writeBack?.hold(item, version));
    this.pool = node.workers === null ? null : new ThreadPool(node.workers);
  }

  retire(): void {
    this.retired = true;
  }

  start(time: number): void {
    if (this.writeBack) this.ctx.schedule(this.index, FLUSH, 0, time + this.node.flushInterval);
  }

  handle(kind: number, arg: number, time: number): void {
    switch (kind) {
      case EventKind.arrive:
        this.arrive(arg, time);
        return;
      case ANSWER:
        this.answered++;
        this.lookupDone(arg, time);
        this.ctx.respond(arg, Outcome.ok, time);
        return;
      case PASS_ON:
        this.lookupDone(arg, time);
        this.ctx.forward(arg, this.index, time);
        return;
      case EventKind.response:
        this.onResponse(arg, time);
        return;
      case INVALIDATE:
        this.invalidate(arg);
        return;
      case FLUSH:
        if (!this.down) this.writeBack?.flush(this.table, time);
        if (!this.retired) this.ctx.schedule(this.index, FLUSH, 0, time + this.node.flushInterval);
        return;
    }
  }

  private arrive(request: number, time: number): void {
    const requests = this.ctx.requests;
    this.arrivals.count(time);
    requests.arrivedAt[request] = time;
    if (this.down) {
      // The application falls back to the database while its cache is down.
      this.bypassed++;
      this.ctx.forward(request, this.index, time);
      return;
    }
    if (this.pool && !this.pool.arrive(request, time)) return;
    this.lookup(request, time);
  }

  /** A lookup thread freed: the next waiting lookup takes it. */
  private lookupDone(request: number, time: number): void {
    if (!this.pool) return;
    const next = this.pool.finish(this.ctx.requests.arrivedAt[request] as number, time);
    if (next >= 0) this.lookup(next, time);
  }

  /** Looks the request's item up (on a thread, when the cache has a pool of them): answer, store, or pass on. */
  private lookup(request: number, time: number): void {
    const requests = this.ctx.requests;
    this.pool?.start(requests.arrivedAt[request] as number, time);
    const item = requests.key[request] as number;
    if (((requests.flags[request] as number) & RequestFlag.write) !== 0) {
      this.writes++;
      if (this.writeBack) {
        // Store the value the acknowledgement will version; with no room (TTL-only and full) the write goes through instead.
        const slot = this.table.put(item, this.versions.latestOf(item) + 1, time);
        if (slot >= 0) {
          this.versions.acknowledge(item, time);
          this.table.setDirty(slot, true);
          this.after(ANSWER, request, this.node.hitTime, time);
          return;
        }
      }
      this.after(PASS_ON, request, this.node.missTime, time);
      return;
    }
    if (time >= this.arrivals.measureStart) this.measuredReads++;
    const slot = this.table.find(item, time);
    const latest = this.versions.latestOf(item);
    const version = slot >= 0 ? (this.table.version[slot] as number) : -1;
    // With version tags the application asks for the newest version's key: an older entry is another key.
    const hit = slot >= 0 && (this.node.invalidation.type !== 'version' || version >= latest);
    if (hit) {
      this.table.touch(slot);
      const staleAge = version < latest ? time - (this.table.staleSince[slot] as number) : -1;
      this.stats.read(item, true, staleAge);
      this.after(ANSWER, request, this.node.hitTime, time);
    } else {
      this.stats.read(item, false, -1);
      this.after(PASS_ON, request, this.node.missTime, time);
    }
  }

  private after(kind: number, request: number, delay: number, time: number): void {
    const wait = delay * this.slowFactor;
    // Without a pool of threads a lookup never queues: its latency is its delay (a pool's stats measure their own).
    if (!this.pool && time >= this.arrivals.measureStart) this.latency.record(wait);
    this.ctx.schedule(this.index, kind, request, time + wait);
  }

  private onResponse(request: number, time: number): void {
    const requests = this.ctx.requests;
    if ((requests.client[request] as number) === this.index) {
      this.writeBack?.settle(request, time);
      return;
    }
    if (requests.outcome[request] === Outcome.ok) {
      const item = requests.key[request] as number;
      if (((requests.flags[request] as number) & RequestFlag.write) !== 0) {
        const version = this.versions.commit(item, time);
        // Write-through keeps the value it wrote; cache-aside leaves the entry to its invalidation.
        if (!this.down && this.node.strategy !== 'cacheAside') this.table.put(item, version, time);
      } else if (!this.down) {
        const slot = this.table.slotOf(item);
        // Never overwrite a dirty entry (newer than the database) with the database's value.
        if (slot < 0 || this.table.dirty[slot] === 0) this.table.put(item, this.versions.storedOf(item), time);
      }
    }
    this.ctx.continueResponse(request, time);
  }

  markStale(item: number, time: number): void {
    const slot = this.table.slotOf(item);
    const table = this.table;
    // Only an older value goes stale (a write-back cache already holds the version it acknowledged).
    if (slot < 0 || (table.version[slot] as number) >= this.versions.latestOf(item)) return;
    if (Number.isNaN(table.staleSince[slot] as number)) table.staleSince[slot] = time;
  }

  publishInvalidation(item: number, time: number): void {
    if (this.node.invalidation.type === 'event') this.ctx.schedule(this.index, INVALIDATE, item, time + this.node.invalidation.delay);
  }

  /** An invalidation arrived: drop the entry if it is older than the newest write (a dirty one is the newest). */
  private invalidate(item: number): void {
    const slot = this.table.slotOf(item);
    if (slot >= 0 && (this.table.version[slot] as number) < this.versions.latestOf(item)) this.table.remove(item);
  }

  applyFault(action: FaultAction, factor: number, time: number): void {
    switch (action) {
      case 'crash':
        if (this.down) return;
        // Memory is gone: dirty entries and those waiting to be flushed are lost writes.
        this.lostWrites += this.writeBack?.loseAll(this.table) ?? 0;
        this.table.clear();
        this.down = true;
        // Lookups still waiting for a thread fall back to the database, as new requests do.
        for (const request of this.pool?.drain(time) ?? []) {
          this.bypassed++;
          this.ctx.forward(request, this.index, time);
        }
        return;
      case 'restart':
        this.down = false;
        return;
      case 'flush':
        // An operator empties the cache; a write-back cache writes its dirty entries out first.
        if (!this.down) this.writeBack?.flush(this.table, time);
        this.table.clear();
        return;
      case 'slow':
        this.slowFactor = factor;
        return;
      case 'recover':
        this.slowFactor = 1;
        return;
    }
  }

  beginMeasurement(time: number): void {
    this.pool?.stats.beginMeasurement(time);
    this.arrivals.beginMeasurement(time);
    this.measuredReads = 0;
    this.stats.beginMeasurement();
    this.latency.reset();
  }

  closeWindow(start: number, time: number): WindowNodeSample {
    const served = this.arrivals.closeWindow();
    const hitRatio = this.stats.closeWindow();
    if (!this.pool) return { utilization: 0, queueLength: 0, p99: 0, served, dropped: 0, hitRatio };
    this.pool.stats.advance(time, this.pool.busy, this.pool.queue.length);
    return { ...this.pool.stats.closeWindow(start, time), served, hitRatio };
  }

  /** The theory line: computed once, from the catalogue of the one client feeding this cache. */
  private theoryFor(readRate: number): HitRatioTheory | null {
    if (this.node.eviction === 'ttl') return this.computeTheory(readRate);
    if (this.theory === undefined) this.theory = this.computeTheory(readRate);
    return this.theory;
  }

  private computeTheory(readRate: number): HitRatioTheory | null {
    const clients = clientsFeeding(this.ctx, this.index);
    if (clients.length !== 1) return null;
    const client = clients[0] as (typeof clients)[number];
    const reaches = this.ctx.keysReaching(this.index) ?? undefined;
    return expectedHitRatio(client.catalogue, this.node.capacity, this.node.eviction, this.node.ttl, readRate, reaches);
  }

  report(time: number): NodeReport {
    const measured = time - this.arrivals.measureStart;
    const cache = this.figures(this.theoryFor(measured > 0 ? this.measuredReads / measured : 0));
    const base = queuelessReport({
      id: this.id,
      kind: this.kind,
      label: this.label,
      arrivals: this.arrivals.total,
      served: this.answered,
      throughput: this.arrivals.throughput(time),
      latency: this.latency,
    });
    if (!this.pool) return { ...base, cache };
    const pool = this.pool;
    pool.stats.advance(time, pool.busy, pool.queue.length);
    // A pool's latency is queue wait + lookup; throughput stays the arrivals' (what the cache took in).
    const { throughput: _, ...figures } = pool.stats.measured(time);
    return { ...base, ...figures, inSystem: pool.busy + pool.queue.length, cache };
  }

  live() {
    // Theory is left to the report: a TTL cache would recompute it for every frame.
    const cache = this.figures(null);
    const pool = this.pool;
    const queueing = pool
      ? {
          utilization: pool.stats.utilizationAt(this.ctx.scheduler.now, pool.busy),
          busy: pool.busy,
          queueLength: pool.queue.length,
          inSystem: pool.busy + pool.queue.length,
          workers: pool.workers,
        }
      : { busy: 0, queueLength: 0, inSystem: 0, workers: 0 };
    return { ...queueing, down: this.down, slowFactor: this.slowFactor, hitRatio: cache.hitRatio, cache };
  }

  private figures(theory: HitRatioTheory | null): CacheReport {
    return cacheFigures(this.stats, theory, {
      writes: this.writes,
      lostWrites: this.lostWrites,
      evictions: this.table.evictions,
      expirations: this.table.expirations,
      bypassed: this.bypassed,
      entries: this.table.size,
      dirty: this.table.dirtyCount,
      flushes: this.writeBack?.flushes ?? 0,
      flushedEntries: this.writeBack?.flushedEntries ?? 0,
    });
  }
}
