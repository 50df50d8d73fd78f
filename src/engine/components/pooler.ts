import type { PoolerNode } from '../../scenario/schema';
import { type Component, EventKind, type RuntimeLink, type SimContext } from '../component';
import type { PoolerFigures } from '../connections/pooler-figures';
import { LatencyHistogram } from '../histogram';
import { RequestQueue } from '../request-queue';
import { type LiveNode, type NodeReportOf, Outcome, type WindowNodeSample } from '../types';
import { emptyLatency } from './report-helpers';

const OVERHEAD_DONE = EventKind.timer0;
const WAIT_TIMED_OUT = EventKind.timer1;

/**
 * A connection pooler in transaction mode (PgBouncer's pool_mode=transaction):
 * a request arriving on any client connection waits out the pooler's
 * `overhead`, then takes one of `serverConnections` connections to the
 * database (opened as first needed and then kept, so their handshake is
 * not charged), holds it until the database's answer is back here, and
 * frees it for the oldest waiting request. Client connections are counted
 * by the connection layer (callers' links with a `connection` policy),
 * which refuses new ones past `maxClientConnections`.
 */
export class Pooler implements Component {
  readonly kind = 'pooler';
  readonly observesResponses = true;
  readonly label: string;
  private serverOpen = 0;
  private busy = 0;
  /** Wait ids, oldest first; `waits` says which request each is (a timed-out one has left it). */
  private readonly queue = new RequestQueue();
  private readonly waits = new Map<number, { request: number; since: number }>();
  private nextWait = 0;
  private arrivals = 0;
  private served = 0;
  private measuredServed = 0;
  private timeouts = 0;
  private refusedByDatabase = 0;
  private waited = 0;
  private maxWait = 0;
  /** Time spent here before going on (overhead + wait), per measured request. */
  private readonly latency = new LatencyHistogram();
  private waitSum = 0;
  private boarded = 0;
  private busyArea = 0;
  private lastChange = 0;
  private measureStart = 0;
  private windowBusyArea = 0;
  private windowWaitSum = 0;
  private windowBoarded = 0;
  private windowServed = 0;
  private windowFailed = 0;

  constructor(
    readonly index: number,
    private readonly node: PoolerNode,
    private readonly ctx: SimContext,
  ) {
    this.label = node.label ?? node.id;
  }

  get id(): string {
    return this.node.id;
  }

  start(): void {}

  handle(kind: number, arg: number, time: number): void {
    if (kind === EventKind.arrive) this.arrive(arg, time);
    else if (kind === OVERHEAD_DONE) this.acquire(arg, time);
    else if (kind === WAIT_TIMED_OUT) this.waitTimedOut(arg, time);
    else if (kind === EventKind.response) this.answered(arg, time);
  }

  private arrive(request: number, time: number): void {
    this.arrivals++;
    this.ctx.requests.arrivedAt[request] = time;
    if (this.node.overhead > 0) this.ctx.schedule(this.index, OVERHEAD_DONE, request, time + this.node.overhead);
    else this.acquire(request, time);
  }

  /** A server connection for `request`: a free open one, a new one while fewer than the most are open, or a place in the queue. */
  private acquire(request: number, time: number): void {
    const out = this.ctx.outgoing(this.index)[0];
    if (out === undefined) {
      this.fail(request, Outcome.noRoute, time);
      return;
    }
    if (this.busy < this.serverOpen) this.board(request, out, time, time);
    else if (this.serverOpen < this.node.serverConnections) {
      if (!this.ctx.openConnection(out.to)) {
        this.refusedByDatabase++;
        this.fail(request, Outcome.tooManyConnections, time);
        return;
      }
      this.serverOpen++;
      this.board(request, out, time, time);
    } else {
      const id = this.nextWait++;
      this.waits.set(id, { request, since: time });
      this.queue.push(id);
      if (this.node.waitTimeout !== null) this.ctx.schedule(this.index, WAIT_TIMED_OUT, id, time + this.node.waitTimeout);
    }
  }

  /** `request` goes to the database on a server connection, having waited since `since`. */
  private board(request: number, out: RuntimeLink, time: number, since: number): void {
    this.advance(time);
    this.busy++;
    const wait = time - since;
    const arrivedAt = this.ctx.requests.arrivedAt[request] as number;
    if (arrivedAt >= this.measureStart) {
      this.boarded++;
      this.waitSum += wait;
      this.latency.record(time - arrivedAt);
      if (wait > 0) this.waited++;
      if (wait > this.maxWait) this.maxWait = wait;
    }
    this.windowBoarded++;
    this.windowWaitSum += wait;
    if (this.ctx.trySend(request, out, time)) return;
    // At the hop limit it never leaves, so its connection is free again at once.
    this.busy--;
    this.fail(request, Outcome.hopLimit, time);
  }

