import type { ServerNode } from '../../scenario/schema';
import { createSampler, type Sampler } from '../distributions';
import type { SimContext } from './component';
import { QueueingStation } from './queueing-station';

/** An application server: c workers, a queue, one service-time distribution. */
export class Server extends QueueingStation {
  readonly kind = 'server';
  private readonly sample: Sampler;

  constructor(index: number, node: ServerNode, ctx: SimContext) {
    super(index, node.id, node.label, node.workers, node.queueCapacity, ctx);
    this.sample = createSampler(ctx.rng(index, 0), node.serviceTime);
  }

  protected serviceTime(): number {
    return this.sample();
  }
}
