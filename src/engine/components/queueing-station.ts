import type { FaultAction, NodeKind } from '../../scenario/schema';
import { LatencyHistogram } from '../histogram';
import { RequestFlag } from '../request-pool';
import { RequestQueue } from '../request-queue';
import { type NodeReport, Outcome, type OutcomeCode, type WindowNodeSample } from '../types';
import { type Component, EventKind, type RuntimeLink, type SimContext } from './component';
import { emptyLatency } from './report-helpers';

const SERVICE_DONE = EventKind.timer0;

/**
 * `workers` servers in front of one FIFO queue of bounded or unbounded
 * capacity: the shape shared by servers and databases. A request that finds
 * every worker busy waits; one that finds the queue full is dropped. After
 * service the request is answered, or forwarded when the node has outgoing
 * links. Subclasses say only how long a service takes.
 */
export abstract class QueueingStation implements Component {
  abstract readonly kind: NodeKind;
  /** True for a station that makes side calls: their answers must stop here. */
  observesResponses = false;
  readonly label: string;
  private readonly capacity: number;
  private readonly queue = new RequestQueue();
  private busy = 0;
  // Time integrals of busy workers and queue length, advanced at every change.
  private lastChange = 0;
  private busyArea = 0;
  private queueArea = 0;
  private measuredBusyArea = 0;
  private measuredQueueArea = 0;
  private measureStart = 0;
  private windowBusyArea = 0;
  private windowQueueArea = 0;
  private arrivals = 0;
  private served = 0;
  private dropped = 0;
  private measuredServed = 0;
  private measuredWaits = 0;
  private measuredWaited = 0;
  private measuredWaitSum = 0;
  private windowServed = 0;
  private windowDropped = 0;
  private readonly latency = new LatencyHistogram();
  private readonly windowLatency = new LatencyHistogram();
  // Who is in service on each worker, so a crash can fail them at once.
  private readonly inService: Int32Array;
  /** When the request on each worker arrived here (its own arrivedAt is overwritten if it calls out). */
  private readonly workerArrivedAt: Float64Array;
  private readonly freeWorkers: Int32Array;
  private freeWorkerCount: number;
  private down = false;
  private slowFactor = 1;
  private refused = 0;
  private lost = 0;
  private sessionsLost = 0;

  constructor(
    readonly index: number,
    readonly id: string,
    label: string | undefined,
    protected readonly workers: number,
    queueCapacity: number | null,
    protected readonly ctx: SimContext,
  ) {
    this.label = label ?? id;
    this.capacity = queueCapacity ?? Number.POSITIVE_INFINITY;
    this.inService = new Int32Array(workers).fill(-1);
    this.workerArrivedAt = new Float64Array(workers);
    this.freeWorkers = Int32Array.from({ length: workers }, (_, i) => workers - 1 - i);
    this.freeWorkerCount = workers;
  }

  /** Service time of this request, in seconds. */
  protected abstract serviceTime(request: number): number;

  /** A link to call before serving this request (a session lookup), or null. */
  protected sideCall(_request: number): RuntimeLink | null {
    return null;
  }

  /** The links a served request may be forwarded on. */
  protected downstream(): readonly RuntimeLink[] {
    return this.ctx.outgoing(this.index);
  }

  /** Forward after service, or answer? Links never change during a run. */
  private forwards = false;

  start(): void {
    this.forwards = this.downstream().length > 0;
  }

  handle(kind: number, request: number, time: number): void {
    if (kind === EventKind.arrive) this.arrive(request, time);
    else if (kind === SERVICE_DONE) this.finish(request, time);
    else if (kind === EventKind.response) {
      const flags = this.ctx.requests.flags[request] as number;
      if ((flags & RequestFlag.calling) !== 0) this.callReturned(request, time);
      else this.ctx.continueResponse(request, time);
    }
  }

