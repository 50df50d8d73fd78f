import type { Fault, FaultAction, NodeKind, RequestType, Scenario, ScenarioNode } from '../scenario/schema';
import { type ClientTotals, type Component, EventKind, KIND_BITS, type RuntimeLink, type SimContext } from './components/component';
import { createComponent } from './components/registry';
import { LatencyHistogram } from './histogram';
import { RequestFlag, RequestPool } from './request-pool';
import { createRng, deriveSeed, type Rng } from './rng';
import { Scheduler } from './scheduler';
import { SessionRegistry } from './sessions';
import {
  FAILURE_REASONS,
  type FailureReason,
  type LiveSnapshot,
  type OutcomeCode,
  Outcome,
  type Report,
  type Simulation,
  type SimulationOptions,
  type TraceSink,
  type WindowSample,
} from './types';

const WINDOW_CLOSES = 0;
const WARMUP_ENDS = 1;
const FAULT = 2;
const ROUTING_STREAM = 15;
const KIND_MASK = (1 << KIND_BITS) - 1;

/** Builds a simulation of a validated scenario. */
export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  return new EngineSimulation(scenario, options);
}

/** Runs `scenario` to its duration and returns the report. */
export function runScenario(scenario: Scenario, options: SimulationOptions = {}): Report {
  const sim = createSimulation(scenario, options);
  sim.runUntil(scenario.duration);
  return sim.report();
}

/**
 * The event loop and the routing layer. Components schedule their own
 * events through it and hand requests to it to cross links; it pops events in
 * (time, sequence) order and dispatches each to its node.
 */
class EngineSimulation implements Simulation, SimContext {
  readonly scheduler = new Scheduler();
  readonly requests: RequestPool;
  readonly totals: ClientTotals;
  readonly measureFrom: number;
  trace: TraceSink | null;
  events = 0;
  private readonly seed: number;
  private readonly components: Component[];
  private readonly links: RuntimeLink[];
  private readonly linksFrom: RuntimeLink[][];
  private readonly routingRngs: (Rng | undefined)[] = [];
  private readonly systemNode: number;
  private readonly hopLimit: number;
  private readonly windowWidth: number;
  private readonly maxWindows: number;
  private windowStart = 0;
  private windowCompleted = 0;
  private windowFailed = 0;
  private closedWindows = 0;
  private readonly keptWindows: WindowSample[] = [];
  readonly requestTypes: RequestType[] = [];
  readonly sessions = new SessionRegistry();
  private readonly requestTypeOffsets: number[] = [];
  /** Scheduled faults from the scenario, then those injected while running. */
  private readonly faults: Fault[] = [];
  private readonly indexOfNode: Map<string, number>;
  /** 1 for a node that takes its arrivals as they are sent (see Component.canPassThrough). */
  private readonly passesThrough: Uint8Array;

  constructor(
    private readonly scenario: Scenario,
    options: SimulationOptions,
  ) {
    this.seed = options.seed ?? scenario.seed;
    this.measureFrom = options.warmup ?? scenario.warmup;
    this.trace = options.trace ?? null;
    this.windowWidth = options.window ?? 1;
    this.maxWindows = options.maxWindows ?? 3600;
    this.hopLimit = scenario.hopLimit;
    this.requests = new RequestPool(this.hopLimit);
    this.totals = {
      sent: 0,
      completed: 0,
      failed: 0,
      failures: Object.fromEntries(FAILURE_REASONS.map((r) => [r, 0])) as Record<FailureReason, number>,
      retries: 0,
      inFlight: 0,
      measuredCompleted: 0,
      latency: new LatencyHistogram(),
      windowLatency: new LatencyHistogram(),
    };
    const indexOf = new Map(scenario.nodes.map((node, i) => [node.id, i]));
    this.indexOfNode = indexOf;
    this.links = scenario.links.map((link, index) => ({
      index,
      id: link.id,
      from: indexOf.get(link.from) as number,
      to: indexOf.get(link.to) as number,
      latency: link.latency,
      weight: link.weight,
    }));
    this.linksFrom = scenario.nodes.map(() => []);
    for (const link of this.links) this.linksFrom[link.from]?.push(link);
    for (const node of scenario.nodes) {
      this.requestTypeOffsets.push(this.requestTypes.length);
      if (node.kind === 'client') this.requestTypes.push(...node.mix);
    }
    this.systemNode = scenario.nodes.length;
    this.components = scenario.nodes.map((node, i) => createComponent(i, node, this));
    // Cut-through is exact only if arrivals reach the node in the order they were sent: one incoming link.
    const incoming = new Int32Array(scenario.nodes.length);
    for (const link of this.links) incoming[link.to] = (incoming[link.to] as number) + 1;
    this.passesThrough = Uint8Array.from(this.components, (c, i) => (c.canPassThrough === true && incoming[i] === 1 ? 1 : 0));

    if (this.measureFrom > 0) this.schedule(this.systemNode, WARMUP_ENDS, 0, this.measureFrom);
    else for (const c of this.components) c.beginMeasurement(0);
    if (this.windowWidth > 0) this.schedule(this.systemNode, WINDOW_CLOSES, 0, this.windowWidth);
    for (const fault of scenario.faults) this.scheduleFault(fault);
    for (const c of this.components) c.start(0);
  }

