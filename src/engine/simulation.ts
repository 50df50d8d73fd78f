import { groupSlots } from './elastic/group-size';
import type { Membership } from './elastic/membership';
import type { Heartbeats } from './elastic/heartbeats';
import { MessageQueue } from './messaging/message-queue';
import { engineLimits } from '../scenario/engine-limits';
import { faultReplicaProblem } from '../scenario/faults';
import type { Fault, FaultAction, GraphChange, Link, NodeKind, RequestType, Scenario, ScenarioNode } from '../scenario/schema';
import { type ClientTotals, type Component, KIND_BITS, type RuntimeLink, type SimContext } from './component';
import { createComponent } from './components/registry';
import { applyFault, liveFaultRefusal } from './fault-application';
import { swapGraph } from './live-edits';
import { type SystemTheory, systemTheory } from './queueing-theory';
import { createRng, deriveSeed, type Rng } from './rng';
import { CallLayer } from './resilience/calls';
import { LayerFigures } from './layer-figures';
import { CALLS_NODE, CONNECTIONS_NODE, RoutingLayer } from './routing';
import { ConnectionLayer } from './connections/connection-layer';
import { connectionLimit, sendingInstance } from './connections/connection-ends';
import { countsOf, createTotals } from './totals';
import { WindowLog } from './window-log';
import { runCost } from './elastic/run-cost';
import { SessionRegistry } from './sessions';
import { TimedList } from './timed-list';
import type {
  LiveSnapshot,
  MeasuredFigures,
  Report,
  RunLayout,
  Simulation,
  SimulationOptions,
  TraceSink,
  WindowSample,
} from './types';

const WINDOW_CLOSES = 0;
const WARMUP_ENDS = 1;
const KIND_MASK = (1 << KIND_BITS) - 1;
/** The simulation's own events go to this node number, beyond any node a run can have (live edits append nodes). */
const SYSTEM_NODE = (1 << 26) - 1;

/** Builds a simulation of a validated scenario. */
export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  return new EngineSimulation(scenario, options);
}

/** A time just after `t` (one or two steps of a double): nothing but what is already due can happen between. */
function justAfter(t: number): number {
  return t + Math.max(Number.MIN_VALUE, Math.abs(t) * Number.EPSILON);
}

/** Runs `scenario` to its duration and returns the report. */
export function runScenario(scenario: Scenario, options: SimulationOptions = {}): Report {
  const sim = createSimulation(scenario, options);
  sim.runUntil(scenario.duration);
  return sim.report();
}

/**
 * The event loop: it pops events in (time, sequence) order and dispatches
 * each to its node, keeps the run's clock-driven events (warm-up end, metrics
 * windows, faults) and answers what components ask (SimContext); the routing
 * layer it extends moves requests across links.
 *
 * Live edits (the scenario's `changes`) swap the graph between events (see
 * live-edits.ts) and faults are applied between events too
 * (fault-application.ts): this class only decides when each is due. Live
 * figures and the report list every component by number, retired ones too.
 */
class EngineSimulation extends RoutingLayer implements Simulation, SimContext {
  readonly totals: ClientTotals;
  readonly measureFrom: number;
  events = 0;
  private readonly seed: number;
  private readonly systemNode: number;
  private readonly windowWidth: number;
  private readonly windows: WindowLog;
  readonly requestTypes: RequestType[] = [];
  readonly sessions = new SessionRegistry();
  private readonly requestTypeOffsets: number[] = [];
  /** The scenario's faults not yet applied. */
  private readonly pendingFaults: TimedList<Fault>;
  /** When a fault was last injected live (-1: never). */
  private liveFaultAt = -1;
  private readonly indexOfNode: Map<string, number>;
  /** Each component's node, by component number. */
  private readonly specs: ScenarioNode[];
  /** The graph in effect now, and its links by id. */
  private graph: { nodes: readonly ScenarioNode[]; links: readonly Link[] };
  private readonly linkById = new Map<string, RuntimeLink>();
  /** When each retired component stopped taking work, by component number. */
  private readonly retiredAt = new Map<number, number>();
  /** Graph changes not yet applied. */
  private readonly pendingChanges: TimedList<GraphChange>;
  private currentLayout: RunLayout | null = null;
  /** The closed form the run follows, until a fault or a live edit leaves it (then null for good). */
  private theory: SystemTheory | null;
  protected readonly calls: CallLayer;
  protected readonly connections: ConnectionLayer;
  /** What the calls, sidecars and connections add to each node's figures. */
  private readonly figures: LayerFigures;

