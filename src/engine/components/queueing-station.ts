import type { FaultAction } from '../../scenario/schema';
import { RequestFlag } from '../request-pool';
import { type LiveNode, type NodeReportOf, Outcome, type OutcomeCode, type WindowNodeSample } from '../types';
import { liveReplicas, replicaFigures } from './replica-figures';
import { type Component, EventKind, type RuntimeLink, type SimContext } from '../component';
import { InstanceState, Membership } from '../elastic/membership';
import { Heartbeats } from '../elastic/heartbeats';
import { ServiceUnit } from './service-unit';
import { StationFaults } from './station-faults';
import { StationStats } from './station-stats';

const SERVICE_DONE = EventKind.timer0;

/** The kinds built on a queueing station. */
export type StationKind = 'server' | 'database' | 'sessionStore' | 'parallelJob';

/**
 * Workers in front of a FIFO queue of bounded or unbounded capacity, on one
 * machine or on several identical replicas: the shape shared by servers,
 * databases and session stores. Each replica is a machine of its own, with
 * its own queue, faults and sessions. A request that finds every worker of
 * its replica busy waits; one that finds the queue full is dropped. After
 * service it is answered, or forwarded when the node has outgoing links.
 * Subclasses say how long a service takes and whether to call out first.
 */
export abstract class QueueingStation implements Component {
  abstract readonly kind: StationKind;
  /** True for a station that makes side calls: their answers must stop here. */
  observesResponses = false;
  readonly label: string;
  private readonly capacity: number;
  private readonly units: ServiceUnit[];
  /** Replica for requests whose sender did not pick one (round robin). */
  private nextUnit = 0;
  private busy = 0;
  private queued = 0;
  protected readonly stats: StationStats;
  /** Crashes, restarts, slow-downs and removals: rare events, kept off the per-request path (station-faults.ts). */
  private readonly faults: StationFaults;
  /** Forward after service, or answer? Links never change during a run. */
  private forwards = false;
  /** A link onwards has a call policy: the worker waits for each forwarded request's answer (resilience/calls.ts). */
  private waitsOnCalls = false;
  /** Which replicas take new requests (all, unless the group scales: engine/elastic/). */
  readonly membership: Membership;
  /** Which replicas are alive to send a registry heartbeats (a crash silences one). */
  readonly heartbeats: Heartbeats;

  constructor(
    readonly index: number,
    readonly id: string,
    label: string | undefined,
    protected readonly workers: number,
    queueCapacity: number | null,
    protected readonly ctx: SimContext,
    /** Identical machines behind this node, each with `workers` workers and its own queue: a scaling group's most. */
    readonly replicas = 1,
    /** Replicas serving when the run starts (a scaling group starts with fewer than its most). */
    initialInstances = replicas,
  ) {
    this.label = label ?? id;
    this.membership = new Membership(replicas, initialInstances);
    this.heartbeats = new Heartbeats(replicas);
    this.capacity = queueCapacity ?? Number.POSITIVE_INFINITY;
    this.units = Array.from({ length: replicas }, (_, r) => new ServiceUnit(workers, r * workers));
    this.stats = new StationStats(workers * replicas);
    this.faults = new StationFaults(index, ctx, this.units, this.stats, this.heartbeats, {
      lose: (waiting, serving, time) => {
        this.advance(time);
        this.busy -= serving;
        this.queued -= waiting;
      },
      emptied: (instance, time) => this.instanceEmptied(instance, time),
    });
  }

  /** Service time of this request, in seconds. */
  protected abstract serviceTime(request: number): number;

  /** Serves a request that holds a worker; `finish` ends it. A server with resources runs it through them instead. */
  protected startService(request: number, time: number, slowFactor: number): void {
    this.ctx.schedule(this.index, SERVICE_DONE, request, time + this.serviceTime(request) * slowFactor);
  }

  /** A link to call before serving this request (a session lookup), or null. */
  protected sideCall(_request: number): RuntimeLink | null {
    return null;
  }

  /** The replica that must serve this request (a database picks by shard, and reads or writes), or −1: the station deals it. */
  protected routeTo(_request: number): number {
    return -1;
  }

  /** Service of `request` on replica `unit` ended at `time` (a database commits a write, or serves a read, then). */
  protected served(_request: number, _unit: number, _time: number): void {}

  /** The links a served request may be forwarded on. */
  protected downstream(): readonly RuntimeLink[] {
    return this.ctx.outgoing(this.index);
  }

