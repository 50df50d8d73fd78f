import type { StateCreator } from 'zustand';
import { getBackgroundClient } from '../worker/background-client';
import { type FieldSweepRequest, planFieldSweep } from '../worker/field-sweep';
import type { FieldSweepPoint, PoolSpeedup } from '../worker/protocol';
import type { AppState } from './types';

/** The last field sweep: one full run per value of one field, spread over the background workers. */
export interface FieldSweep extends FieldSweepRequest {
  /** The node whose panel started it (its figure shows it). */
  nodeId: string;
  /** Finished points, in the values' order. */
  points: FieldSweepPoint[];
  progress: { done: number; total: number };
  running: boolean;
  /** Why it could not start or stopped before the end, naming the problem. */
  problem: string | null;
  /** Stopped by Cancel; `points` holds what finished before. */
  cancelled: boolean;
  /** How much faster the pool ran it than its runs one after another; set when it finished. */
  machine: PoolSpeedup | null;
}

export interface FieldSweepSlice {
  fieldSweep: FieldSweep | null;
  /** "This computer" on the speedup chart: every finished sweep's pool speedup, newest last. */
  machineSpeedups: PoolSpeedup[];
  /** Sweeps `request.path` of the current scenario in the background; one sweep at a time (a new one cancels the last). */
  startFieldSweep(nodeId: string, request: FieldSweepRequest): Promise<void>;
  /** Stops the sweep: the workers running its points are ended, the points so far stay. */
  cancelFieldSweep(): void;
}

/** At most one redraw of a sweep's points per this many milliseconds. */
export const POINTS_COMMIT_MS = 150;

/** Pool measurements kept for the chart. */
const MAX_MACHINE_SPEEDUPS = 8;

/** The field sweep: the store's side of the background pool's field sweeps. */
export const createFieldSweepSlice: StateCreator<AppState, [], [], FieldSweepSlice> = (set, get) => {
  let current: AbortController | null = null;
  /** Changes the sweep only while `mine` is still the latest: a sweep replaced by a newer one says nothing. */
  const update = (mine: AbortController, change: Partial<FieldSweep>) => {
    const sweep = get().fieldSweep;
    if (current === mine && sweep) set({ fieldSweep: { ...sweep, ...change } });
  };

  return {
    fieldSweep: null,
    machineSpeedups: [],

    startFieldSweep: async (nodeId, request) => {
      current?.abort();
      const mine = new AbortController();
      current = mine;
      const scenario = get().scenario;
      const plan = planFieldSweep(scenario, request);
      const client = getBackgroundClient();
      const problem = !plan.ok ? plan.error : client ? null : 'This browser cannot run background workers, so it cannot sweep.';
      const total = plan.ok ? plan.variants.length : 0;
      const base = { ...request, nodeId, points: [], progress: { done: 0, total }, cancelled: false, machine: null };
      set({ fieldSweep: { ...base, running: problem === null, problem } });
      if (!client || !plan.ok || problem) return;
      const found: (FieldSweepPoint | undefined)[] = [];
      let done = 0;
      let flush: ReturnType<typeof setTimeout> | null = null;
      let committedAt = Number.NEGATIVE_INFINITY;
      const commit = () => {
        flush = null;
        committedAt = performance.now();
        update(mine, { points: found.filter((p): p is FieldSweepPoint => p !== undefined), progress: { done, total } });
      };
      const started = performance.now();
      const outcome = await client.fieldSweep(plan.variants, scenario.seed, {
        signal: mine.signal,
        onPoint: (point, index, count) => {
          found[index] = point;
          done = count;
          // Points can arrive many a second: the chart and the progress bar redraw at most every POINTS_COMMIT_MS.
          // The first point after a quiet spell shows at once, so even a fast sweep's bar moves before it ends.
          if (flush !== null) return;
          const wait = committedAt + POINTS_COMMIT_MS - performance.now();
          if (wait <= 0) commit();
          else flush = setTimeout(commit, wait);
        },
      });
      if (flush !== null) clearTimeout(flush);
      const wall = performance.now() - started;
      const machine = outcome.status === 'done' && wall > 0 ? poolSpeedupOf(outcome.points, client.size, wall) : null;
      const sweep = get().fieldSweep;
      if (current === mine && sweep) {
        // One state change, so one render: the last points (the chart keeps its array if nothing new came), the outcome, the pool's speedup.
        const same = sweep.points.length === outcome.points.length;
        set({
          fieldSweep: {
            ...sweep,
            points: same ? sweep.points : outcome.points,
            progress: { done, total },
            running: false,
            problem: outcome.status === 'failed' ? outcome.error : null,
            cancelled: outcome.status === 'cancelled',
            machine,
          },
          ...(machine ? { machineSpeedups: [...get().machineSpeedups, machine].slice(-MAX_MACHINE_SPEEDUPS) } : {}),
        });
        current = null;
      }
    },

    cancelFieldSweep: () => current?.abort(),
  };
};

/** The pool's speedup: the runs' own times added up, over the wall clock the sweep took; workers are those it could keep busy. */
export function poolSpeedupOf(points: readonly FieldSweepPoint[], poolSize: number, wallMs: number): PoolSpeedup {
  const busy = points.reduce((sum, p) => sum + p.runMs, 0);
  return { workers: Math.max(1, Math.min(poolSize, points.length)), speedup: busy / wallMs };
}
