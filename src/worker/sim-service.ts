/**
 * The simulation service the worker exposes: load a scenario, then run,
 * pause, step, reset and change speed. Runs happen in short slices on timers
 * so commands are heard between them; the page gets frames through one
 * subscribed callback. Plain TypeScript: tests drive it without a Worker.
 */
import { transfer } from 'comlink';
import { createSimulation as engineCreateSimulation } from '../engine';
import type { Simulation, SimulationOptions } from '../engine/types';
import { parseScenario } from '../scenario/parse';
import type { FaultAction, GraphChange, Link, Scenario, ScenarioNode } from '../scenario/schema';
import type { RunLayout } from '../engine/types';
import { FrameBatcher } from './frame-batcher';
import { advance, Pacer } from './pacing';
import { ParticleSink } from './particle-sink';
import type { ChangeAnswer, FaultAnswer, Frame, LoadResult, RunStatus, Speed } from './protocol';

/** Wall milliseconds of simulation per slice before the worker looks at its messages again. */
const SLICE_MS = 12;
/** Wall milliseconds between paced slices (one animation frame). */
const FRAME_MS = 16;
/** Simulated seconds one Step advances: one metrics window. */
export const STEP_SECONDS = 1;
/**
 * Wall milliseconds one Step may work. A second of simulated time can hold
 * more events than the engine runs in minutes (a huge rate); past this the
 * step stops short and says so, so the worker keeps answering.
 */
export const STEP_MAX_MS = 1000;

/** The page's frame callback; a comlink proxy resolves its promise once the page has run it. */
export type FrameListener = (frame: Frame) => unknown;

export interface SimServiceDeps {
  createSimulation: (scenario: Scenario, options: SimulationOptions) => Simulation;
  /** Wall milliseconds. */
  clock: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** Hands a frame to the listener, moving (not copying) the listed buffers. */
  deliver: (listener: FrameListener, frame: Frame, buffers: ArrayBuffer[]) => unknown;
  /** Particles on screen at most; the sampling rate keeps below it. */
  maxParticles: number;
}

const defaultDeps: SimServiceDeps = {
  createSimulation: engineCreateSimulation,
  clock: () => performance.now(),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  deliver: (listener, frame, buffers) => listener(transfer(frame, buffers)),
  maxParticles: 5000,
};