  /** The database's answer is back: the connection goes to the oldest waiting request, and the answer on to the client. */
  private answered(request: number, time: number): void {
    this.advance(time);
    this.busy--;
    this.served++;
    this.windowServed++;
    if (time >= this.measureStart) this.measuredServed++;
    while (this.queue.length > 0) {
      const id = this.queue.shift();
      const wait = this.waits.get(id);
      if (wait === undefined) continue;
      this.waits.delete(id);
      const out = this.ctx.outgoing(this.index)[0];
      if (out === undefined) this.fail(wait.request, Outcome.noRoute, time);
      else this.board(wait.request, out, time, wait.since);
      break;
    }
    this.ctx.continueResponse(request, time);
  }

  private waitTimedOut(id: number, time: number): void {
    const wait = this.waits.get(id);
    if (wait === undefined) return;
    this.waits.delete(id);
    this.timeouts++;
    this.fail(wait.request, Outcome.poolTimeout, time);
  }

  private fail(request: number, outcome: (typeof Outcome)[keyof typeof Outcome], time: number): void {
    this.windowFailed++;
    this.ctx.respond(request, outcome, time);
  }

  /** Adds the time since the last change to the integral of connections in use. */
  private advance(time: number): void {
    const span = time - this.lastChange;
    this.windowBusyArea += this.busy * span;
    if (time > this.measureStart) this.busyArea += this.busy * (time - Math.max(this.lastChange, this.measureStart));
    this.lastChange = time;
  }

  beginMeasurement(time: number): void {
    this.advance(time);
    this.measureStart = time;
    this.busyArea = 0;
    this.boarded = this.waitSum = this.waited = this.maxWait = this.timeouts = this.refusedByDatabase = this.measuredServed = 0;
    this.latency.reset();
  }

  closeWindow(start: number, time: number): WindowNodeSample {
    this.advance(time);
    const span = time - start;
    const sample: WindowNodeSample = {
      utilization: span > 0 ? this.windowBusyArea / span / this.node.serverConnections : 0,
      queueLength: this.queue.length,
      p99: 0,
      served: this.windowServed,
      dropped: this.windowFailed,
      pooler: {
        serverBusy: span > 0 ? this.windowBusyArea / span : 0,
        meanWait: this.windowBoarded > 0 ? this.windowWaitSum / this.windowBoarded : 0,
        clientConnections: this.ctx.connectionsOpenTo(this.index),
      },
    };
    this.windowBusyArea = this.windowWaitSum = this.windowBoarded = this.windowServed = this.windowFailed = 0;
    return sample;
  }

  /** The pooler's own figures at `time`. */
  figures(time: number): PoolerFigures {
    this.advance(time);
    const measured = time - this.measureStart;
    return {
      clientConnections: this.ctx.connectionsOpenTo(this.index),
      maxClientConnections: this.node.maxClientConnections,
      serverConnections: this.node.serverConnections,
      serverOpen: this.serverOpen,
      serverBusy: this.busy,
      meanServerBusy: measured > 0 ? this.busyArea / measured : 0,
      waiting: this.waits.size,
      waited: this.waited,
      meanWait: this.boarded > 0 ? this.waitSum / this.boarded : 0,
      maxWait: this.maxWait,
      timeouts: this.timeouts,
      refusedByDatabase: this.refusedByDatabase,
    };
  }

  report(time: number): NodeReportOf<'pooler'> {
    const measured = time - this.measureStart;
    const pooler = this.figures(time);
    return {
      id: this.id,
      kind: 'pooler',
      label: this.label,
      arrivals: this.arrivals,
      served: this.served,
      dropped: this.timeouts + this.refusedByDatabase,
      throughput: measured > 0 ? this.measuredServed / measured : 0,
      utilization: pooler.meanServerBusy / this.node.serverConnections,
      meanQueueLength: 0,
      meanInSystem: pooler.meanServerBusy,
      waitProbability: this.boarded > 0 ? this.waited / this.boarded : 0,
      meanWait: pooler.meanWait,
      latency: this.latency.count > 0 ? this.latency.summary() : emptyLatency(),
      inSystem: this.busy + this.waits.size,
      pooler,
    };
  }

  live(): LiveNode {
    return {
      busy: this.busy,
      queueLength: this.waits.size,
      inSystem: this.busy + this.waits.size,
      workers: this.node.serverConnections,
      pooler: this.figures(this.lastChange),
    };
  }
}