  start(): void {
    this.forwards = this.downstream().length > 0;
    this.waitsOnCalls = this.downstream().some((link) => link.call);
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
    const requests = this.ctx.requests;
    this.stats.arrivals++;
    requests.arrivedAt[request] = time;
    const r = this.unitFor(request);
    if (r < 0) {
      // No instance of the group is running: nothing answers.
      this.stats.refuse();
      this.ctx.respond(request, Outcome.nodeDown, time);
      return;
    }
    const unit = this.units[r] as ServiceUnit;
    unit.arrivals++;
    if (unit.down) {
      // A crashed machine refuses connections: the caller learns at once.
      this.stats.refuse();
      unit.refused++;
      this.ctx.respond(request, Outcome.nodeDown, time);
      return;
    }
    if (!this.membership.isServing(r) && this.membership.stateOf(r) !== InstanceState.draining) {
      // Sent to an instance that has not yet joined the group, or has stopped, from an out-of-date list.
      // (A draining one is still running: it takes what reaches it, as it finishes what it holds.)
      this.stats.refuse();
      unit.refused++;
      this.ctx.respond(request, Outcome.staleEndpoint, time);
      return;
    }
    if (unit.idle) {
      this.advance(time);
      this.begin(unit, request, time);
    } else if (unit.queue.length < this.capacity) {
      this.advance(time);
      unit.queue.push(request);
      this.queued++;
    } else {
      this.stats.drop();
      unit.dropped++;
      this.ctx.respond(request, Outcome.queueFull, time);
    }
  }

  /** The replica a balancer picked for this request (it says so once), or the next serving one in turn; −1 when none serves. */
  private unitFor(request: number): number {
    const routed = this.routeTo(request);
    if (routed >= 0) return routed;
    if (this.replicas === 1) return 0;
    const requests = this.ctx.requests;
    const picked = requests.replica[request] as number;
    requests.replica[request] = -1;
    if (picked >= 0 && picked < this.replicas) return picked;
    for (let tries = 0; tries < this.replicas; tries++) {
      this.nextUnit = (this.nextUnit + 1) % this.replicas;
      if (this.membership.isServing(this.nextUnit)) return this.nextUnit;
    }
    return -1;
  }

  private begin(unit: ServiceUnit, request: number, time: number): void {
    const requests = this.ctx.requests;
    const arrivedAt = requests.arrivedAt[request] as number;
    this.stats.started(arrivedAt, time);
    unit.advance(time);
    const worker = unit.occupy(request, arrivedAt);
    this.busy++;
    requests.worker[request] = worker;
    // The pending service-done event holds the slot, so a crash cannot free it under the event.
    requests.refs[request] = (requests.refs[request] as number) + 1;
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
    this.startService(request, time, unit.slowFactor);
  }

  /** The replica (from 0) whose worker holds `request`: a subclass keeps per-machine state by it. */
  protected replicaOf(request: number): number {
    return Math.floor((this.ctx.requests.worker[request] as number) / this.workers);
  }

  private callReturned(request: number, time: number): void {
    const requests = this.ctx.requests;
    const flags = (requests.flags[request] as number) & ~RequestFlag.calling;
    requests.flags[request] = flags;
    if ((flags & RequestFlag.aborted) !== 0) {
      // This node crashed while the call was out: the request fails now that it is back.
      requests.release(request);
      this.ctx.respond(request, this.faults.abortOutcome, time);
      return;
    }
    let worker = -1;
    for (const unit of this.units) if (worker < 0) worker = unit.workerOf(request);
    requests.worker[request] = worker;
    const outcome = requests.outcome[request] as OutcomeCode;
    if (outcome !== Outcome.ok) {
      // The store could not answer: the request fails with its reason.
      this.release(worker, time);
      requests.release(request);
      this.ctx.respond(request, outcome, time);
      return;
    }
    const unit = this.units[Math.floor(worker / this.workers)] as ServiceUnit;
    this.startService(request, time, unit.slowFactor);
  }

  /** Frees a worker and starts the next request waiting on its replica, if any. */
  private release(worker: number, time: number): void {
    const unit = this.units[Math.floor(worker / this.workers)] as ServiceUnit;
    this.advance(time);
    unit.advance(time);
    unit.vacate(worker);
    this.busy--;
    if (unit.queue.length > 0) {
      this.queued--;
      this.begin(unit, unit.queue.shift(), time);
    } else if (unit.busy === 0) this.instanceEmptied(Math.floor(worker / this.workers), time);
  }

  /** Replica `instance` holds no request any more (a draining instance may stop): the autoscaler listens. */
  protected instanceEmptied(_instance: number, _time: number): void {}

  /** Requests replica `instance` holds: waiting, or taking a worker. */
  holds(instance: number): number {
    const unit = this.units[instance] as ServiceUnit;
    return unit.busy + unit.queue.length;
  }

  /** Busy worker-seconds of every replica since the run began, read at `time` without accruing. */
  busyWorkerSeconds(time: number): number {
    return this.stats.busyWorkerSeconds(time, this.busy);
  }