  constructor(
    private readonly scenario: Scenario,
    options: SimulationOptions,
  ) {
    const indexOf = new Map(scenario.nodes.map((node, i) => [node.id, i]));
    super(scenario, indexOf, options.trace ?? null, { ...engineLimits(scenario.hopLimit), ...options.limits });
    this.indexOfNode = indexOf;
    this.seed = options.seed ?? scenario.seed;
    this.measureFrom = options.warmup ?? scenario.warmup;
    this.windowWidth = options.window ?? 1;
    this.windows = new WindowLog(options.maxWindows ?? 3600);
    this.totals = createTotals();
    for (const node of scenario.nodes) {
      this.requestTypeOffsets.push(this.requestTypes.length);
      if (node.kind === 'client') this.requestTypes.push(...node.mix);
    }
    this.systemNode = SYSTEM_NODE;
    this.specs = scenario.nodes.slice();
    this.graph = { nodes: scenario.nodes, links: scenario.links };
    for (const link of this.links) this.linkById.set(link.id, link);
    this.pendingChanges = new TimedList(scenario.changes);
    this.pendingFaults = new TimedList(scenario.faults);
    this.calls = new CallLayer({
      requests: this.requests,
      totals: this.totals,
      newRequest: () => this.newRequest(),
      trySend: (request, link, time) => this.trySend(request, link, time),
      respond: (request, outcome, time) => this.respond(request, outcome, time),
      scheduleCallEvent: (kind, arg, time) => this.schedule(CALLS_NODE, kind, arg, time),
      component: (node) => this.components[node] as Component,
      // Streams past every node's (node × 16 + purpose), one per link.
      linkRng: (link) => createRng(deriveSeed(this.seed, 0x40000000 + link.index)),
      nodeId: (node) => (this.specs[node] as ScenarioNode).id,
    });
    this.connections = new ConnectionLayer({
      requests: this.requests,
      cross: (request, link, time) => this.cross(request, link, time),
      respond: (request, outcome, time) => this.respond(request, outcome, time),
      scheduleConnectionEvent: (kind, arg, time) => this.schedule(CONNECTIONS_NODE, kind, arg, time),
      instanceOf: (request, node) => sendingInstance(this.specs[node] as ScenarioNode, this.requests.worker[request] as number),
      connectionLimitOf: (node) => connectionLimit(this.specs[node] as ScenarioNode),
      nodeId: (node) => (this.specs[node] as ScenarioNode).id,
    });
    const run = this;
    this.figures = new LayerFigures({
      calls: this.calls,
      sidecars: this.sidecars,
      connections: this.connections,
      specs: this.specs,
      outgoing: (node) => this.outgoing(node),
      get now() {
        return run.now;
      },
      measureFrom: this.measureFrom,
    });
    this.attach(scenario.nodes.map((node, i) => createComponent(i, node, this)));
    // Sidecars add latency the closed forms do not know of.
    this.theory = this.sidecars.active ? null : systemTheory(scenario);

    if (this.measureFrom > 0) this.schedule(this.systemNode, WARMUP_ENDS, 0, this.measureFrom);
    else for (const c of this.components) c.beginMeasurement(0);
    if (this.windowWidth > 0) this.schedule(this.systemNode, WINDOW_CLOSES, 0, this.windowWidth);
    for (const c of this.components) c.start(0);
  }

  get now(): number {
    return this.scheduler.now;
  }

  get nodes(): Scenario['nodes'] {
    return this.specs;
  }

  // --- SimContext: what components ask of the simulation ---

  rng(node: number, purpose: number): Rng {
    return createRng(deriveSeed(this.seed, node * 16 + purpose));
  }

  internRequestType(type: RequestType): number {
    const key = JSON.stringify([type.method, type.path, type.headers]);
    const known = this.requestTypes.findIndex((t) => JSON.stringify([t.method, t.path, t.headers]) === key);
    if (known >= 0) return known;
    this.requestTypes.push(type);
    return this.requestTypes.length - 1;
  }

  requestTypeOffset(client: number): number {
    return this.requestTypeOffsets[client] as number;
  }

  targetIds(links: readonly RuntimeLink[]): string[] {
    return links.map((link) => (this.specs[link.to] as { id: string }).id);
  }

  keysReaching(node: number): ((key: number) => boolean) | null {
    const senders = new Set(this.currentLinks().filter((link) => link.to === node).map((link) => link.from));
    if (senders.size !== 1) return null;
    const [sender] = senders;
    return this.components[sender as number]?.keysRoutedTo?.(node) ?? null;
  }