  private arrive(request: number, time: number): void {
    this.arrivals++;
    this.ctx.requests.arrivedAt[request] = time;
    if (this.down) {
      // A crashed node refuses connections: the caller learns at once.
      this.refused++;
      this.windowDropped++;
      this.ctx.respond(request, Outcome.nodeDown, time);
    } else if (this.busy < this.workers) {
      this.advance(time);
      this.busy++;
      this.begin(request, time);
    } else if (this.queued < this.capacity) {
      this.advance(time);
      this.queue.push(request);
    } else {
      this.dropped++;
      this.windowDropped++;
      this.ctx.respond(request, Outcome.queueFull, time);
    }
  }

  private begin(request: number, time: number): void {
    const arrivedAt = this.ctx.requests.arrivedAt[request] as number;
    if (arrivedAt >= this.measureStart) {
      const wait = time - arrivedAt;
      this.measuredWaits++;
      if (wait > 0) {
        this.measuredWaited++;
        this.measuredWaitSum += wait;
      }
    }
    const requests = this.ctx.requests;
    const worker = this.freeWorkers[--this.freeWorkerCount] as number;
    this.inService[worker] = request;
    requests.worker[request] = worker;
    // The pending service-done event holds the slot, so a crash cannot free it under the event.
    requests.refs[request] = (requests.refs[request] as number) + 1;
    this.workerArrivedAt[worker] = arrivedAt;
    const call = this.sideCall(request);
    if (call !== null) {
      // The worker waits for the answer (a blocking call), then serves.
      requests.flags[request] = (requests.flags[request] as number) | RequestFlag.calling;
      if (this.ctx.trySend(request, call, time)) return;
      requests.flags[request] = (requests.flags[request] as number) & ~RequestFlag.calling;
      this.release(worker, time);
      requests.release(request);
      this.ctx.respond(request, Outcome.hopLimit, time);
      return;
    }
    this.ctx.schedule(this.index, SERVICE_DONE, request, time + this.serviceTime(request) * this.slowFactor);
  }

  private callReturned(request: number, time: number): void {
    const requests = this.ctx.requests;
    const flags = (requests.flags[request] as number) & ~RequestFlag.calling;
    requests.flags[request] = flags;
    if ((flags & RequestFlag.aborted) !== 0) {
      // This node crashed while the call was out: the request fails now that it is back.
      requests.release(request);
      this.ctx.respond(request, Outcome.nodeDown, time);
      return;
    }
    const worker = this.inService.indexOf(request);
    requests.worker[request] = worker;
    const outcome = requests.outcome[request] as OutcomeCode;
    if (outcome !== Outcome.ok) {
      // The store could not answer: the request fails with its reason.
      this.release(worker, time);
      requests.release(request);
      this.ctx.respond(request, outcome, time);
      return;
    }
    this.ctx.schedule(this.index, SERVICE_DONE, request, time + this.serviceTime(request) * this.slowFactor);
  }

  /** Frees a worker and starts the next waiting request on it, if any. */
  private release(worker: number, time: number): void {
    this.inService[worker] = -1;
    this.freeWorkers[this.freeWorkerCount++] = worker;
    this.advance(time);
    if (this.queued > 0) this.begin(this.queue.shift(), time);
    else this.busy--;
  }

  private finish(request: number, time: number): void {
    const requests = this.ctx.requests;
    const aborted = ((requests.flags[request] as number) & RequestFlag.aborted) !== 0;
    requests.release(request);
    if (aborted) return;
    const worker = requests.worker[request] as number;
    this.served++;
    this.windowServed++;
    const arrivedAt = this.workerArrivedAt[worker] as number;
    if (arrivedAt >= this.measureStart) {
      this.measuredServed++;
      this.latency.record(time - arrivedAt);
    }
    this.windowLatency.record(time - arrivedAt);
    this.release(worker, time);
    // Health probes are answered here: a /health endpoint does not call the database.
    if (this.forwards && ((requests.flags[request] as number) & RequestFlag.probe) === 0) {
      this.ctx.forward(request, this.index, time, this.downstream());
    } else this.ctx.respond(request, Outcome.ok, time);
  }

