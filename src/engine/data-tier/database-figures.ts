/** What a sharded, replicated database reports beyond a station's figures (engine/components/database.ts). */
export interface DatabaseFigures {
  shards: number;
  /** Read replicas per shard. */
  readReplicas: number;
  /** Reads served by a read replica since measurement began. */
  replicaReads: number;
  /** Of those, reads that missed the item's newest committed write (replication lag). */
  staleReads: number;
  /** staleReads / replicaReads (0 with none). */
  staleRatio: number;
  /** Longest time since the missed write committed, over the stale reads, seconds. */
  maxStaleAge: number;
  /** Per shard, in shard order. */
  perShard: ShardFigures[];
}

/** One shard's load since measurement began. */
export interface ShardFigures {
  /** Requests routed to the shard (its primary and its replicas). */
  requests: number;
  reads: number;
  writes: number;
  /** Its share of the database's requests. */
  share: number;
  /** Service time drawn on its primary / (primary workers × measured time): the primary's utilization, faults aside. */
  primaryLoad: number;
  /** The same for its read replicas, averaged over them (0 with none). */
  replicaLoad: number;
}