/** Builds the service; `overrides` replace the engine, clock or timers in tests. */
export function createSimService(overrides: Partial<SimServiceDeps> = {}) {
  const deps: SimServiceDeps = { ...defaultDeps, ...overrides };
  const sink = new ParticleSink(deps.maxParticles);
  const pacer = new Pacer(1);

  let scenario: Scenario | null = null;
  let seed = 0;
  let sim: Simulation | null = null;
  let status: RunStatus = 'idle';
  let epoch = 0;
  let windowCursor = 0;
  let timer: unknown = null;
  let listener: FrameListener | null = null;
  let reportSent = false;
  let error: string | null = null;
  /** The layout the page was last told of; a frame carries the layout when it changed. */
  let sentLayout: RunLayout | null = null;
  // Where the frame being gathered started, to pace the page's animation.
  let frameSimFrom = 0;
  let frameWallFrom = 0;

  const batcher = new FrameBatcher(() => sendFrame(), deps.clock, FRAME_MS);

  function sendFrame(): unknown {
    if (!sim || !listener) return undefined;
    const wallNow = deps.clock();
    const wallSpan = Math.max(0, wallNow - frameWallFrom);
    const simSpan = sim.now - frameSimFrom;
    const sampleEvery = sink.sampleEvery;
    const particles = sink.take();
    sink.retune(wallSpan, wallSpan > 0 ? simSpan / (wallSpan / 1000) : pacer.currentSpeed);
    const windows = sim.windowsSince(windowCursor);
    windowCursor = sim.windowCount;
    const report = status === 'finished' && !reportSent ? sim.report() : null;
    if (report) reportSent = true;
    const layout = sim.layout();
    const newLayout = layout === sentLayout ? null : layout;
    sentLayout = layout;
    const frame: Frame = {
      epoch,
      now: sim.now,
      simFrom: frameSimFrom,
      wallSpan,
      status,
      snapshot: sim.snapshot(),
      windows,
      particles,
      sampleEvery,
      report,
      error,
      layout: newLayout,
    };
    frameSimFrom = sim.now;
    frameWallFrom = wallNow;
    const buffers = Object.values(particles).map((array) => array.buffer as ArrayBuffer);
    return deps.deliver(listener, frame, buffers);
  }

  function build(): void {
    if (!scenario) return;
    stopTimer();
    sink.clear();
    sim = deps.createSimulation(scenario, { seed, trace: sink });
    status = 'idle';
    epoch++;
    windowCursor = 0;
    reportSent = false;
    sentLayout = sim.layout();
    error = null;
    frameSimFrom = 0;
    frameWallFrom = deps.clock();
  }

  function stopTimer(): void {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
  }

  function schedule(ms: number): void {
    timer = deps.setTimer(tick, ms);
  }

  /** Runs `work` on the simulation, turning an engine exception into a paused run with a message. */
  function guarded(work: (s: Simulation, s2: Scenario) => void): void {
    if (!sim || !scenario) return;
    try {
      work(sim, scenario);
    } catch (thrown) {
      stopTimer();
      status = 'paused';
      error = thrown instanceof Error ? thrown.message : String(thrown);
      batcher.flush(true);
    }
  }

  function finishIfDone(s: Simulation, sc: Scenario): boolean {
    if (s.now < sc.duration) return false;
    status = 'finished';
    stopTimer();
    batcher.flush(true);
    return true;
  }

  function tick(): void {
    timer = null;
    if (status !== 'running') return;
    guarded((s, sc) => {
      const wall = deps.clock();
      const target = Math.min(pacer.target(wall), sc.duration);
      const reached = advance(s, target, wall + SLICE_MS, deps.clock);
      if (!reached) pacer.forgiveLag(s.now, deps.clock());
      if (finishIfDone(s, sc)) return;
      batcher.flush();
      // Caught up with the wall clock: sleep a frame. Behind (or at max speed): yield only.
      schedule(reached && Number.isFinite(pacer.currentSpeed) ? FRAME_MS : 0);
    });
  }

  const service = {
    /** Prepares a run of `input` (validated again here: it crossed a thread boundary). */
    load(input: unknown, seedOverride?: number): LoadResult {
      const parsed = parseScenario(input);
      if (!parsed.ok) {
        return { ok: false, error: parsed.errors.join('\n'), epoch, seed: 0, duration: 0, nodeIds: [] };
      }
      scenario = parsed.scenario;
      seed = seedOverride ?? scenario.seed;
      try {
        build();
      } catch (thrown) {
        sim = null;
        return { ok: false, error: thrown instanceof Error ? thrown.message : String(thrown), epoch, seed, duration: 0, nodeIds: [] };
      }
      batcher.flush(true);
      return { ok: true, epoch, seed, duration: scenario.duration, nodeIds: scenario.nodes.map((n) => n.id) };
    },

    /** Starts or resumes the run at the current speed; does nothing once finished. */
    run(): RunStatus {
      if (!sim || status === 'running' || status === 'finished') return status;
      status = 'running';
      error = null;
      const wall = deps.clock();
      pacer.start(sim.now, wall);
      frameSimFrom = sim.now;
      frameWallFrom = wall;
      stopTimer();
      schedule(0);
      return status;
    },

    /** Stops after the current slice and sends a frame of where it stopped. */
    pause(): RunStatus {
      if (status !== 'running') return status;
      stopTimer();
      status = 'paused';
      batcher.flush(true);
      return status;
    },

    /** Pauses, then advances one metrics window (STEP_SECONDS of simulated time). */
    step(): RunStatus {
      if (!sim || status === 'finished') return status;
      stopTimer();
      status = 'paused';
      guarded((s, sc) => {
        const from = s.now;
        const target = Math.min(sc.duration, Math.floor(from / STEP_SECONDS + 1e-9) * STEP_SECONDS + STEP_SECONDS);
        error = null;
        if (!advance(s, target, deps.clock() + STEP_MAX_MS, deps.clock)) {
          error = `Step stopped short at ${s.now.toPrecision(3)} s: this simulated second holds more work than the engine does in ${STEP_MAX_MS / 1000} s. Press Run, or lower the clients' rates.`;
        }
        // Show the step's traffic as if it ran at real time, so the particles are watchable.
        frameWallFrom = deps.clock() - (target - frameSimFrom) * 1000;
        if (!finishIfDone(s, sc)) batcher.flush(true);
      });
      return status;
    },

    /** Back to simulated time 0 with the same scenario and seed. */
    reset(): RunStatus {
      if (!scenario) return status;
      build();
      batcher.flush(true);
      return status;
    },

    /** Simulated seconds per wall second; Infinity for as fast as possible. Takes effect at once. */
    setSpeed(speed: Speed): void {
      const valid = speed > 0 ? speed : 1;
      pacer.setSpeed(valid, sim?.now ?? 0, deps.clock());
    },

    /**
     * Crashes, restarts, slows, recovers or flushes a node now, in the
     * running (or paused) simulation. Answers the fault as the scenario
     * records it (at the simulated time it was applied), or why not.
     */
    injectFault(nodeId: string, action: FaultAction, factor = 1, replica?: number): FaultAnswer {
      if (!sim) return { ok: false, error: 'Nothing is loaded: press Run first.' };
      if (status === 'finished') return { ok: false, error: 'The run has finished: press Reset or Run again first.' };
      // Stays undefined when the engine threw (its budget): guarded paused the run and says why.
      let problem: string | null | undefined;
      let at = sim.now;
      guarded((s) => {
        problem = s.injectFault(nodeId, action, factor, replica);
        at = s.now;
      });
      if (problem === undefined) return { ok: false, error: error ?? 'The fault could not be applied.' };
      if (problem !== null) return { ok: false, error: problem };
      // The fault's own consequences (a crash failing what it held) run now, so a paused run shows them at once
      // (within a slice: when simulated time is stuck, "now" may hold events without end).
      guarded((s) => advance(s, s.now, deps.clock() + SLICE_MS, deps.clock));
      batcher.flush(true);
      return { ok: true, fault: { at, node: nodeId, action, factor, ...(replica === undefined ? {} : { replica }) } };
    },

    /**
     * A live edit: the running (or paused) simulation takes this graph at
     * the simulated time it has reached. Answers the change as the scenario
     * records it, or why not.
     */
    applyChange(nodes: ScenarioNode[], links: Link[]): ChangeAnswer {
      if (!sim || !scenario) return { ok: false, error: 'Nothing is loaded.' };
      if (status === 'finished') return { ok: false, error: 'The run has finished.' };
      const checked = parseScenario({ ...scenario, nodes, links, changes: [] });
      if (!checked.ok) return { ok: false, error: checked.errors.join('\n') };
      let change: GraphChange | null = null;
      guarded((s) => {
        change = s.applyChange(checked.scenario.nodes, checked.scenario.links);
      });
      if (change === null) return { ok: false, error: error ?? 'The change could not be applied.' };
      batcher.flush(true);
      return { ok: true, change, layout: (sim as Simulation).layout() };
    },

    /** The one frame callback (a comlink proxy from the page); replaces any earlier one. */
    subscribe(onFrame: FrameListener): void {
      listener = onFrame;
      if (sim) batcher.flush(true);
    },

    /** Answers at once: the page's heartbeat (sim-client.ts) takes silence as a closed or hung worker. */
    ping(): true {
      return true;
    },

    /** Current status, for tests and for a page that reconnects. */
    status(): RunStatus {
      return status;
    },
  };
  return service;
}

export type SimService = ReturnType<typeof createSimService>;
