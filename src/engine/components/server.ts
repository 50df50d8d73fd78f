import { nodeCostPerHour } from '../../scenario/kinds';
import type { FaultAction, ServerNode, SessionStoreNode } from '../../scenario/schema';
import { createSampler, type Sampler } from '../distributions';
import { RequestFlag } from '../request-pool';
import { type SessionSettings, SessionLookup } from '../sessions';
import type { SessionTable } from '../session-table';
import { EventKind, type RuntimeLink, type SimContext } from '../component';
import { ServerMachines } from '../resources/server-machines';
import type { OutcomeCode } from '../types';
import { groupSlots, initialInstances } from '../elastic/group-size';
import { Autoscaler, type ScalingGroup, ScalingTimer } from '../elastic/autoscaler';
import { drainGrace } from '../elastic/drain-grace';
import { instanceFigures, liveInstances } from '../elastic/instance-figures';
import { QueueingStation } from './queueing-station';

/** A visit to one of the machine's resources ended (servers with `resources`). */
const VISIT_DONE = EventKind.timer1;
/** The autoscaler's decision, and an instance's cold start or drain grace ending (servers with `autoscaling`). */
const SCALING_DECISION = EventKind.timer2;
const INSTANCE_TIMER = EventKind.timer3;

/**
 * An application server: c workers, a queue, one service-time distribution.
 * It may decrypt TLS and keep user sessions, in its own memory or in a
 * session store it calls (holding the worker) before serving.
 */
export class Server extends QueueingStation {
  readonly kind = 'server';
  private readonly sample: Sampler;
  private readonly storeLink: RuntimeLink | null;
  private readonly forwardLinks: readonly RuntimeLink[];
  /** CPU, memory, disk and network as queues, when the node has a `resources` block. */
  private readonly machines: ServerMachines | null;
  /** Where sessions live: this server's replicas' own tables, or the one of the store it calls. */
  private readonly sessionTables: readonly SessionTable[];
  /** Drives the group's membership, when the node has an `autoscaling` block. */
  readonly autoscaler: Autoscaler | null;
  /** Arrivals when the current metrics window opened (a scaling group's window counts its load). */
  private arrivalsBeforeWindow = 0;

  constructor(
    index: number,
    private readonly node: ServerNode,
    ctx: SimContext,
  ) {
    super(index, node.id, node.label, node.workers, node.queueCapacity, ctx, groupSlots(node), initialInstances(node));
    this.sample = createSampler(ctx.rng(index, 0), node.serviceTime);
    const out = ctx.outgoing(index);
    this.storeLink = out.find((link) => ctx.kindOf(link.to) === 'sessionStore') ?? null;
    this.forwardLinks = out.filter((link) => ctx.kindOf(link.to) !== 'sessionStore');
    this.observesResponses = node.sessions === 'externalStore' && this.storeLink !== null;
    this.machines = node.resources
      ? new ServerMachines(
          node.resources,
          groupSlots(node),
          ctx,
          ctx.rng(index, 1),
          (request, at) => ctx.schedule(index, VISIT_DONE, request, at),
          (request, time) => this.finish(request, time),
        )
      : null;
    const store = this.observesResponses ? (this.storeLink as RuntimeLink).to : -1;
    this.sessionTables =
      store >= 0
        ? [ctx.sessions.table(store, 0, sessionSettings(ctx.nodes[store] as SessionStoreNode))]
        : Array.from({ length: groupSlots(node) }, (_, r) => ctx.sessions.table(index, r, sessionSettings(node)));
    this.autoscaler = node.autoscaling ? new Autoscaler(node.autoscaling, this.scalingGroup()) : null;
    // Utilization is over the instances that can work, not every slot of the group.
    if (this.autoscaler) this.setWorkingInstances(initialInstances(node), ctx.scheduler.now);
  }

  override start(time = 0): void {
    super.start();
    this.autoscaler?.start(time, drainGrace(this.ctx, this.index));
  }

  retire(): void {
    this.autoscaler?.stop();
  }

  /** The group as the autoscaler drives it. */
  private scalingGroup(): ScalingGroup {
    return {
      membership: this.membership,
      workersPerInstance: this.workers,
      holds: (instance) => this.holds(instance),
      busyWorkerSeconds: (time) => this.busyWorkerSeconds(time),
      backlog: () => this.backlogFeedingMe(),
      boot: (instance) => this.bootUnit(instance),
      shutDown: (instance, time) => this.stopUnit(instance, time),
      workingChanged: (working, time) => this.setWorkingInstances(working, time),
      schedule: (timer, arg, time) =>
        this.ctx.schedule(this.index, timer === ScalingTimer.decide ? SCALING_DECISION : INSTANCE_TIMER, arg, time),
    };
  }

