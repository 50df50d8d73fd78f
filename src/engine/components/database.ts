import type { DatabaseNode } from '../../scenario/schema';
import { createSampler, type Sampler } from '../distributions';
import { RequestFlag } from '../request-pool';
import type { SimContext } from '../component';
import { QueueingStation } from './queueing-station';

/** A database: the server's queueing model, with reads and writes served at different speeds. */
export class Database extends QueueingStation {
  readonly kind = 'database';
  private readonly read: Sampler;
  private readonly write: Sampler;

  constructor(index: number, node: DatabaseNode, ctx: SimContext) {
    super(index, node.id, node.label, node.workers, node.queueCapacity, ctx);
    this.read = createSampler(ctx.rng(index, 0), node.readTime);
    this.write = createSampler(ctx.rng(index, 1), node.writeTime);
  }

  protected serviceTime(request: number): number {
    const isWrite = ((this.ctx.requests.flags[request] as number) & RequestFlag.write) !== 0;
    return isWrite ? this.write() : this.read();
  }
}
