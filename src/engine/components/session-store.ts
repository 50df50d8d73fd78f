import type { SessionStoreNode } from '../../scenario/schema';
import { createSampler, type Sampler } from '../distributions';
import type { SimContext } from '../component';
import { QueueingStation } from './queueing-station';

/**
 * A Redis-like session store: servers that keep sessions here call it before
 * serving, so any server can serve any user and a server crash loses no
 * session. If the store itself crashes, every session goes with it.
 */
export class SessionStore extends QueueingStation {
  readonly kind = 'sessionStore';
  private readonly sample: Sampler;

  constructor(index: number, node: SessionStoreNode, ctx: SimContext) {
    super(index, node.id, node.label, node.workers, node.queueCapacity, ctx);
    this.sample = createSampler(ctx.rng(index, 0), node.serviceTime);
  }

  protected serviceTime(): number {
    return this.sample();
  }
}
