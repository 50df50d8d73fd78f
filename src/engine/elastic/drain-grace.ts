import type { SimContext } from '../component';

/**
 * Seconds a request sent to `node` just before one of its instances left
 * membership may still take to arrive: the slowest link into the node. A
 * draining instance keeps accepting for that long, so nothing already on
 * its way to it is refused.
 */
export function drainGrace(ctx: SimContext, node: number): number {
  let slowest = 0;
  for (let from = 0; from < ctx.nodes.length; from++) {
    for (const link of ctx.outgoing(from)) if (link.to === node && link.latency > slowest) slowest = link.latency;
  }
  return slowest;
}
