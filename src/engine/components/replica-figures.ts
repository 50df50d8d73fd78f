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
