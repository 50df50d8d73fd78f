import type { ConnectionPolicy } from '../../scenario/schema';
import type { RuntimeLink } from '../component';
import type { RequestPool } from '../request-pool';
import { Outcome, type OutcomeCode } from '../types';
import type { ConnectionFigures, InboundConnections } from './connection-figures';
import { ConnectionPool } from './connection-pool';
import { linkFigures } from './link-figures';
import { handshakeDelay, refusalDelay } from './handshake';

/** The connection layer's own events; each arg is a pool id, except a wait timeout's (a wait id). */
export const ConnectionEvent = { release: 0, waitTimeout: 1, idleExpiry: 2, settle: 3 } as const;

/** What the connection layer needs of the simulation. */
export interface ConnectionHost {
  readonly requests: RequestPool;
  /** Puts `request` on `link`, leaving at `time` (its hop is recorded); it reaches the far end a link latency later. */
  cross(request: number, link: RuntimeLink, time: number): void;
  respond(request: number, outcome: OutcomeCode, time: number): void;
  scheduleConnectionEvent(kind: number, arg: number, time: number): void;
  /** Which instance of `node` sends `request` (a replicated server's replica; 0 otherwise). */
  instanceOf(request: number, node: number): number;
  /** The most connections `node` accepts at once from all callers; null: no limit. */
  connectionLimitOf(node: number): number | null;
  nodeId(node: number): string;
}

interface Wait {
  request: number;
  pool: ConnectionPool;
  since: number;
}

/**
 * Connections on links with a `connection` policy (routing.ts hands it every
 * send on such a link). A call takes an idle pooled connection, or opens a
 * new one (the handshake delays its arrival, handshake.ts) while the pool
 * has room and the far end accepts more, or waits first in first out for a
 * connection to come free. It holds the connection until its answer has
 * crossed the link back (routing.ts tells `answered`); then the connection
 * goes to the oldest waiting call, turns idle, or closes (no pool). A pooled
 * connection turns idle without an event of its own: the pool notes when it
 * comes free and settles it the next time it is looked at; an event is due
 * only when calls wait for it, or when it would expire.
 */
export class ConnectionLayer {
  private readonly pools: ConnectionPool[] = [];
  /** Pools in use by link index, then caller instance. */
  private readonly byLink: (ConnectionPool[] | undefined)[] = [];
  /** Pools by calling node, for its figures. */
  private readonly byCaller: (ConnectionPool[] | undefined)[] = [];
  private readonly inbound: (InboundConnections | undefined)[] = [];
  /** The pool whose connection a request holds on each hop (slot × stride + hop); −1: none. */
  private held = new Int32Array(0);
  private readonly waits = new Map<number, Wait>();
  private nextWait = 0;

  constructor(private readonly host: ConnectionHost) {}

  /** True once a link has needed a connection or a node has had one opened to it (until then no node has connection figures). */
  get active(): boolean {
    return this.pools.length > 0 || this.inbound.length > 0;
  }

  /** True once a link has needed a connection: until then no answer can free one. */
  get holdsConnections(): boolean {
    return this.pools.length > 0;
  }

  /** A call on `link` (whose policy is `policy`) needs a connection: take, open or wait for one. */
  send(request: number, link: RuntimeLink, policy: ConnectionPolicy, time: number): void {
    const pool = this.poolFor(link, policy, this.host.instanceOf(request, link.from), time);
    pool.calls++;
    pool.settle(time);
    if (pool.idle > 0) {
      pool.takeIdle();
      this.board(pool, request, 0, time);
    } else if (pool.open < pool.size) this.openFor(pool, request, time);
    else {
      const id = this.nextWait++;
      this.waits.set(id, { request, pool, since: time });
      pool.waiting.push(id);
      pool.waitingNow++;
      const timeout = policy.pool?.waitTimeout ?? null;
      if (timeout !== null) this.host.scheduleConnectionEvent(ConnectionEvent.waitTimeout, id, time + timeout);
      this.scheduleSettle(pool);
    }
  }