  replicasOf(node: number): number {
    const spec = this.specs[node] as ScenarioNode;
    return spec.kind === 'server' ? groupSlots(spec) : 1;
  }

  membershipOf(node: number): Membership | null {
    return this.components[node]?.membership ?? null;
  }

  heartbeatsOf(node: number): Heartbeats | null {
    return this.components[node]?.heartbeats ?? null;
  }

  backlogOf(node: number): number {
    const component = this.components[node];
    return component instanceof MessageQueue ? component.waiting : 0;
  }

  openConnection(node: number): boolean {
    return this.connections.openConnection(node);
  }

  closeConnection(node: number): void {
    this.connections.closeConnection(node);
  }

  connectionsOpenTo(node: number): number {
    return this.connections.openTo(node);
  }

  kindOf(index: number): NodeKind {
    return (this.specs[index] as ScenarioNode).kind;
  }

  // --- Simulation: how the worker, CLI and tests drive it ---

  runUntil(time: number): void {
    // A change or fault at t applies after every event due at or before t, whether it came with the
    // scenario or live: a live one is applied once the run has drained its instant, so the replay matches.
    for (let due = this.nextTimedAt(); due <= time; due = this.nextTimedAt()) {
      this.runEvents(due);
      this.applyNextTimed();
    }
    this.runEvents(time);
  }

  /** When the next recorded change or fault is due. */
  private nextTimedAt(): number {
    return Math.min(this.pendingChanges.nextAt, this.pendingFaults.nextAt);
  }

  /** Applies the next change or fault; at equal times changes go first, so a fault may hit a node a change added. */
  private applyNextTimed(): void {
    if (this.pendingChanges.nextAt <= this.pendingFaults.nextAt) this.applyNextChange();
    else this.applyNextFault();
  }

  private runEvents(time: number): void {
    const scheduler = this.scheduler;
    const components = this.components;
    const systemNode = this.systemNode;
    let events = 0;
    while (scheduler.size > 0 && scheduler.peek() <= time) {
      scheduler.pop();
      const target = scheduler.poppedTarget;
      const node = target >> KIND_BITS;
      if (node === systemNode) this.handleSystem(target & KIND_MASK);
      else if (node === CALLS_NODE) this.calls.handle(target & KIND_MASK, scheduler.poppedArg, scheduler.now);
      else if (node === CONNECTIONS_NODE) this.connections.handle(target & KIND_MASK, scheduler.poppedArg, scheduler.now);
      else (components[node] as Component).handle(target & KIND_MASK, scheduler.poppedArg, scheduler.now);
      events++;
    }
    this.events += events;
    scheduler.advanceTo(time);
  }

  step(): boolean {
    const scheduler = this.scheduler;
    const due = this.nextTimedAt();
    if (due < scheduler.peek()) {
      this.runEvents(due);
      this.applyNextTimed();
      return true;
    }
    if (!scheduler.pop()) return false;
    const target = scheduler.poppedTarget;
    const node = target >> KIND_BITS;
    if (node === this.systemNode) this.handleSystem(target & KIND_MASK);
    else if (node === CALLS_NODE) this.calls.handle(target & KIND_MASK, scheduler.poppedArg, scheduler.now);
    else if (node === CONNECTIONS_NODE) this.connections.handle(target & KIND_MASK, scheduler.poppedArg, scheduler.now);
    else (this.components[node] as Component).handle(target & KIND_MASK, scheduler.poppedArg, scheduler.now);
    this.events++;
    return true;
  }

  peek(): number {
    return Math.min(this.scheduler.peek(), this.nextTimedAt());
  }

  applyChange(nodes: readonly ScenarioNode[], links: readonly Link[]): GraphChange {
    // A recording applies a change before a fault of the same instant; an edit made just after a live
    // fault (paused, no step between) moves on by a hair's breadth of time, so it replays after it.
    if (this.liveFaultAt === this.now) this.runUntil(justAfter(this.now));
    const change: GraphChange = { at: this.now, nodes: nodes.slice(), links: links.slice() };
    // A live edit overrides what a replayed recording would have done later.
    this.pendingChanges.replaceWith(change);
    this.runUntil(change.at);
    return change;
  }