  /** Messages waiting in the queues this group consumes from (the backlog policy's measure). */
  private backlogFeedingMe(): number {
    let waiting = 0;
    for (let node = 0; node < this.ctx.nodes.length; node++) {
      if (this.ctx.kindOf(node) !== 'messageQueue') continue;
      if (this.ctx.outgoing(node).some((link) => link.to === this.index)) waiting += this.ctx.backlogOf(node);
    }
    return waiting;
  }

  protected override instanceEmptied(instance: number, time: number): void {
    this.autoscaler?.emptied(instance, time);
  }

  override report(time: number) {
    let report = { ...super.report(time), costPerHour: nodeCostPerHour(this.node) };
    if (this.autoscaler) {
      // A scaling group pays for the instance-seconds it ran: its cost per hour is the run's mean.
      const instances = instanceFigures(this.autoscaler, this.node.costPerHour, time);
      report = { ...report, instances, costPerHour: instances.meanRunning * this.node.costPerHour };
    }
    return this.machines ? { ...report, resources: this.machines.report(time) } : report;
  }

  override live() {
    let live = super.live();
    if (this.autoscaler) {
      const instances = liveInstances(this.autoscaler);
      live = { ...live, instances, workers: this.workers * (instances.serving + instances.draining) };
    }
    return this.machines ? { ...live, resources: this.machines.live(this.ctx.scheduler.now) } : live;
  }

  override closeWindow(start: number, time: number) {
    const sample = super.closeWindow(start, time);
    if (!this.autoscaler) return sample;
    const arrivals = this.stats.arrivals - this.arrivalsBeforeWindow;
    this.arrivalsBeforeWindow = this.stats.arrivals;
    return { ...sample, instances: { ...this.autoscaler.timeline.closeWindow(start, time), arrivals } };
  }

  override handle(kind: number, request: number, time: number): void {
    if (kind === VISIT_DONE && this.machines) this.machines.visitDone(request, time);
    else if (kind === SCALING_DECISION && this.autoscaler) this.autoscaler.handle(ScalingTimer.decide, request, time);
    else if (kind === INSTANCE_TIMER && this.autoscaler) this.autoscaler.handle(ScalingTimer.instance, request, time);
    else super.handle(kind, request, time);
  }

  protected override startService(request: number, time: number, slowFactor: number): void {
    if (!this.machines) {
      super.startService(request, time, slowFactor);
      return;
    }
    this.machines.start(request, this.replicaOf(request), this.serviceTime(request) * slowFactor, this.node.speed, time);
  }

  override beginMeasurement(time: number): void {
    super.beginMeasurement(time);
    this.machines?.beginMeasurement(time);
  }

  override applyFault(action: FaultAction, factor: number, time: number, replica = -1): void {
    super.applyFault(action, factor, time, replica);
    if (action === 'crash') this.machines?.crash(time, replica);
  }

  override evict(time: number, outcome: OutcomeCode): void {
    super.evict(time, outcome);
    this.machines?.crash(time);
  }

  protected override downstream(): readonly RuntimeLink[] {
    return this.forwardLinks;
  }

  protected override sideCall(request: number): RuntimeLink | null {
    if (!this.observesResponses) return null;
    return ((this.ctx.requests.flags[request] as number) & RequestFlag.probe) === 0 ? this.storeLink : null;
  }

  protected serviceTime(request: number): number {
    const requests = this.ctx.requests;
    const flags = requests.flags[request] as number;
    let time = this.sample() / this.node.speed;
    // Request types can ask more or less of the CPU than the service time says (resources.demands).
    if (this.machines) time *= this.machines.cpuFactor(request);
    if ((flags & RequestFlag.encrypted) !== 0) {
      // Nobody upstream terminated TLS: this server decrypts, once.
      requests.flags[request] = flags & ~RequestFlag.encrypted;
      time += this.node.tlsCost;
    }
    if (this.node.sessions !== 'stateless' && (flags & RequestFlag.probe) === 0) {
      // In memory the session lives on this replica; with a store, in the store (without one, here after all).
      const table = this.sessionTables[this.observesResponses ? 0 : this.replicaOf(request)] as SessionTable;
      const now = this.ctx.scheduler.now;
      const found = this.ctx.sessions.touch(table, requests.client[request] as number, requests.address[request] as number, now);
      if (found !== SessionLookup.found) time += this.node.loginCost;
    }
    return time;
  }
}

/** A node's session lifetime and table bound, as the engine uses them. */
export function sessionSettings(node: ServerNode | SessionStoreNode): SessionSettings {
  return { lifetime: node.sessionLifetime ?? Number.POSITIVE_INFINITY, capacity: node.sessionCapacity };
}
