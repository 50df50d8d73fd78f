import type { ConnectionPolicy } from '../../scenario/schema';
import type { RuntimeLink } from '../component';
import { RequestQueue } from '../request-queue';

/**
 * One caller instance's connections to the far end of one link. Without a
 * `pool` in the policy every call opens a connection and closes it when its
 * answer is back; with one, up to `size` stay open and idle ones are reused
 * newest first (as PgBouncer and most client pools do), so the surplus ages
 * out after `idleTimeout`. Calls that find every connection in use wait in
 * `waiting` (wait ids, oldest first; ConnectionLayer keeps what each is).
 */
export class ConnectionPool {
  /** Connections open: in use plus idle. */
  open = 0;
  inUse = 0;
  /** When each idle connection became idle, oldest first (from `idleHead` on): calls take the newest. */
  private readonly idleSince: number[] = [];
  private idleHead = 0;
  /**
   * When each connection whose answer is on its way back comes free, earliest
   * first (from `returningHead` on). They turn idle lazily, when the pool is
   * next looked at (`settle`), so a free connection costs no event of its own.
   */
  private readonly returning: number[] = [];
  private returningHead = 0;
  /** A settle event is due for this pool (at most one at a time): calls wait for a returning connection. */
  settlePending = false;
  readonly waiting = new RequestQueue();
  /** Calls waiting now (`waiting` also holds the ids of those that timed out, until they reach its head). */
  waitingNow = 0;
  /** An idle-expiry event is due for this pool (at most one at a time). */
  expiryPending = false;
  /** A live edit changed the link's policy or far end: new calls go to a new pool; this one closes as its calls end. */
  retired = false;
  // Figures since measurement began.
  calls = 0;
  /** Calls that got a connection (at once or after waiting). */
  boarded = 0;
  /** Calls that had to wait for one, and their total wait. */
  waited = 0;
  waitSum = 0;
  maxWait = 0;
  timeouts = 0;
  refused = 0;
  handshakes = 0;
  idleClosed = 0;
  peakOpen = 0;

  constructor(
    readonly id: number,
    readonly link: RuntimeLink,
    readonly policy: ConnectionPolicy,
    /** The node the connections go to. */
    readonly callee: number,
    /** Which instance of the caller (a replicated server's replica) keeps it. */
    readonly instance: number,
  ) {}

  /** The most connections it keeps open; without a pool, no bound (each call has its own). */
  get size(): number {
    return this.policy.pool?.size ?? Number.POSITIVE_INFINITY;
  }

  get idle(): number {
    return this.idleSince.length - this.idleHead;
  }

  /** When the oldest idle connection became idle; call only when idle > 0. */
  get oldestIdleSince(): number {
    return this.idleSince[this.idleHead] as number;
  }

  /** Connections on their way back to the pool. */
  get returningCount(): number {
    return this.returning.length - this.returningHead;
  }

  /** When the next returning connection comes free; call only when returningCount > 0. */
  get nextFreeAt(): number {
    return this.returning[this.returningHead] as number;
  }

  /** A call's answer is on its way back: its connection comes free at `time`. */
  comesFree(time: number): void {
    const returning = this.returning;
    let at = returning.length;
    // In order already, unless a live edit shortened the link's latency.
    while (at > this.returningHead && (returning[at - 1] as number) > time) at--;
    if (at === returning.length) returning.push(time);
    else returning.splice(at, 0, time);
  }

  /** Connections that came free by `time` turn idle, each idle since it came free. */
  settle(time: number): void {
    while (this.returningCount > 0 && this.nextFreeAt <= time) {
      this.putIdle(this.nextFreeAt);
      this.returningHead++;
    }
    if (this.returningHead > 1024 && this.returningHead * 2 > this.returning.length) {
      this.returning.splice(0, this.returningHead);
      this.returningHead = 0;
    }
  }

  /** Hands over the connections still on their way back (a retired pool closes each as it comes free). */
  takeReturning(): number[] {
    const out = this.returning.slice(this.returningHead);
    this.returning.length = 0;
    this.returningHead = 0;
    return out;
  }

  /** Takes the most recently used idle connection. */
  takeIdle(): void {
    this.idleSince.pop();
    this.inUse++;
  }

  /** A call ended and its connection stays open, idle since `time`. */
  putIdle(time: number): void {
    this.inUse--;
    this.idleSince.push(time);
  }

  /** Closes the oldest idle connection. */
  closeOldestIdle(): void {
    this.idleHead++;
    this.open--;
    this.idleClosed++;
    // Reclaim the front of the array now and then, so a long run does not grow it.
    if (this.idleHead > 1024 && this.idleHead * 2 > this.idleSince.length) {
      this.idleSince.splice(0, this.idleHead);
      this.idleHead = 0;
    }
  }

  /** A new connection was opened for a call. */
  opened(): void {
    this.open++;
    this.inUse++;
    this.handshakes++;
    if (this.open > this.peakOpen) this.peakOpen = this.open;
  }

  /** A call took a connection after waiting `wait` seconds (0: at once). */
  boardedAfter(wait: number): void {
    this.boarded++;
    if (wait > 0) {
      this.waited++;
      this.waitSum += wait;
      if (wait > this.maxWait) this.maxWait = wait;
    }
  }

  /** Measurement begins: forget the figures, keep the connections. */
  resetFigures(): void {
    this.calls = this.boarded = this.waited = this.waitSum = this.maxWait = 0;
    this.timeouts = this.refused = this.handshakes = this.idleClosed = 0;
    this.peakOpen = this.open;
  }
}
