import { balancerOverhead } from '../../scenario/load-balancer-presets';
import type { LoadBalancerNode } from '../../scenario/schema';
import type { TargetState } from '../balancing/algorithm';
import { healthTimeline, targetFigures } from '../balancing/balancer-figures';
import { ConnectionPins } from '../balancing/connection-pins';
import { TargetChooser } from '../balancing/target-chooser';
import { TargetHealth } from '../balancing/target-health';
import { followMembership } from '../balancing/follow-membership';
import { scales } from '../elastic/group-size';
import { RequestQueue } from '../request-queue';
import { RequestFlag } from '../request-pool';
import { type NodeReport, Outcome, type WindowNodeSample } from '../types';
import { ArrivalCounter } from './arrival-counter';
import { ArrivalsAhead } from './arrivals-ahead';
import { type Component, EventKind, type RuntimeLink, type SimContext } from '../component';
import { StationStats } from './station-stats';

const PROBE = EventKind.timer0;
const PROBE_TIMEOUT = EventKind.timer1;
const READMIT = EventKind.timer2;
const PROCESSED = EventKind.timer3;
/** Weight of the newest sample in the response-time average. */
const EWMA_ALPHA = 0.2;

/**
 * Spreads requests over its outgoing links with a balancing algorithm and
 * adds no delay of its own. Tracks open requests and response times per
 * target when the algorithm or a passive health check needs them, and sends
 * active health probes that travel and cost capacity like requests.
 */
export class LoadBalancer implements Component {
  readonly kind = 'loadBalancer';
  readonly id: string;
  readonly label: string;
  readonly observesResponses: boolean;
  private readonly chooser: TargetChooser;
  /** One target per replica of each node it links to. */
  private readonly targets: readonly { link: RuntimeLink; replica: number }[];
  private readonly state: TargetState & { open: Int32Array; responseTime: Float64Array };
  readonly health: TargetHealth;
  private readonly arrivals = new ArrivalCounter();
  private probesSent = 0;
  /** Requests sent to each target (by position among outgoing links). */
  readonly routed: Float64Array;
  // The balancer's own CPU, used only when it has work to do per request.
  private readonly hasCpu: boolean;
  /** CPU seconds per request, from the node or its preset's table (scenario/load-balancer-presets.ts). */
  private readonly overhead: number;
  private readonly waiting = new RequestQueue();
  private busy = 0;
  /** Figures of the balancer's CPU (queue, waits, time spent), as a station's. */
  private readonly cpu: StationStats;
  /**
   * True when nothing the balancer decides depends on when a request gets
   * there: no CPU, no health checks, no open-request counts. The simulation
   * may then hand it requests as they are sent (cut-through), saving an event.
   */
  readonly canPassThrough: boolean;
  private readonly ahead = new ArrivalsAhead();
  /** L4: the target of each open connection (null at L7, or when every request has a connection of its own). */
  private readonly pins: ConnectionPins | null;

  constructor(
    readonly index: number,
    private readonly node: LoadBalancerNode,
    private readonly ctx: SimContext,
  ) {
    this.id = node.id;
    this.label = node.label ?? node.id;
    this.targets = ctx.outgoing(index).flatMap((link) => Array.from({ length: ctx.replicasOf(link.to) }, (_, replica) => ({ link, replica })));
    const count = this.targets.length;
    const nodeIds = ctx.targetIds(this.targets.map((t) => t.link));
    this.health = new TargetHealth(count, node.healthCheck);
    this.state = {
      count,
      eligible: this.health.eligible,
      open: new Int32Array(count),
      responseTime: new Float64Array(count),
      weights: Float64Array.from(this.targets, (t) => t.link.weight),
      ids: this.targets.map((t, i) => (ctx.replicasOf(t.link.to) > 1 ? `${nodeIds[i]} #${t.replica + 1}` : (nodeIds[i] as string))),
    };
    this.chooser = new TargetChooser(node, this.state, ctx.rng(index, 0), ctx.requestTypes, (type) => ctx.internRequestType(type));
    // An L4 balancer sees connections, not requests; when no client keeps one open for several requests
    // (the default), each request is a connection and picking per request is the same thing.
    const longConnections = ctx.nodes.some((n) => n.kind === 'client' && (n.connections.requestsPerConnection > 1 || n.connections.lifetime !== null));
    this.pins = node.layer === 'L4' && longConnections ? new ConnectionPins(this.state) : null;
    this.observesResponses = this.chooser.observesResponses || node.healthCheck.passive !== null || this.pins !== null;
    this.routed = new Float64Array(count);
    this.overhead = balancerOverhead(node);
    this.hasCpu = this.overhead > 0 || (node.layer === 'L7' && node.tlsTermination);
    this.cpu = new StationStats(node.workers);
    // A scaling group's membership can change between a request's send and its arrival: route on arrival.
    const followsGroups = this.targets.some((t) => scales(ctx.nodes[t.link.to]));
    this.canPassThrough = !this.hasCpu && !this.observesResponses && node.healthCheck.active === null && !followsGroups;
  }

