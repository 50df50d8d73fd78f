import type { StateCreator } from 'zustand';
import { saturationUsers, serverDemands } from '../engine/resources/operational-laws';
import { distributionMean } from '../scenario/schema';
import { getBackgroundClient } from '../worker/background-client';
import { closedClient, sweepUserCounts, usersSweepVariants } from '../worker/users-sweep';
import type { AppState } from './types';

/** The last bounds sweep: a server's scenario run once per number of users, for its operational-laws view. */
export interface BoundsSweep {
  serverId: string;
  /** Users of each point, in order. */
  users: number[];
  /** Measured throughput of each finished point (undefined until it finishes). */
  throughput: (number | undefined)[];
  progress: { done: number; total: number };
  running: boolean;
  problem: string | null;
  cancelled: boolean;
}

export interface BoundsSweepSlice {
  boundsSweep: BoundsSweep | null;
  /** Runs the current scenario for a spread of user counts around N* in the background (a new sweep cancels the last). */
  startBoundsSweep(serverId: string): Promise<void>;
  cancelBoundsSweep(): void;
}

/** The bounds sweep: the store's side of the background pool, through the same `sweep` call the cost sweep uses. */
export const createBoundsSweepSlice: StateCreator<AppState, [], [], BoundsSweepSlice> = (set, get) => {
  let current: AbortController | null = null;
  const update = (mine: AbortController, change: Partial<BoundsSweep>) => {
    const sweep = get().boundsSweep;
    if (current === mine && sweep) set({ boundsSweep: { ...sweep, ...change } });
  };

  return {
    boundsSweep: null,

    startBoundsSweep: async (serverId) => {
      current?.abort();
      const mine = new AbortController();
      current = mine;
      const scenario = get().scenario;
      const server = scenario.nodes.find((n) => n.id === serverId);
      const client = closedClient(scenario);
      const demands = server?.kind === 'server' ? serverDemands(scenario, server) : null;
      const users = client && demands ? sweepUserCounts(saturationUsers(demands, distributionMean(client.workload.thinkTime)), client.workload.users) : [];
      const variants = usersSweepVariants(scenario, users);
      const pool = getBackgroundClient();
      const problem = !demands
        ? `“${serverId}” is not a server with resources.`
        : !client
          ? 'The bounds are for a closed loop: give a client a closed workload (users who think).'
          : pool
            ? null
            : 'This browser cannot run background workers, so it cannot sweep.';
      const throughput: (number | undefined)[] = users.map(() => undefined);
      set({ boundsSweep: { serverId, users, throughput, progress: { done: 0, total: variants.length }, running: problem === null, problem, cancelled: false } });
      if (!pool || problem) return;
      const outcome = await pool.sweep(variants, scenario.seed, {
        signal: mine.signal,
        onPoint: (point, index, done, total) => {
          throughput[index] = point.throughput;
          update(mine, { throughput: throughput.slice(), progress: { done, total } });
        },
      });
      update(mine, { running: false, problem: outcome.status === 'failed' ? outcome.error : null, cancelled: outcome.status === 'cancelled' });
      if (current === mine) current = null;
    },

    cancelBoundsSweep: () => current?.abort(),
  };
};