  private applyNextChange(): void {
    const change = this.pendingChanges.take();
    this.scheduler.advanceTo(Math.max(change.at, this.now));
    swapGraph(
      {
        specs: this.specs,
        indexOfNode: this.indexOfNode,
        requestTypes: this.requestTypes,
        requestTypeOffsets: this.requestTypeOffsets,
        components: this.components,
        links: this.links,
        linksFrom: this.linksFrom,
        linkById: this.linkById,
        sidecars: this.sidecars,
        retiredAt: this.retiredAt,
        measureFrom: this.measureFrom,
        context: this,
        refreshPassThrough: (links, live) => this.refreshPassThrough(links, live),
      },
      this.graph,
      change.nodes,
      change.links,
      this.now,
    );
    this.graph = { nodes: change.nodes, links: change.links };
    this.currentLayout = null;
    this.theory = null;
  }

  private applyNextFault(): void {
    const fault = this.pendingFaults.take();
    this.scheduler.advanceTo(Math.max(fault.at, this.now));
    applyFault(this.components, this.indexOfNode, fault, this.now);
  }

  layout(): RunLayout {
    if (this.currentLayout === null) {
      const nodeIds = this.specs.map((node) => node.id);
      this.currentLayout = {
        nodeIds,
        nodeIndex: Object.fromEntries(this.indexOfNode),
        linkIds: this.links.map((link) => link.id),
        linkEnds: this.links.map((link) => ({ from: nodeIds[link.from] as string, to: nodeIds[link.to] as string })),
      };
    }
    return this.currentLayout;
  }

  private currentLinks(): RuntimeLink[] {
    return [...this.linkById.values()];
  }

  private handleSystem(kind: number): void {
    const now = this.scheduler.now;
    if (kind === WARMUP_ENDS) {
      this.totals.latency.reset();
      this.totals.measuredCompleted = 0;
      this.sidecars.beginMeasurement();
      for (const c of this.components) c.beginMeasurement(now);
      this.connections.beginMeasurement();
    } else if (kind === WINDOW_CLOSES) {
      this.windows.close(now, this.totals, this.components);
      this.schedule(this.systemNode, WINDOW_CLOSES, 0, now + this.windowWidth);
    }
  }

  injectFault(nodeId: string, action: FaultAction, factor = 1, replica?: number): string | null {
    const refusal = liveFaultRefusal(this.components, this.indexOfNode, nodeId, action);
    if (refusal !== null) return refusal;
    // As a recorded fault at this time would: after every event due now (a sliced run may stop mid-instant).
    this.runUntil(this.now);
    const fault = { at: this.now, node: nodeId, action, factor, ...(replica === undefined ? {} : { replica }) };
    const replicaProblem = faultReplicaProblem(fault, { nodes: this.graph.nodes, changes: [] });
    if (replicaProblem !== null) return replicaProblem;
    applyFault(this.components, this.indexOfNode, fault, this.now);
    this.liveFaultAt = this.now;
    this.theory = null;
    return null;
  }

  get pendingEvents(): number {
    return this.scheduler.size;
  }

  get inFlight(): number {
    return this.totals.inFlight;
  }

  get windowCount(): number {
    return this.windows.count;
  }

  windowsSince(from: number): WindowSample[] {
    return this.windows.since(from);
  }

  snapshot(): LiveSnapshot {
    return {
      now: this.now,
      events: this.events,
      ...countsOf(this.totals, this.sessions, this.now),
      // Snapshots may be taken at every step (tests do): only a run that made calls pays for looking them up.
      nodes: this.figures.live(this.components),
      measured: this.measuredFigures(),
      theory: this.theory,
    };
  }

  /** Whole-run figures so far, defined as the report defines them; null during warm-up. */
  private measuredFigures(): MeasuredFigures | null {
    const measured = this.now - this.measureFrom;
    if (measured <= 0) return null;
    return { from: this.measureFrom, throughput: this.totals.measuredCompleted / measured, latency: this.totals.latency.briefSummary() };
  }

  report(): Report {
    const now = this.now;
    const t = this.totals;
    const measured = now - this.measureFrom;
    const nodes = this.components.map((c) => this.figures.report(c, this.retiredAt.get(c.index)));
    return {
      scenario: this.scenario.name,
      seed: this.seed,
      duration: this.scenario.duration,
      warmup: this.measureFrom,
      simulatedTime: now,
      events: this.events,
      totals: {
        ...countsOf(t, this.sessions, now),
        throughput: measured > 0 ? t.measuredCompleted / measured : 0,
        latency: t.latency.summary(),
        costPerHour: nodes.reduce((sum, n) => sum + (n.costPerHour ?? 0), 0),
        ...runCost(nodes, now),
      },
      nodes,
      theory: this.theory,
      ...(this.scenario.mesh && { mesh: this.sidecars.report(this.specs, this.links, Math.max(0, measured)) }),
    };
  }

  setTrace(sink: TraceSink | null): void {
    this.trace = sink;
  }
}
