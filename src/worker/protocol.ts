/**
 * The contract between the workers and the page: the live simulation's
 * frames and commands, and what background runs answer. The one worker file
 * the store's readers (canvas, views, ui) may import.
 */
import type { CacheReport, LiveSnapshot, Report, RunLayout, WindowSample } from '../engine/types';
import type { Fault, GraphChange } from '../scenario/schema';

export type { RunLayout } from '../engine/types';

/** Sampled link traversals, one entry per index across the five arrays. */
export interface ParticleBatch {
  /** Index into the scenario's `links`. */
  link: Uint32Array;
  /** Simulated second the hop leaves its link's start. */
  depart: Float64Array;
  /** Simulated second the hop reaches the other end. */
  arrive: Float64Array;
  /** An `Outcome` code from the engine (0 = request on its way, 1 = ok, …). */
  outcome: Uint8Array;
  /** 1 when a response travels back along the link. */
  reverse: Uint8Array;
}

/** What changed since the previous frame; the page receives at most one per animation frame. */
export interface Frame {
  /** Grows by one on every load and reset, so the page knows to forget the old run's figures. */
  epoch: number;
  /** Simulated time at the end of the frame. */
  now: number;
  /** Simulated time at the start of the first slice merged into this frame. */
  simFrom: number;
  /** Wall milliseconds the frame's simulated interval took, so the page can pace the animation. */
  wallSpan: number;
  status: RunStatus;
  snapshot: LiveSnapshot;
  /** Windows closed since the previous frame, oldest first. */
  windows: WindowSample[];
  particles: ParticleBatch;
  /** One request in `sampleEvery` hops is drawn; 1 means all. */
  sampleEvery: number;
  /** Set once, when the run reaches the scenario's duration. */
  report: Report | null;
  /** Set when the engine threw; the run is paused. */
  error: string | null;
  /** Set when a live edit (or a recorded one) changed which node or link each number in the figures is. */
  layout?: RunLayout | null;
}

/** How long a particle stays on screen, wall milliseconds: short hops are stretched so the eye can follow them. */
export const PARTICLE_MIN_WALL_MS = 400;
export const PARTICLE_MAX_WALL_MS = 2500;

/** Wall milliseconds a hop of `simSeconds` stays on screen at `speed` (simulated seconds per wall second). */
export function particleLifetimeMs(simSeconds: number, speed: number): number {
  const real = Number.isFinite(speed) && speed > 0 ? (simSeconds / speed) * 1000 : 0;
  return Math.min(PARTICLE_MAX_WALL_MS, Math.max(PARTICLE_MIN_WALL_MS, real));
}

/** Where a run stands, as shown by the controls. */
export type RunStatus = 'idle' | 'running' | 'paused' | 'finished';

/** Simulated seconds per wall second; `Infinity` runs as fast as the machine allows. */
export type Speed = number;

/** Speeds offered by the controls, slowest first. */
export const SPEEDS: readonly Speed[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 100, Number.POSITIVE_INFINITY];

/** "0.1×", "1×", "max". */
export function formatSpeed(speed: Speed): string {
  return Number.isFinite(speed) ? `${speed}×` : 'max';
}

/** What a live edit answers: the change as the scenario records it, and the run's layout after it; or why not. */
/** What a live fault answers: the fault as the scenario records it (applied at `at`), or why not. */
export type FaultAnswer = { ok: true; fault: Fault } | { ok: false; error: string };

export type ChangeAnswer = { ok: true; change: GraphChange; layout: RunLayout } | { ok: false; error: string };

/** What `load` answers: the run it prepared. */
export interface LoadResult {
  ok: boolean;
  error?: string;
  /** The run's epoch: frames carrying it (or later) belong to this load. */
  epoch: number;
  seed: number;
  duration: number;
  nodeIds: string[];
}

/** One run of a cost sweep, as the cost chart plots it. */
export interface SweepPoint {
  /** Scaling out or up (the cost sweep), or a closed loop's users (the bounds sweep). */
  mode: 'out' | 'up' | 'users';
  /** "×3" for three replicas, the size's name for scaling up. */
  label: string;
  costPerHour: number;
  /** Seconds, end to end at the clients, after warm-up. */
  p99: number;
  /** Completed per second after warm-up. */
  throughput: number;
  /** Failed attempts / sent (drops, timeouts, crashed targets). */
  failedRatio: number;
}

/** Replicas offered at most by the sweep (the format allows 64; each is a full run). */
export const MAX_SWEEP_REPLICAS = 16;

/**
 * A node's theory as the engine reports it before the run (from a report at
 * time 0, in a background worker); null for other kinds, or when the
 * formula needs the measured read rate (TTL).
 */
export type EarlyTheory = Pick<CacheReport, 'theory' | 'theoryModel'> | null;

/** One finished point of a field sweep: the value, the figures charts plot, and how long the run took on its thread. */
export interface FieldSweepPoint {
  value: number;
  /** Completed per second after warm-up. */
  throughput: number;
  /** Seconds, end to end at the clients. */
  p99: number;
  meanLatency: number;
  /** Failed attempts / sent. */
  failedRatio: number;
  /** Hits / lookups over every cache and CDN, null without one. */
  hitRatio: number | null;
  /** The measured speedup T(1)/T(N) of the first parallel job, null without one. */
  speedup: number | null;
  /** Wall-clock milliseconds the run took where it ran. */
  runMs: number;
}

/** How much faster a pool of `workers` ran a sweep than its runs one after another: its own Amdahl measurement. */
export interface PoolSpeedup {
  workers: number;
  speedup: number;
}
