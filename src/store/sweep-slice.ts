import type { StateCreator } from 'zustand';
import { getBackgroundClient } from '../worker/background-client';
import type { SweepPoint } from '../worker/protocol';
import { sweepVariants } from '../worker/sweep';
import type { AppState } from './types';

/** The last cost sweep: one server's scenario run once per replica count and instance size. */
export interface CostSweep {
  serverId: string;
  /** Finished points, in the order the chart draws them (replicas, then sizes). */
  points: SweepPoint[];
  progress: { done: number; total: number };
  running: boolean;
  /** Why it stopped before the end: a run failed, or it could not start. */
  problem: string | null;
  /** Stopped by Cancel; `points` holds what finished before. */
  cancelled: boolean;
}

export interface SweepSlice {
  costSweep: CostSweep | null;
  /** Sweeps `serverId` of the current scenario with replicas 1..maxReplicas and every size, in the background; one sweep at a time (a new one cancels the last). */
  startSweep(serverId: string, maxReplicas: number): Promise<void>;
  /** Hands out no further run of the sweep; the points so far stay. */
  cancelSweep(): void;
}

/** The cost sweep: the store's side of the background pool's sweeps. */
export const createSweepSlice: StateCreator<AppState, [], [], SweepSlice> = (set, get) => {
  let current: AbortController | null = null;
  /** Changes the sweep only while `mine` is still the latest: a sweep replaced by a newer one says nothing. */
  const update = (mine: AbortController, change: Partial<CostSweep>) => {
    const sweep = get().costSweep;
    if (current === mine && sweep) set({ costSweep: { ...sweep, ...change } });
  };

  return {
    costSweep: null,

    startSweep: async (serverId, maxReplicas) => {
      current?.abort();
      const mine = new AbortController();
      current = mine;
      const scenario = get().scenario;
      const variants = sweepVariants(scenario, serverId, maxReplicas);
      const client = getBackgroundClient();
      const problem =
        variants.length === 0 ? `“${serverId}” is not a server of this scenario.` : client ? null : 'This browser cannot run background workers, so it cannot sweep.';
      set({ costSweep: { serverId, points: [], progress: { done: 0, total: variants.length }, running: problem === null, problem, cancelled: false } });
      if (!client || problem) return;
      const found: (SweepPoint | undefined)[] = [];
      const outcome = await client.sweep(variants, scenario.seed, {
        signal: mine.signal,
        onPoint: (point, index, done, total) => {
          found[index] = point;
          update(mine, { points: found.filter((p): p is SweepPoint => p !== undefined), progress: { done, total } });
        },
      });
      update(mine, {
        points: outcome.points,
        running: false,
        problem: outcome.status === 'failed' ? outcome.error : null,
        cancelled: outcome.status === 'cancelled',
      });
      if (current === mine) current = null;
    },

    cancelSweep: () => current?.abort(),
  };
};