  /** A live edit replaced or removed this balancer: it stops probing (what it has out still settles). */
  private retired = false;

  retire(): void {
    this.retired = true;
  }

  start(time: number): void {
    followMembership(this.ctx, this.targets, this.health, time);
    const active = this.node.healthCheck.active;
    if (!active) return;
    // Stagger the first probes across one interval so they do not arrive in a burst.
    for (let t = 0; t < this.targets.length; t++) {
      this.ctx.schedule(this.index, PROBE, t, time + (active.interval * (t + 1)) / this.targets.length);
    }
  }

  handle(kind: number, arg: number, time: number): void {
    switch (kind) {
      case EventKind.arrive:
        this.arrive(arg, time);
        return;
      case PROCESSED:
        this.processed(arg, time);
        return;
      case EventKind.response:
        this.onResponse(arg, time);
        return;
      case PROBE:
        if (!this.retired) this.probe(arg, time);
        return;
      case PROBE_TIMEOUT:
        this.settleProbe(arg, false, time);
        return;
      case READMIT:
        this.health.readmit(arg, time);
        return;
    }
  }

  /**
   * Routes a request that will arrive at `time`, now, as it is sent: exact
   * when canPassThrough holds and arrivals come in order (one incoming link).
   * Its counts wait in `ahead` until simulated time reaches the arrival.
   */
  passThrough(request: number, time: number): void {
    this.countArrivalsBefore(this.ctx.scheduler.now, true);
    this.ahead.push(time, this.route(request, time));
  }

  /** Counts the cut-through arrivals before `time` (or at it, when `inclusive`). */
  private countArrivalsBefore(time: number, inclusive: boolean): void {
    const ahead = this.ahead;
    while (ahead.length > 0 && (ahead.firstTime < time || (inclusive && ahead.firstTime === time))) {
      this.arrivals.count(ahead.firstTime);
      this.countRouted(ahead.shift());
    }
  }

  private arrive(request: number, time: number): void {
    this.arrivals.count(time);
    if (!this.hasCpu) {
      this.countRouted(this.route(request, time));
      return;
    }
    this.ctx.requests.arrivedAt[request] = time;
    this.advance(time);
    if (this.busy < this.node.workers) {
      this.busy++;
      this.process(request, time);
    } else this.waiting.push(request);
  }

  /** Spends the balancer's CPU on a request: its fixed overhead, plus TLS if it terminates it. */
  private process(request: number, time: number): void {
    const requests = this.ctx.requests;
    this.cpu.started(requests.arrivedAt[request] as number, time);
    let cost = this.overhead;
    const flags = requests.flags[request] as number;
    if (this.node.tlsTermination && this.node.layer === 'L7' && (flags & RequestFlag.encrypted) !== 0) {
      cost += this.node.tlsCost;
      requests.flags[request] = flags & ~RequestFlag.encrypted;
    }
    this.ctx.schedule(this.index, PROCESSED, request, time + cost);
  }

  private processed(request: number, time: number): void {
    this.cpu.finished(this.ctx.requests.arrivedAt[request] as number, time);
    this.advance(time);
    if (this.waiting.length > 0) this.process(this.waiting.shift(), time);
    else this.busy--;
    this.countRouted(this.route(request, time));
  }

  private countRouted(choice: number): void {
    if (choice >= 0) this.routed[choice] = (this.routed[choice] as number) + 1;
  }

  private advance(time: number): void {
    this.cpu.advance(time, this.busy, this.waiting.length);
  }

  /** Sends a request on to the target it picks, or answers "no route"; returns the pick (−1 for none). */
  private route(request: number, time: number): number {
    const requests = this.ctx.requests;
    const choice = this.pins ? this.pins.choose(requests, request, () => this.chooser.choose(requests, request)) : this.chooser.choose(requests, request);
    if (choice < 0) {
      this.ctx.respond(request, Outcome.noRoute, time);
      return choice;
    }
    if (this.chooser.rewrites) requests.requestType[request] = this.chooser.rewrite(requests.requestType[request] as number);
    // Open requests per target; with connection pins, open connections (counted by the pins).
    if (this.observesResponses && !this.pins) this.state.open[choice] = (this.state.open[choice] as number) + 1;
    this.sendTo(request, choice, time);
    return choice;
  }

