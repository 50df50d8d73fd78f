import type { DatabaseNode, FaultAction } from '../../scenario/schema';
import type { SimContext } from '../component';
import type { DatabaseFigures } from '../data-tier/database-figures';
import { ReplicaRead, ReplicationLag } from '../data-tier/replication-lag';
import { ShardLoad } from '../data-tier/shard-load';
import { createSampler, type Sampler } from '../distributions';
import { RequestFlag } from '../request-pool';
import { QueueingStation } from './queueing-station';
import { mix32 } from '../balancing/hashing';

/**
 * A database: the server's queueing model, with reads and writes served at
 * different speeds. Sharded by key (`shards`): an item lives on the shard its
 * key hashes to. Each shard is a primary (every write, and the reads when it
 * has no replicas) and `readReplicas` read replicas (the reads, in turn),
 * each machine with `workers` workers and its own queue. A write that commits
 * on a primary reaches each of its replicas after a lag of its own, so a read
 * on a replica can miss it: a stale read (data-tier/replication-lag.ts).
 */
export class Database extends QueueingStation {
  readonly kind = 'database';
  private readonly read: Sampler;
  private readonly write: Sampler;
  /** Machines per shard: the primary, then its replicas. */
  private readonly perShard: number;
  private readonly lag: ReplicationLag[];
  private readonly load: ShardLoad;
  /** Next replica for a read, per shard (round robin). */
  private readonly nextReplica: Int32Array;
  /** Service time drawn for the request a unit is starting, kept until it ends (for the shard's load). */
  private readonly drawn = new Map<number, number>();
  /** Sharded or replicated: a plain database (one machine) keeps no data-tier figures, so it costs what it did. */
  private readonly split: boolean;

  constructor(
    index: number,
    private readonly node: DatabaseNode,
    ctx: SimContext,
  ) {
    super(index, node.id, node.label, node.workers, node.queueCapacity, ctx, node.shards * (1 + node.readReplicas));
    this.read = createSampler(ctx.rng(index, 0), node.readTime);
    this.write = createSampler(ctx.rng(index, 1), node.writeTime);
    this.perShard = 1 + node.readReplicas;
    this.lag = Array.from({ length: node.shards }, (_, s) => new ReplicationLag(node.readReplicas, createSampler(ctx.rng(index, 2 + s), node.replicationLag)));
    this.load = new ShardLoad(node.shards, node.readReplicas, node.workers);
    this.nextReplica = new Int32Array(node.shards);
    this.split = node.shards > 1 || node.readReplicas > 0;
  }

  private isWrite(request: number): boolean {
    return ((this.ctx.requests.flags[request] as number) & RequestFlag.write) !== 0;
  }

  private shardOf(request: number): number {
    return this.node.shards === 1 ? 0 : mix32(this.ctx.requests.key[request] as number) % this.node.shards;
  }

  protected override routeTo(request: number): number {
    if (!this.split) return 0;
    const shard = this.shardOf(request);
    const write = this.isWrite(request);
    this.load.routed(shard, write, this.ctx.scheduler.now);
    if (write || this.node.readReplicas === 0) return shard * this.perShard;
    const replica = (this.nextReplica[shard] as number) % this.node.readReplicas;
    this.nextReplica[shard] = replica + 1;
    return shard * this.perShard + 1 + replica;
  }

  protected serviceTime(request: number): number {
    const time = this.isWrite(request) ? this.write() : this.read();
    if (this.split) this.drawn.set(request, time);
    return time;
  }

  protected override served(request: number, unit: number, time: number): void {
    if (!this.split) return;
    const shard = Math.floor(unit / this.perShard);
    const member = unit - shard * this.perShard;
    this.load.worked(shard, member, this.drawn.get(request) ?? 0, time);
    this.drawn.delete(request);
    const item = this.ctx.requests.key[request] as number;
    const lag = this.lag[shard] as ReplicationLag;
    if (this.isWrite(request)) lag.commit(item, time);
    else if (member > 0) {
      const fresh = lag.read(item, member, time) === ReplicaRead.fresh;
      this.load.replicaRead(fresh ? -1 : lag.lastStaleAge, time);
    }
  }

  override applyFault(action: FaultAction, factor: number, time: number): void {
    super.applyFault(action, factor, time);
    // A crash aborts every service in progress: their drawn times will never be counted.
    if (action === 'crash') this.drawn.clear();
  }

  override beginMeasurement(time: number): void {
    super.beginMeasurement(time);
    this.load.beginMeasurement(time);
  }

  /** Shards, replicas, stale reads and per-shard load so far. */
  figures(time: number): DatabaseFigures {
    return this.load.figures(time);
  }

  override report(time: number) {
    const report = { ...super.report(time), replicas: this.perShard };
    return this.split ? { ...report, database: this.figures(time) } : report;
  }

  override live() {
    // Live figures are read every frame (and by some tests every event): a plain database has none to show.
    if (!this.split) return super.live();
    return { ...super.live(), database: this.figures(this.ctx.scheduler.now) };
  }
}