  /** The answer of `request` crosses back, at `time`, the hop it took at `hop` (slot × stride + depth): its connection comes free then. */
  answered(hop: number, time: number): void {
    const id = this.held[hop] ?? -1;
    if (id < 0) return;
    this.held[hop] = -1;
    const pool = this.pools[id] as ConnectionPool;
    // A connection that closes (no pool, or a retired one) does so at its time: an event.
    if (pool.policy.pool === null || pool.retired) {
      this.host.scheduleConnectionEvent(ConnectionEvent.release, id, time);
      return;
    }
    // A pooled one turns idle lazily; only a call waiting for it needs an event at that time.
    pool.comesFree(time);
    if (pool.waitingNow > 0) this.scheduleSettle(pool);
    else this.scheduleExpiry(pool);
  }

  /** One of the layer's events. */
  handle(kind: number, arg: number, time: number): void {
    if (kind === ConnectionEvent.release) this.release(this.pools[arg] as ConnectionPool, time);
    else if (kind === ConnectionEvent.waitTimeout) this.waitTimedOut(arg, time);
    else if (kind === ConnectionEvent.settle) this.settled(this.pools[arg] as ConnectionPool, time);
    else this.expireIdle(this.pools[arg] as ConnectionPool, time);
  }

  /** Measurement begins (end of warm-up): every pool forgets its figures. */
  beginMeasurement(): void {
    for (const pool of this.pools) pool.resetFigures();
    for (const inbound of this.inbound) {
      if (inbound === undefined) continue;
      inbound.peak = inbound.open;
      inbound.refused = 0;
    }
  }

  /** Connections open to `node` now, from all callers. */
  openTo(node: number): number {
    return this.inbound[node]?.open ?? 0;
  }

  /** Connections to `node` from all callers, or undefined if none was ever opened or refused. */
  inboundOf(node: number): InboundConnections | undefined {
    const inbound = this.inbound[node];
    return inbound === undefined ? undefined : { ...inbound };
  }

  /**
   * A connection to `node` that does not come from a link's policy (a
   * pooler's server connections): true if `node` accepts it, and it counts
   * as open until `closeConnection`.
   */
  openConnection(node: number): boolean {
    const inbound = this.inboundTo(node);
    if (inbound.limit !== null && inbound.open >= inbound.limit) {
      inbound.refused++;
      return false;
    }
    inbound.open++;
    if (inbound.open > inbound.peak) inbound.peak = inbound.open;
    return true;
  }

  /** Closes a connection `openConnection` opened. */
  closeConnection(node: number): void {
    this.inboundTo(node).open--;
  }

  /** The connection figures of each of `node`'s links with a policy. */
  figuresOf(node: number): ConnectionFigures[] | undefined {
    const pools = this.byCaller[node];
    if (pools === undefined) return undefined;
    const byLink = new Map<RuntimeLink, ConnectionPool[]>();
    for (const pool of pools) byLink.set(pool.link, [...(byLink.get(pool.link) ?? []), pool]);
    return [...byLink].map(([link, list]) => linkFigures(link, list, (callee) => this.host.nodeId(callee)));
  }

  private inboundTo(node: number): InboundConnections {
    let inbound = this.inbound[node];
    if (inbound === undefined) {
      inbound = { open: 0, peak: 0, refused: 0, limit: this.host.connectionLimitOf(node) };
      this.inbound[node] = inbound;
    }
    return inbound;
  }

  private poolFor(link: RuntimeLink, policy: ConnectionPolicy, instance: number, time: number): ConnectionPool {
    const perInstance = this.byLink[link.index] ?? (this.byLink[link.index] = []);
    let pool = perInstance[instance];
    // A live edit that changes the policy or the far end starts a new pool; the old one winds down.
    if (pool === undefined || pool.policy !== policy || pool.callee !== link.to) {
      if (pool !== undefined) this.retire(pool, time);
      pool = new ConnectionPool(this.pools.length, link, policy, link.to, instance);
      this.pools.push(pool);
      perInstance[instance] = pool;
      const mine = this.byCaller[link.from] ?? (this.byCaller[link.from] = []);
      mine.push(pool);
    }
    return pool;
  }

  private retire(pool: ConnectionPool, time: number): void {
    pool.settle(time);
    pool.retired = true;
    while (pool.idle > 0) this.closeIdle(pool);
    // Those still on their way back close as they come free (or go to the calls still waiting here).
    for (const freeAt of pool.takeReturning()) this.host.scheduleConnectionEvent(ConnectionEvent.release, pool.id, freeAt);
  }

