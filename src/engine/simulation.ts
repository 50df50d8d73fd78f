import { engineLimits } from '../scenario/engine-limits';
import { faultRefusal } from '../scenario/faults';
import { KIND_TRAITS } from '../scenario/kinds';
import type { Fault, FaultAction, NodeKind, RequestType, Scenario, ScenarioNode } from '../scenario/schema';
import { type ClientTotals, type Component, KIND_BITS, type RuntimeLink, type SimContext } from './component';
import { createComponent } from './components/registry';
import { createRng, deriveSeed, type Rng } from './rng';
import { RoutingLayer } from './routing';
import { countsOf, createTotals } from './totals';
import { WindowLog } from './window-log';
import { SessionRegistry } from './sessions';
import type {
  LiveSnapshot,
  Report,
  Simulation,
  SimulationOptions,
  TraceSink,
  WindowSample,
} from './types';

const WINDOW_CLOSES = 0;
const WARMUP_ENDS = 1;
const FAULT = 2;
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
 * The event loop: it pops events in (time, sequence) order and dispatches
 * each to its node, keeps the run's clock-driven events (warm-up end, metrics
 * windows, faults) and answers what components ask (SimContext); the routing
 * layer it extends moves requests across links.
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
  /** Scheduled faults from the scenario, then those injected while running. */
  private readonly faults: Fault[] = [];
  private readonly indexOfNode: Map<string, number>;

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
    this.systemNode = scenario.nodes.length;
    this.attach(scenario.nodes.map((node, i) => createComponent(i, node, this)));

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

  keysReaching(node: number): ((key: number) => boolean) | null {
    const senders = new Set(this.links.filter((link) => link.to === node).map((link) => link.from));
    if (senders.size !== 1) return null;
    const [sender] = senders;
    return this.components[sender as number]?.keysRoutedTo?.(node) ?? null;
  }

  replicasOf(node: number): number {
    const spec = this.scenario.nodes[node] as ScenarioNode;
    return spec.kind === 'server' ? spec.replicas : 1;
  }

  kindOf(index: number): NodeKind {
    return (this.scenario.nodes[index] as ScenarioNode).kind;
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
      this.windows.close(now, this.totals, this.components);
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
    const refusal = faultRefusal(component.kind, action);
    if (refusal !== null || !component.applyFault) return `${component.label} is ${KIND_TRAITS[component.kind].one}; ${refusal ?? 'it cannot fail.'}`;
    this.scheduleFault({ at: this.now, node: nodeId, action, factor });
    return null;
  }

  get pendingEvents(): number {
    return this.scheduler.size;
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
      ...countsOf(this.totals, this.sessions),
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
        ...countsOf(t, this.sessions),
        throughput: measured > 0 ? t.measuredCompleted / measured : 0,
        latency: t.latency.summary(),
        costPerHour: nodes.reduce((sum, n) => sum + (n.costPerHour ?? 0), 0),
      },
      nodes,
    };
  }

  setTrace(sink: TraceSink | null): void {
    this.trace = sink;
  }
}