  /**
   * The machine in replica slot `instance` stops (a scaling group): its memory goes with it, and whatever it
   * still held fails as in a crash. A drain stops a machine only once it holds nothing, so that never happens.
   */
  protected stopUnit(instance: number, time: number): void {
    this.faults.stop(instance, time);
  }

  /** `instances` instances can work from `time` on (a scaling group's serving and draining ones): utilization counts their workers. */
  protected setWorkingInstances(instances: number, time: number): void {
    this.advance(time);
    this.stats.setCapacity(this.workers * instances);
  }

  /** A fresh machine boots in replica slot `instance` (a scaling group): no fault of its predecessor carries over. */
  protected bootUnit(instance: number): void {
    this.faults.boot(instance);
  }

  protected finish(request: number, time: number): void {
    const requests = this.ctx.requests;
    const aborted = ((requests.flags[request] as number) & RequestFlag.aborted) !== 0;
    requests.release(request);
    if (aborted) return;
    const worker = requests.worker[request] as number;
    const unit = this.units[Math.floor(worker / this.workers)] as ServiceUnit;
    this.stats.finished(unit.arrivalOf(worker), time);
    unit.served++;
    this.served(request, Math.floor(worker / this.workers), time);
    if (this.waitsOnCalls && this.forwards && ((requests.flags[request] as number) & RequestFlag.probe) === 0) {
      // A blocking call: the worker stays taken until callSettled.
      requests.flags[request] = (requests.flags[request] as number) | RequestFlag.calling;
      this.ctx.forward(request, this.index, time, this.downstream());
      return;
    }
    this.release(worker, time);
    // Health probes are answered here: a /health endpoint does not call the database.
    if (this.forwards && ((requests.flags[request] as number) & RequestFlag.probe) === 0) {
      this.ctx.forward(request, this.index, time, this.downstream());
    } else this.ctx.respond(request, Outcome.ok, time);
  }

  /** A call made after service has ended: free the worker and answer with the call's outcome. */
  callSettled(request: number, outcome: OutcomeCode, time: number): void {
    const requests = this.ctx.requests;
    const flags = (requests.flags[request] as number) & ~RequestFlag.calling;
    requests.flags[request] = flags;
    // Lost in a crash while the call was out: its worker is gone; it fails now that the call is over.
    if ((flags & RequestFlag.aborted) !== 0) this.ctx.respond(request, this.faults.abortOutcome, time);
    else {
      this.release(requests.worker[request] as number, time);
      this.ctx.respond(request, outcome, time);
    }
  }

  /** A fault hits replica `replica` (from 0) alone, or every replica when it is −1. */
  applyFault(action: FaultAction, factor: number, time: number, replica = -1): void {
    this.faults.apply(action, factor, time, replica);
  }

  /** A live edit removed the node: what waits or is served here fails with `outcome`. */
  evict(time: number, outcome: OutcomeCode): void {
    this.faults.evict(time, outcome);
  }

  /** Sessions held now and lost in crashes, on replica `replica`. */
  private sessionsOf(replica: number, time: number): { held: number; lost: number } {
    const table = this.ctx.sessions.existing(this.index, replica);
    return { held: table?.held(time) ?? 0, lost: table?.lost ?? 0 };
  }

  private advance(time: number): void {
    this.stats.advance(time, this.busy, this.queued);
  }

  beginMeasurement(time: number): void {
    this.advance(time);
    this.stats.beginMeasurement(time);
    for (const unit of this.units) unit.beginMeasurement(time);
  }

  closeWindow(start: number, time: number): WindowNodeSample {
    this.advance(time);
    return this.stats.closeWindow(start, time);
  }

  report(time: number): NodeReportOf<StationKind> {
    this.advance(time);
    const { stats } = this;
    const perReplica = replicaFigures(this.units, time, (r) => this.sessionsOf(r, time));
    return {
      id: this.id,
      kind: this.kind,
      label: this.label,
      arrivals: stats.arrivals,
      served: stats.served,
      dropped: stats.dropped,
      refused: stats.refused,
      lost: stats.lost,
      sessions: perReplica.reduce((sum, r) => ({ held: sum.held + r.sessions.held, lost: sum.lost + r.sessions.lost }), { held: 0, lost: 0 }),
      ...stats.measured(time),
      inSystem: this.busy + this.queued,
      replicas: this.replicas,
      perReplica,
    };
  }

  live(): LiveNode {
    const now = this.ctx.scheduler.now;
    const figures = {
      utilization: this.stats.utilizationAt(now, this.busy),
      busy: this.busy,
      queueLength: this.queued,
      inSystem: this.busy + this.queued,
      workers: this.workers * this.replicas,
    };
    if (this.replicas === 1) {
      const unit = this.units[0] as ServiceUnit;
      return { ...figures, down: unit.down, slowFactor: unit.slowFactor };
    }
    return { ...figures, ...liveReplicas(this.units, now) };
  }
}
