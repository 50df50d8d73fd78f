import type { Scenario } from '../scenario/schema';

/**
 * How a replayed recording and the undo history live together.
 *
 * A replayed change moves the canvas to the graph in force for the run's
 * sake: it is not a step of the user's, so Undo must not land on the graph
 * before it. And a step Undo or Redo goes back to that was made before the
 * run holds a recording from its start: restored as it was, it would take
 * the replayed change away from the run along with the user's edit. So
 * during a run such a step comes back as its recording has it at the time
 * reached, and the run takes it as a live edit like any undo.
 */

/** Per scenario the run put on the canvas, the one it replaced: undo's equality treats that move as no step. */
const shownForRun = new WeakMap<Scenario, Scenario>();

/** Marks `to` as put on the canvas by the run in place of `from`. */
export function markShownForRun(from: Scenario, to: Scenario): void {
  shownForRun.set(to, from);
}

/**
 * True when going from `past` to `current` was the run's doing, not an edit.
 * Needed beside pausing the history: a replayed change is shown from inside
 * another update (a frame's simulated time), and that update records the
 * scenario it started from once it returns, after the pause is over.
 */
export function isShownForRun(past: Scenario, current: Scenario): boolean {
  return shownForRun.get(current) === past;
}

let historyMoves = 0;

/** Runs an undo or redo, so the store can tell it from an edit while it applies. */
export function asHistoryMove<T>(move: () => T): T {
  historyMoves += 1;
  try {
    return move();
  } finally {
    historyMoves -= 1;
  }
}

/** True while an undo or redo sets the scenario. */
export function inHistoryMove(): boolean {
  return historyMoves > 0;
}

/** The scenarios Undo and Redo can go back to, and the current one. */
export function stepsOf(history: { pastStates: { scenario?: Scenario }[]; futureStates: { scenario?: Scenario }[] } | undefined, current: Scenario): WeakSet<Scenario> {
  const steps = [...(history?.pastStates ?? []), ...(history?.futureStates ?? [])];
  return new WeakSet([current, ...steps.flatMap((step) => (step.scenario ? [step.scenario] : []))]);
}

/** `step` as the run would have it at `simTime`: the graph its recording has in force then, as the system now (no changes). */
export function asRunHasIt(step: Scenario, simTime: number): Scenario {
  const inForce = step.changes.filter((change) => change.at <= simTime).at(-1);
  return inForce === undefined ? { ...step, changes: [] } : { ...step, nodes: inForce.nodes, links: inForce.links, changes: [] };
}
