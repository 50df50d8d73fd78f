/** How a run is driven: the simulation's interface, its options, the trace sink and the layout of its numbers. */

import type { EngineLimits } from '../scenario/engine-limits';
import type { FaultAction, GraphChange, Link, ScenarioNode } from '../scenario/schema';
import type { OutcomeCode } from './outcomes';
import type { LiveSnapshot, Report, WindowSample } from './types';

/** A running simulation. Time is simulated seconds; nothing here knows the wall clock. */
export interface Simulation {
  readonly now: number;
  /** Engine events processed so far. */
  readonly events: number;
  /** Processes every event due at or before `time`, then sets the clock to `time`. */
  runUntil(time: number): void;
  /** Processes one event; false when none is left. */
  step(): boolean;
  /** Time of the next event, or Infinity. */
  peek(): number;
  /** Number of metrics windows closed so far (including ones dropped from memory). */
  readonly windowCount: number;
  /** Events scheduled and not yet processed (the benchmark's yardstick is a heap of this size). */
  readonly pendingEvents: number;
  /** Attempts sent and not yet settled, now (the snapshot's `inFlight`, without building a snapshot). */
  readonly inFlight: number;
  /** Closed windows with index >= `from` that are still kept, oldest first. */
  windowsSince(from: number): WindowSample[];
  snapshot(): LiveSnapshot;
  report(): Report;
  setTrace(sink: TraceSink | null): void;
  /**
   * Applies a fault to a node now (a click on the canvas while running).
   * Returns why not when the node's kind does not take it (see
   * KIND_TRAITS[kind].faults).
   */
  injectFault(nodeId: string, action: FaultAction, factor?: number, replica?: number): string | null;
  /**
   * A live edit: from now on the system is this graph (see the scenario's
   * `changes`). Returns the change as the scenario records it; it drops any
   * recorded change still due later.
   */
  applyChange(nodes: readonly ScenarioNode[], links: readonly Link[]): GraphChange;
  /** Which node and link each component and link number is; a new object after every graph change. */
  layout(): RunLayout;
}

/**
 * Live figures and windows list nodes by component number, and particles
 * name links by link number: this says which node or link each number is.
 * Without live edits the numbers are the scenario's own order.
 */
export interface RunLayout {
  /** Node id of each component number (a replaced node's id appears again for its new component). */
  nodeIds: string[];
  /** Component number of each node in the graph now. */
  nodeIndex: Record<string, number>;
  /** Link id of each link number. */
  linkIds: string[];
  /** Sender and receiver ids of each link number, as they are now. */
  linkEnds: { from: string; to: string }[];
}

/**
 * Receives every link traversal, for animation. `reverse` is true for a
 * response travelling back. Kept to plain numbers so the worker can pack them
 * into typed arrays; the engine pays only a null check when no sink is set.
 */
export interface TraceSink {
  hop(link: number, depart: number, arrive: number, outcome: OutcomeCode, reverse: boolean): void;
}

export interface SimulationOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Overrides the scenario's warm-up. */
  warmup?: number;
  /** Width of a metrics window in simulated seconds (default 1). 0 turns windows off. */
  window?: number;
  /** How many closed windows to keep (default 3600); older ones are dropped. */
  maxWindows?: number;
  trace?: TraceSink;
  /** Lowers (or, in tests, lifts) the engine's caps; the default is the budget in scenario/engine-limits.ts. */
  limits?: Partial<EngineLimits>;
}
