import type { CdnNode } from '../../scenario/cache-schema';

/** A fixed pseudo-random number in [0, 1) for (value, salt): a property of an item or an address, not a draw. */
function hashUnit(value: number, salt: number): number {
  let z = Math.imul(value ^ salt, 0x9e3779b1);
  z = Math.imul(z ^ (z >>> 15), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
}

/**
 * What a CDN knows without looking anything up: which edge serves a user
 * (by a hash of the address, weighted by the edges' shares), and an item's
 * route (private or public), whether it is an image, and its size. All are
 * fixed by the item or address, so a request and its response agree.
 */
export class CdnRouting {
  private readonly cumulativeWeight: Float64Array;

  constructor(private readonly node: CdnNode) {
    const sum = node.edges.reduce((acc, edge) => acc + edge.weight, 0);
    let running = 0;
    this.cumulativeWeight = Float64Array.from(node.edges, (edge) => (running += edge.weight / sum));
  }

  /** Index of the edge serving users at `address`. */
  edgeOf(address: number): number {
    const u = hashUnit(address, 0x5eed);
    const cumulative = this.cumulativeWeight;
    for (let e = 0; e < cumulative.length - 1; e++) if (u < (cumulative[e] as number)) return e;
    return cumulative.length - 1;
  }

  /** On a `private, no-cache` route. */
  isPrivate(item: number): boolean {
    return hashUnit(item, 0x1) < this.node.privateShare;
  }

  /** An image the edge resizes. */
  isImage(item: number): boolean {
    return hashUnit(item, 0x2) < this.node.resizeShare;
  }

  /** Response size in bytes, between 0.25 and 1.75 × objectBytes. */
  bytesOf(item: number): number {
    return Math.round(this.node.objectBytes * (0.25 + 1.5 * hashUnit(item, 0x3)));
  }
}