  get now(): number {
    return this.scheduler.now;
  }

  get nodes(): Scenario['nodes'] {
    return this.scenario.nodes;
  }

  // --- SimContext: what components ask of the simulation ---

  rng(node: number, purpose: number): Rng {
    return createRng(deriveSeed(this.seed, node * 16 + purpose));
  }

  outgoing(node: number): readonly RuntimeLink[] {
    return this.linksFrom[node] as RuntimeLink[];
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
    return links.map((link) => (this.scenario.nodes[link.to] as { id: string }).id);
  }

  schedule(node: number, kind: number, arg: number, time: number): void {
    this.scheduler.schedule(time, (node << KIND_BITS) | kind, arg);
  }

  send(request: number, link: RuntimeLink, time: number): void {
    if (!this.trySend(request, link, time)) this.respond(request, Outcome.hopLimit, time);
  }

  trySend(request: number, link: RuntimeLink, time: number): boolean {
    const requests = this.requests;
    const depth = requests.depth[request] as number;
    if (depth >= this.hopLimit) return false;
    requests.path[request * requests.stride + depth] = link.index;
    requests.hopTime[request * requests.stride + depth] = time;
    requests.depth[request] = depth + 1;
    const arrive = time + link.latency;
    if (this.trace !== null) {
      const isProbe = ((requests.flags[request] as number) & RequestFlag.probe) !== 0;
      this.trace.hop(link.index, time, arrive, isProbe ? Outcome.probe : Outcome.request, false);
    }
    if (this.passesThrough[link.to] === 1) (this.components[link.to] as Required<Component>).passThrough(request, arrive);
    else this.scheduler.schedule(arrive, (link.to << KIND_BITS) | EventKind.arrive, request);
    return true;
  }

  forward(request: number, node: number, time: number, links?: readonly RuntimeLink[]): void {
    const out = links ?? (this.linksFrom[node] as RuntimeLink[]);
    if (out.length === 1) this.send(request, out[0] as RuntimeLink, time);
    else if (out.length === 0) this.respond(request, Outcome.noRoute, time);
    else this.send(request, this.pickByWeight(node, out), time);
  }

  respond(request: number, outcome: OutcomeCode, time: number): void {
    this.requests.outcome[request] = outcome;
    this.continueResponse(request, time);
  }

  continueResponse(request: number, time: number): void {
    const requests = this.requests;
    let depth = requests.depth[request] as number;
    if (depth === 0) {
      // Failed before leaving its sender (no route): answer the sender at once.
      this.schedule(requests.client[request] as number, EventKind.response, request, time);
      return;
    }
    const outcome = requests.outcome[request] as OutcomeCode;
    const base = request * requests.stride;
    // Walk back hop by hop; only observing nodes and the client get an event.
    while (depth > 0) {
      const link = this.links[requests.path[base + depth - 1] as number] as RuntimeLink;
      depth--;
      const arrive = time + link.latency;
      if (this.trace !== null) this.trace.hop(link.index, time, arrive, outcome, true);
      time = arrive;
      if (depth === 0 || (this.components[link.from] as Component).observesResponses) {
        requests.depth[request] = depth;
        this.scheduler.schedule(time, (link.from << KIND_BITS) | EventKind.response, request);
        return;
      }
    }
  }

  replicasOf(node: number): number {
    const spec = this.scenario.nodes[node] as ScenarioNode;
    return spec.kind === 'server' ? spec.replicas : 1;
  }

  kindOf(index: number): NodeKind {
    return (this.scenario.nodes[index] as ScenarioNode).kind;
  }

  private pickByWeight(node: number, out: readonly RuntimeLink[]): RuntimeLink {
    let rng = this.routingRngs[node];
    if (rng === undefined) this.routingRngs[node] = rng = this.rng(node, ROUTING_STREAM);
    let total = 0;
    for (const link of out) total += link.weight;
    let u = rng.next() * total;
    for (const link of out) {
      u -= link.weight;
      if (u < 0) return link;
    }
    return out[out.length - 1] as RuntimeLink;
  }

  // --- Simulation: how the worker, CLI and tests drive it ---

  runUntil(time: number): void {
    const scheduler = this.scheduler;
    const components = this.components;
    const systemNode = this.systemNode;
    let events = 0;
    while (scheduler.size > 0 && scheduler.peek() <= time) {
      scheduler.pop();
      const target = scheduler.poppedTarget;
      const node = target >> KIND_BITS;
      if (node === systemNode) this.handleSystem(target & KIND_MASK);
      else (components[node] as Component).handle(target & KIND_MASK, scheduler.poppedArg, scheduler.now);
      events++;
    }
    this.events += events;
    scheduler.advanceTo(time);
  }