  /** Opens a new connection for `request`, unless the far end is at its limit (then the call fails as refused). */
  private openFor(pool: ConnectionPool, request: number, time: number): void {
    const link = pool.link;
    if (!this.openConnection(pool.callee)) {
      pool.refused++;
      this.host.respond(request, Outcome.tooManyConnections, time + refusalDelay(pool.policy, link.latency));
      return;
    }
    pool.opened();
    this.board(pool, request, 0, time + handshakeDelay(pool.policy, link.latency));
  }

  /** `request` leaves on a connection of `pool` at `depart`, after waiting `wait` seconds for it. */
  private board(pool: ConnectionPool, request: number, wait: number, depart: number): void {
    pool.boardedAfter(wait);
    const requests = this.host.requests;
    const hop = request * requests.stride + (requests.depth[request] as number);
    if (hop >= this.held.length) this.growHeld(requests.capacity * requests.stride);
    this.held[hop] = pool.id;
    this.host.cross(request, pool.link, depart);
  }

  /** A connection that closes when its call is over (no pool, or a pool a live edit retired) comes free. */
  private release(pool: ConnectionPool, time: number): void {
    // The connection goes straight to the oldest call still waiting (a timed-out one has left the queue's map).
    while (pool.waiting.length > 0) {
      const id = pool.waiting.shift();
      const wait = this.waits.get(id);
      if (wait === undefined) continue;
      this.waits.delete(id);
      pool.waitingNow--;
      this.board(pool, wait.request, time - wait.since, time);
      return;
    }
    // No pool, or a retired one: the connection closes.
    pool.inUse--;
    pool.open--;
    this.closeConnection(pool.callee);
  }

  /** A returning connection came free while calls wait: they take what is idle now, oldest call first. */
  private settled(pool: ConnectionPool, time: number): void {
    pool.settlePending = false;
    pool.settle(time);
    this.serveWaiting(pool, time);
    this.scheduleSettle(pool);
    this.scheduleExpiry(pool);
  }

  /** Calls still waiting take idle connections, oldest call first (a timed-out one has left the queue's map). */
  private serveWaiting(pool: ConnectionPool, time: number): void {
    while (pool.idle > 0 && pool.waitingNow > 0) {
      const id = pool.waiting.shift();
      const wait = this.waits.get(id);
      if (wait === undefined) continue;
      this.waits.delete(id);
      pool.waitingNow--;
      pool.takeIdle();
      this.board(pool, wait.request, time - wait.since, time);
    }
  }

  /** While calls wait, one settle event is due when the next returning connection comes free. */
  private scheduleSettle(pool: ConnectionPool): void {
    if (pool.settlePending || pool.returningCount === 0 || pool.waitingNow === 0) return;
    pool.settlePending = true;
    this.host.scheduleConnectionEvent(ConnectionEvent.settle, pool.id, pool.nextFreeAt);
  }

  private waitTimedOut(id: number, time: number): void {
    const wait = this.waits.get(id);
    if (wait === undefined) return;
    this.waits.delete(id);
    wait.pool.waitingNow--;
    wait.pool.timeouts++;
    this.host.respond(wait.request, Outcome.poolTimeout, time);
  }

  private scheduleExpiry(pool: ConnectionPool): void {
    const idleTimeout = pool.policy.pool?.idleTimeout ?? null;
    if (idleTimeout === null || pool.expiryPending) return;
    // The oldest idle connection, or the first to come back and turn idle.
    const since = pool.idle > 0 ? pool.oldestIdleSince : pool.returningCount > 0 ? pool.nextFreeAt : null;
    if (since === null) return;
    pool.expiryPending = true;
    this.host.scheduleConnectionEvent(ConnectionEvent.idleExpiry, pool.id, since + idleTimeout);
  }

  /** Closes every idle connection of `pool` that has been idle for its whole `idleTimeout`. */
  private expireIdle(pool: ConnectionPool, time: number): void {
    pool.expiryPending = false;
    const idleTimeout = pool.policy.pool?.idleTimeout ?? null;
    if (idleTimeout === null) return;
    pool.settle(time);
    this.serveWaiting(pool, time);
    while (pool.idle > 0 && pool.oldestIdleSince + idleTimeout <= time) this.closeIdle(pool);
    this.scheduleExpiry(pool);
  }

  private closeIdle(pool: ConnectionPool): void {
    pool.closeOldestIdle();
    this.closeConnection(pool.callee);
  }

  private growHeld(size: number): void {
    const grown = new Int32Array(Math.max(size, this.held.length * 2)).fill(-1);
    grown.set(this.held);
    this.held = grown;
  }
}