  applyFault(action: FaultAction, factor: number, time: number): void {
    switch (action) {
      case 'crash':
        if (!this.down) {
          this.crash(time);
          this.sessionsLost += this.ctx.sessions.drop(this.index);
        }
        return;
      case 'restart':
        this.down = false;
        return;
      case 'slow':
        this.slowFactor = factor;
        return;
      case 'recover':
        this.slowFactor = 1;
        return;
    }
  }

  /** Everything waiting or in service fails now; arrivals are refused until a restart. */
  private crash(time: number): void {
    this.advance(time);
    this.down = true;
    const requests = this.ctx.requests;
    while (this.queued > 0) {
      this.lost++;
      this.ctx.respond(this.queue.shift(), Outcome.nodeDown, time);
    }
    for (let worker = 0; worker < this.workers; worker++) {
      const request = this.inService[worker] as number;
      if (request < 0) continue;
      const flags = requests.flags[request] as number;
      requests.flags[request] = flags | RequestFlag.aborted;
      this.inService[worker] = -1;
      this.freeWorkers[this.freeWorkerCount++] = worker;
      this.lost++;
      // One out on a call fails when the call comes back; the rest fail now.
      if ((flags & RequestFlag.calling) === 0) this.ctx.respond(request, Outcome.nodeDown, time);
    }
    this.busy = 0;
  }

  private advance(time: number): void {
    const dt = time - this.lastChange;
    if (dt > 0) {
      this.busyArea += this.busy * dt;
      this.queueArea += this.queued * dt;
      this.lastChange = time;
    }
  }

  private get queued(): number {
    return this.queue.length;
  }

  beginMeasurement(time: number): void {
    this.advance(time);
    this.measureStart = time;
    this.measuredBusyArea = this.busyArea;
    this.measuredQueueArea = this.queueArea;
    this.measuredServed = 0;
    this.measuredWaits = 0;
    this.measuredWaited = 0;
    this.measuredWaitSum = 0;
    this.latency.reset();
  }

  closeWindow(start: number, time: number): WindowNodeSample {
    this.advance(time);
    const width = time - start;
    const busy = this.busyArea - this.windowBusyArea;
    const queue = this.queueArea - this.windowQueueArea;
    this.windowBusyArea = this.busyArea;
    this.windowQueueArea = this.queueArea;
    const sample = {
      utilization: width > 0 ? busy / (width * this.workers) : 0,
      queueLength: width > 0 ? queue / width : 0,
      p99: this.windowLatency.percentile(99),
      served: this.windowServed,
      dropped: this.windowDropped,
    };
    this.windowLatency.reset();
    this.windowServed = 0;
    this.windowDropped = 0;
    return sample;
  }

  report(time: number): NodeReport {
    this.advance(time);
    const measured = time - this.measureStart;
    const busy = this.busyArea - this.measuredBusyArea;
    const queue = this.queueArea - this.measuredQueueArea;
    return {
      id: this.id,
      kind: this.kind,
      label: this.label,
      arrivals: this.arrivals,
      served: this.served,
      dropped: this.dropped,
      refused: this.refused,
      lost: this.lost,
      sessions: { held: this.ctx.sessions.heldBy(this.index), lost: this.sessionsLost },
      throughput: measured > 0 ? this.measuredServed / measured : 0,
      utilization: measured > 0 ? busy / (measured * this.workers) : 0,
      meanQueueLength: measured > 0 ? queue / measured : 0,
      meanInSystem: measured > 0 ? (busy + queue) / measured : 0,
      waitProbability: this.measuredWaits > 0 ? this.measuredWaited / this.measuredWaits : 0,
      meanWait: this.measuredWaits > 0 ? this.measuredWaitSum / this.measuredWaits : 0,
      latency: this.latency.count > 0 ? this.latency.summary() : emptyLatency(),
      inSystem: this.busy + this.queued,
    };
  }

  live() {
    return {
      busy: this.busy,
      queueLength: this.queued,
      inSystem: this.busy + this.queued,
      workers: this.workers,
      down: this.down,
      slowFactor: this.slowFactor,
    };
  }
}