  step(): boolean {
    const scheduler = this.scheduler;
    if (!scheduler.pop()) return false;
    const target = scheduler.poppedTarget;
    const node = target >> KIND_BITS;
    if (node === this.systemNode) this.handleSystem(target & KIND_MASK);
    else (this.components[node] as Component).handle(target & KIND_MASK, scheduler.poppedArg, scheduler.now);
    this.events++;
    return true;
  }

  peek(): number {
    return this.scheduler.peek();
  }

  private handleSystem(kind: number): void {
    const now = this.scheduler.now;
    if (kind === WARMUP_ENDS) {
      this.totals.latency.reset();
      this.totals.measuredCompleted = 0;
      for (const c of this.components) c.beginMeasurement(now);
    } else if (kind === WINDOW_CLOSES) {
      this.closeWindow(now);
      this.schedule(this.systemNode, WINDOW_CLOSES, 0, now + this.windowWidth);
    } else if (kind === FAULT) {
      const fault = this.faults[this.scheduler.poppedArg] as Fault;
      const node = this.indexOfNode.get(fault.node) as number;
      this.components[node]?.applyFault?.(fault.action, fault.factor, now);
    }
  }

  private scheduleFault(fault: Fault): void {
    this.faults.push(fault);
    this.schedule(this.systemNode, FAULT, this.faults.length - 1, Math.max(fault.at, this.now));
  }

  injectFault(nodeId: string, action: FaultAction, factor = 1): string | null {
    const index = this.indexOfNode.get(nodeId);
    const component = index === undefined ? undefined : this.components[index];
    if (!component) return `There is no node "${nodeId}".`;
    if (!component.applyFault) return `${component.label} is a ${component.kind}; only servers, databases, caches and CDNs can crash or slow down.`;
    if (action === 'flush' && component.kind !== 'cache' && component.kind !== 'cdn') {
      return `${component.label} is a ${component.kind}; only caches and CDNs can be flushed.`;
    }
    this.scheduleFault({ at: this.now, node: nodeId, action, factor });
    return null;
  }

  private closeWindow(now: number): void {
    const totals = this.totals;
    const start = this.windowStart;
    const completed = totals.completed - this.windowCompleted;
    const failed = totals.failed - this.windowFailed;
    const sample: WindowSample = {
      start,
      end: now,
      completed,
      failed,
      throughput: completed / (now - start),
      p50: totals.windowLatency.percentile(50),
      p95: totals.windowLatency.percentile(95),
      p99: totals.windowLatency.percentile(99),
      nodes: this.components.map((c) => c.closeWindow(start, now)),
    };
    totals.windowLatency.reset();
    this.windowCompleted = totals.completed;
    this.windowFailed = totals.failed;
    this.windowStart = now;
    this.closedWindows++;
    this.keptWindows.push(sample);
    // Trim in batches so keeping the last maxWindows costs O(1) per closed window on average.
    if (this.keptWindows.length >= 2 * this.maxWindows) this.keptWindows.splice(0, this.keptWindows.length - this.maxWindows);
  }

  get windowCount(): number {
    return this.closedWindows;
  }

  windowsSince(from: number): WindowSample[] {
    const kept = Math.min(this.keptWindows.length, this.maxWindows);
    const firstKept = this.closedWindows - kept;
    return this.keptWindows.slice(this.keptWindows.length - kept + Math.max(from - firstKept, 0));
  }

  snapshot(): LiveSnapshot {
    const t = this.totals;
    return {
      now: this.now,
      events: this.events,
      sent: t.sent,
      completed: t.completed,
      failed: t.failed,
      failures: { ...t.failures },
      inFlight: t.inFlight,
      retries: t.retries,
      sessions: { logins: this.sessions.logins, relogins: this.sessions.relogins, lost: this.sessions.lost },
      nodes: this.components.map((c) => c.live()),
    };
  }

  report(): Report {
    const now = this.now;
    const t = this.totals;
    const measured = now - this.measureFrom;
    const nodes = this.components.map((c) => c.report(now));
    return {
      scenario: this.scenario.name,
      seed: this.seed,
      duration: this.scenario.duration,
      warmup: this.measureFrom,
      simulatedTime: now,
      events: this.events,
      totals: {
        sent: t.sent,
        completed: t.completed,
        failed: t.failed,
        failures: { ...t.failures },
        inFlight: t.inFlight,
        retries: t.retries,
        throughput: measured > 0 ? t.measuredCompleted / measured : 0,
        latency: t.latency.summary(),
        sessions: { logins: this.sessions.logins, relogins: this.sessions.relogins, lost: this.sessions.lost },
        costPerHour: nodes.reduce((sum, n) => sum + (n.costPerHour ?? 0), 0),
      },
      nodes,
    };
  }

  setTrace(sink: TraceSink | null): void {
    this.trace = sink;
  }
}