  /** Sends a request to target `position`, noting the pick for its response and its replica for the node. */
  private sendTo(request: number, position: number, time: number): void {
    const requests = this.ctx.requests;
    const target = this.targets[position] as { link: RuntimeLink; replica: number };
    requests.hopTarget[request * requests.stride + (requests.depth[request] as number)] = position;
    requests.replica[request] = target.replica;
    this.ctx.send(request, target.link, time);
  }

  keysRoutedTo(node: number): ((key: number) => boolean) | null {
    const owner = this.chooser.keyOwner();
    return owner ? (key) => this.targets[owner(key)]?.link.to === node : null;
  }

  private onResponse(request: number, time: number): void {
    const requests = this.ctx.requests;
    const at = request * requests.stride + (requests.depth[request] as number);
    const target = requests.hopTarget[at] as number;
    if (((requests.flags[request] as number) & RequestFlag.probe) !== 0) {
      this.settleProbe(request, requests.outcome[request] === Outcome.ok, time);
      return;
    }
    const state = this.state;
    if (this.pins) this.pins.answered(requests, request, target);
    else state.open[target] = (state.open[target] as number) - 1;
    const outcome = requests.outcome[request] as number;
    const sample = time - (requests.hopTime[at] as number);
    const previous = state.responseTime[target] as number;
    state.responseTime[target] = previous === 0 ? sample : previous + EWMA_ALPHA * (sample - previous);
    const failed = outcome === Outcome.nodeDown || outcome === Outcome.queueFull;
    if (this.health.responseResult(target, !failed, time)) {
      this.ctx.schedule(this.index, READMIT, target, time + (this.node.healthCheck.passive?.cooloff ?? 0));
    }
    this.ctx.continueResponse(request, time);
  }

  private probe(target: number, time: number): void {
    const active = this.node.healthCheck.active;
    if (!active) return;
    const requests = this.ctx.requests;
    const request = this.ctx.newRequest();
    if (request < 0) {
      // The engine is full: skip this probe (the target's health stands as it is) and try at the next interval.
      this.ctx.schedule(this.index, PROBE, target, time + active.interval);
      return;
    }
    requests.client[request] = this.index;
    requests.owner[request] = -1;
    requests.flags[request] = RequestFlag.probe;
    requests.sentAt[request] = time;
    requests.refs[request] = 2; // the probe's trip and its timeout
    this.probesSent++;
    this.ctx.schedule(this.index, PROBE_TIMEOUT, request, time + active.timeout);
    this.sendTo(request, target, time);
    this.ctx.schedule(this.index, PROBE, target, time + active.interval);
  }

  /** The first of a probe's answer and its timeout decides; the other only lets go of the slot. */
  private settleProbe(request: number, ok: boolean, time: number): void {
    const requests = this.ctx.requests;
    if (((requests.flags[request] as number) & RequestFlag.settled) === 0) {
      requests.flags[request] = (requests.flags[request] as number) | RequestFlag.settled;
      const target = requests.hopTarget[request * requests.stride] as number;
      this.health.probeResult(target, ok, time);
    }
    requests.release(request);
  }

  beginMeasurement(time: number): void {
    this.countArrivalsBefore(time, false);
    this.advance(time);
    this.arrivals.beginMeasurement(time);
    this.cpu.beginMeasurement(time);
  }

  closeWindow(start: number, time: number): WindowNodeSample {
    this.countArrivalsBefore(time, false);
    this.advance(time);
    const cpu = this.cpu.closeWindow(start, time);
    return { ...cpu, served: this.arrivals.closeWindow() };
  }

  report(time: number): NodeReport {
    this.countArrivalsBefore(time, true);
    this.advance(time);
    return {
      id: this.id,
      kind: this.kind,
      label: this.label,
      arrivals: this.arrivals.total,
      served: this.arrivals.total,
      dropped: 0,
      refused: 0,
      lost: 0,
      ...this.cpu.measured(time),
      throughput: this.arrivals.throughput(time),
      inSystem: this.busy + this.waiting.length,
      targets: this.targetFigures(),
      probesSent: this.probesSent,
      healthTimeline: healthTimeline(this.health, this.state.ids),
    };
  }

  live() {
    this.countArrivalsBefore(this.ctx.scheduler.now, true);
    const workers = this.hasCpu ? this.node.workers : 0;
    const utilization = this.hasCpu ? { utilization: this.cpu.utilizationAt(this.ctx.scheduler.now, this.busy) } : {};
    return { ...utilization, busy: this.busy, queueLength: this.waiting.length, inSystem: this.busy + this.waiting.length, workers, targets: this.targetFigures() };
  }

  private targetFigures() {
    return targetFigures(this.targets, this.state, this.routed, this.health);
  }
}
