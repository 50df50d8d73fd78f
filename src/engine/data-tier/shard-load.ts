import type { DatabaseFigures } from './database-figures';

/**
 * A database's per-shard counts and work, and its replica reads, since
 * measurement began. Work is the service time drawn for each request served
 * (a slow-down fault's stretch is not in it), so a shard's load is its
 * machines' utilization while no fault is in force.
 */
export class ShardLoad {
  private measureStart = 0;
  private readonly reads: Float64Array;
  private readonly writes: Float64Array;
  private readonly primaryWork: Float64Array;
  private readonly replicaWork: Float64Array;
  private replicaReads = 0;
  private staleReads = 0;
  private maxStaleAge = 0;

  constructor(
    private readonly shards: number,
    private readonly readReplicas: number,
    private readonly workers: number,
  ) {
    this.reads = new Float64Array(shards);
    this.writes = new Float64Array(shards);
    this.primaryWork = new Float64Array(shards);
    this.replicaWork = new Float64Array(shards);
  }

  /** A request arrived for `shard`. */
  routed(shard: number, write: boolean, time: number): void {
    if (time < this.measureStart) return;
    const counts = write ? this.writes : this.reads;
    counts[shard] = (counts[shard] as number) + 1;
  }

  /** Machine `member` of `shard` (0: its primary) finished `work` seconds of service at `time`. */
  worked(shard: number, member: number, work: number, time: number): void {
    if (time < this.measureStart) return;
    const sums = member === 0 ? this.primaryWork : this.replicaWork;
    sums[shard] = (sums[shard] as number) + work;
  }

  /** A replica served a read: fresh (`staleAge` < 0) or stale since `staleAge` seconds. */
  replicaRead(staleAge: number, time: number): void {
    if (time < this.measureStart) return;
    this.replicaReads++;
    if (staleAge < 0) return;
    this.staleReads++;
    if (staleAge > this.maxStaleAge) this.maxStaleAge = staleAge;
  }

  beginMeasurement(time: number): void {
    this.measureStart = time;
    this.reads.fill(0);
    this.writes.fill(0);
    this.primaryWork.fill(0);
    this.replicaWork.fill(0);
    this.replicaReads = 0;
    this.staleReads = 0;
    this.maxStaleAge = 0;
  }

  figures(time: number): DatabaseFigures {
    const span = time - this.measureStart;
    let total = 0;
    for (let s = 0; s < this.shards; s++) total += (this.reads[s] as number) + (this.writes[s] as number);
    const capacity = (machines: number) => (span > 0 && machines > 0 ? this.workers * machines * span : Number.POSITIVE_INFINITY);
    return {
      shards: this.shards,
      readReplicas: this.readReplicas,
      replicaReads: this.replicaReads,
      staleReads: this.staleReads,
      staleRatio: this.replicaReads > 0 ? this.staleReads / this.replicaReads : 0,
      maxStaleAge: this.maxStaleAge,
      perShard: Array.from({ length: this.shards }, (_, s) => {
        const reads = this.reads[s] as number;
        const writes = this.writes[s] as number;
        return {
          requests: reads + writes,
          reads,
          writes,
          share: total > 0 ? (reads + writes) / total : 0,
          primaryLoad: (this.primaryWork[s] as number) / capacity(1),
          replicaLoad: (this.replicaWork[s] as number) / capacity(this.readReplicas),
        };
      }),
    };
  }
}
