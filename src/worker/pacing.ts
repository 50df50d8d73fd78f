/**
 * Wall-clock pacing, kept out of the engine (the engine never sees real time,
 * as in SimPy's rt.py): maps wall milliseconds to the simulated second a run
 * should have reached, and advances a simulation in slices short enough that
 * the worker still hears "pause" quickly.
 */
import type { Simulation } from '../engine/types';
import type { Speed } from './protocol';

/** If the simulation falls this far behind (wall ms), the pacer forgives the debt instead of bursting to catch up. */
const MAX_LAG_MS = 250;

/** Tracks which simulated time a run at `speed` should have reached. */
export class Pacer {
  private anchorWall = 0;
  private anchorSim = 0;
  private speed: Speed;

  constructor(speed: Speed) {
    this.speed = speed;
  }

  get currentSpeed(): Speed {
    return this.speed;
  }

  /** Starts (or restarts) pacing from `simNow` at wall time `wallNow`. */
  start(simNow: number, wallNow: number): void {
    this.anchorSim = simNow;
    this.anchorWall = wallNow;
  }

  /** Changes speed without a jump: the current position becomes the new anchor. */
  setSpeed(speed: Speed, simNow: number, wallNow: number): void {
    this.speed = speed;
    this.start(simNow, wallNow);
  }

  /** The simulated second the run should have reached at `wallNow`; Infinity at max speed. */
  target(wallNow: number): number {
    if (!Number.isFinite(this.speed)) return Number.POSITIVE_INFINITY;
    return this.anchorSim + (this.speed * (wallNow - this.anchorWall)) / 1000;
  }

  /**
   * Called after a slice that stopped short of the target: when the machine
   * cannot keep up, run slower than asked rather than freeze and then leap.
   */
  forgiveLag(simNow: number, wallNow: number): void {
    if (!Number.isFinite(this.speed)) return;
    const lagMs = ((this.target(wallNow) - simNow) / this.speed) * 1000;
    if (lagMs > MAX_LAG_MS) this.start(simNow, wallNow - MAX_LAG_MS);
  }
}

/** How often `advance` looks at the clock: often enough to keep slices short, rarely enough to cost nothing. */
const EVENTS_PER_CLOCK_CHECK = 256;

/**
 * Processes events up to `target` until the wall clock passes `deadline`.
 * Returns true when the simulation reached `target` (its clock then equals
 * `target`), false when the slice ran out of time first.
 */
export function advance(sim: Simulation, target: number, deadline: number, clock: () => number): boolean {
  for (;;) {
    for (let i = 0; i < EVENTS_PER_CLOCK_CHECK; i++) {
      if (sim.peek() > target) {
        // runUntil moves the clock to `target` exactly, so slicing does not change the result.
        sim.runUntil(target);
        return true;
      }
      sim.step();
    }
    if (clock() >= deadline) return false;
  }
}
