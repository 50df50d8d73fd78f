import type { Sampler } from '../distributions';

/** How a replica read turned out. */
export const ReplicaRead = { fresh: 0, stale: 1 } as const;

/**
 * When each item's newest write reaches each read replica of one shard.
 *
 * A write that commits on the primary at time t is shipped to every replica
 * on its own: replica r holds it from t + L(write, r), each lag L drawn
 * independently from the lag distribution. A replica serves the newest
 * version that has reached it, so a read of an item on replica r at time s
 * is **stale** when the item's newest committed write has not reached r yet:
 * s < t_last + L(last, r). (An older write that arrives late is not read
 * again: the replica keeps the newest version, as a last-writer-wins store.)
 *
 * Only items whose newest write has not reached every replica need a
 * record; records are pruned once the table has doubled since the last
 * sweep, so memory follows the writes in flight, not the catalogue.
 */
export class ReplicationLag {
  /** Item → the time its newest write reaches each replica (index 0 unused: the primary has it at once). */
  private readonly visibleAt = new Map<number, Float64Array>();
  /** Item → commit time of its newest write, while any replica still waits for it. */
  private readonly committedAt = new Map<number, number>();
  private sweepAt = 1024;

  /** How long before a stale read its newest write had committed, seconds (valid after `read` returned stale). */
  lastStaleAge = 0;

  constructor(
    private readonly replicas: number,
    private readonly lag: Sampler,
  ) {}

  /** A write of `item` committed on the primary at `time`: draw when each replica will have it. */
  commit(item: number, time: number): void {
    if (this.replicas === 0) return;
    let times = this.visibleAt.get(item);
    if (!times) {
      times = new Float64Array(this.replicas + 1);
      this.visibleAt.set(item, times);
    }
    for (let r = 1; r <= this.replicas; r++) times[r] = time + this.lag();
    this.committedAt.set(item, time);
    if (this.visibleAt.size >= this.sweepAt) this.sweep(time);
  }

  /** A read of `item` served by replica `replica` (1 …) at `time`: fresh, or stale (then `staleAge` says since when). */
  read(item: number, replica: number, time: number): number {
    const times = this.visibleAt.get(item);
    if (!times || time >= (times[replica] as number)) return ReplicaRead.fresh;
    this.lastStaleAge = time - (this.committedAt.get(item) as number);
    return ReplicaRead.stale;
  }

  /** Items whose newest write has not reached every replica yet. */
  get pending(): number {
    return this.visibleAt.size;
  }

  /** Forgets items every replica has caught up on. */
  private sweep(time: number): void {
    for (const [item, times] of this.visibleAt) {
      let caughtUp = true;
      for (let r = 1; r <= this.replicas && caughtUp; r++) caughtUp = (times[r] as number) <= time;
      if (caughtUp) {
        this.visibleAt.delete(item);
        this.committedAt.delete(item);
      }
    }
    this.sweepAt = Math.max(1024, 2 * this.visibleAt.size);
  }
}
