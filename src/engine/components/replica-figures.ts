import type { ServiceUnit } from './service-unit';

/** One machine of a replicated node: its own queue, faults, sessions and counts. */
export interface ReplicaFigures {
  /** Its number, from 1, as balancers and faults name it (`api #2`). */
  replica: number;
  arrivals: number;
  served: number;
  dropped: number;
  refused: number;
  lost: number;
  /** Busy workers / its workers since measurement began. */
  utilization: number;
  down: boolean;
  slowFactor: number;
  /** Sessions it holds now, and lost in its crashes. */
  sessions: { held: number; lost: number };
}

/** One machine of a replicated node, live. */
export interface LiveReplica {
  busy: number;
  queueLength: number;
  utilization: number;
  down: boolean;
  slowFactor: number;
}

/** Each machine's whole-run figures; `sessionsOf` gives the sessions replica r (from 0) holds and lost. */
export function replicaFigures(units: readonly ServiceUnit[], time: number, sessionsOf: (replica: number) => ReplicaFigures['sessions']): ReplicaFigures[] {
  return units.map((unit, r) => ({
    replica: r + 1,
    arrivals: unit.arrivals,
    served: unit.served,
    dropped: unit.dropped,
    refused: unit.refused,
    lost: unit.lost,
    utilization: unit.utilization(time),
    down: unit.down,
    slowFactor: unit.slowFactor,
    sessions: sessionsOf(r),
  }));
}

/** A replicated node's machines now: how many are down, the slowest, and each one's figures. */
export function liveReplicas(units: readonly ServiceUnit[], now: number) {
  const replicasDown = units.reduce((n, unit) => n + (unit.down ? 1 : 0), 0);
  return {
    // The node is down when every machine is; one machine down shows in perReplica.
    down: replicasDown === units.length,
    slowFactor: units.reduce((most, unit) => Math.max(most, unit.slowFactor), 1),
    replicasDown,
    perReplica: units.map((unit): LiveReplica => ({
      busy: unit.busy,
      queueLength: unit.queue.length,
      utilization: unit.utilization(now),
      down: unit.down,
      slowFactor: unit.slowFactor,
    })),
  };
}
