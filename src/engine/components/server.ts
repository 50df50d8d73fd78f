import { nodeCostPerHour } from '../../scenario/kinds';
import type { ServerNode } from '../../scenario/schema';
import { createSampler, type Sampler } from '../distributions';
import { RequestFlag } from '../request-pool';
import { SessionLookup } from '../sessions';
import type { RuntimeLink, SimContext } from '../component';
import { QueueingStation } from './queueing-station';

/**
 * An application server: c workers, a queue, one service-time distribution.
 * It may decrypt TLS and keep user sessions, in its own memory or in a
 * session store it calls (holding the worker) before serving.
 */
export class Server extends QueueingStation {
  readonly kind = 'server';
  private readonly sample: Sampler;
  private readonly storeLink: RuntimeLink | null;
  private readonly forwardLinks: readonly RuntimeLink[];

  constructor(
    index: number,
    private readonly node: ServerNode,
    ctx: SimContext,
  ) {
    super(index, node.id, node.label, node.workers, node.queueCapacity, ctx, node.replicas);
    this.sample = createSampler(ctx.rng(index, 0), node.serviceTime);
    const out = ctx.outgoing(index);
    this.storeLink = out.find((link) => ctx.kindOf(link.to) === 'sessionStore') ?? null;
    this.forwardLinks = out.filter((link) => ctx.kindOf(link.to) !== 'sessionStore');
    this.observesResponses = node.sessions === 'externalStore' && this.storeLink !== null;
  }

  override report(time: number) {
    return { ...super.report(time), costPerHour: nodeCostPerHour(this.node) };
  }

  protected override downstream(): readonly RuntimeLink[] {
    return this.forwardLinks;
  }

  protected override sideCall(request: number): RuntimeLink | null {
    if (!this.observesResponses) return null;
    return ((this.ctx.requests.flags[request] as number) & RequestFlag.probe) === 0 ? this.storeLink : null;
  }

  protected serviceTime(request: number): number {
    const requests = this.ctx.requests;
    const flags = requests.flags[request] as number;
    let time = this.sample() / this.node.speed;
    if ((flags & RequestFlag.encrypted) !== 0) {
      // Nobody upstream terminated TLS: this server decrypts, once.
      requests.flags[request] = flags & ~RequestFlag.encrypted;
      time += this.node.tlsCost;
    }
    if (this.node.sessions !== 'stateless' && (flags & RequestFlag.probe) === 0) {
      // In memory the session lives here; with a store, in the store (without one, here after all).
      const holder = this.observesResponses && this.storeLink ? this.storeLink.to : this.index;
      const found = this.ctx.sessions.touch(holder, requests.client[request] as number, requests.address[request] as number);
      if (found !== SessionLookup.found) time += this.node.loginCost;
    }
    return time;
  }
}
