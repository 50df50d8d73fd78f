import type { ServerNode } from '../../scenario/schema';
import { createSampler, type Sampler } from '../distributions';
import type { SimContext } from './component';
import { RequestFlag } from '../request-pool';
import { QueueingStation } from './queueing-station';

/** An application server: c workers, a queue, one service-time distribution. */
export class Server extends QueueingStation {
  readonly kind = 'server';
  private readonly sample: Sampler;
  private readonly tlsCost: number;

  constructor(index: number, node: ServerNode, ctx: SimContext) {
    super(index, node.id, node.label, node.workers, node.queueCapacity, ctx);
    this.sample = createSampler(ctx.rng(index, 0), node.serviceTime);
    this.tlsCost = node.tlsCost;
  }

  protected serviceTime(request: number): number {
    const requests = this.ctx.requests;
    const flags = requests.flags[request] as number;
    if ((flags & RequestFlag.encrypted) === 0) return this.sample();
    // Nobody upstream terminated TLS: this server decrypts, once.
    requests.flags[request] = flags & ~RequestFlag.encrypted;
    return this.sample() + this.tlsCost;
  }
}
