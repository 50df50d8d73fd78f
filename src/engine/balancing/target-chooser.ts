import type { LoadBalancerNode, RequestType } from '../../scenario/schema';
import type { RequestPool } from '../request-pool';
import type { Rng } from '../rng';
import type { BalancingAlgorithm, TargetState } from './algorithm';
import { buildHashRing, ringOwner } from './consistent-hash';
import { hashAddress } from './hashing';
import { createAlgorithm } from './index';
import { L7Router } from './l7-router';

/**
 * Which target a balancer sends a request to: its sticky cookie while that
 * target is still in its pool, else the algorithm's pick among the targets
 * its L7 route allows, keyed by the client address or, for consistent
 * hashing on request keys, by the request's key.
 */
export class TargetChooser {
  private readonly algorithm: BalancingAlgorithm;
  private readonly router: L7Router | null;
  /** Sticky-session cookies: client address → target position. */
  private readonly cookies = new Map<number, number>();
  private readonly sticky: boolean;
  /** Consistent hashing on the request's key (shards) rather than the client's address. */
  private readonly hashesRequestKey: boolean;

  constructor(
    private readonly node: LoadBalancerNode,
    private readonly state: TargetState,
    rng: Rng,
    requestTypes: readonly RequestType[],
    intern: (type: RequestType) => number,
  ) {
    this.algorithm = createAlgorithm(node, rng);
    const l7 = node.layer === 'L7';
    this.router = l7 && node.routes.length > 0 ? new L7Router(node.routes, requestTypes, intern, state) : null;
    this.sticky = l7 && node.stickySessions;
    this.hashesRequestKey = node.algorithm === 'consistentHash' && node.hashKey === 'requestKey';
  }

  /** True when the algorithm needs each response (open counts, response times). */
  get observesResponses(): boolean {
    return this.algorithm.observesResponses;
  }

  /** Target position for a request, or −1 when none in its pool is eligible. */
  choose(requests: RequestPool, request: number): number {
    if (this.state.count === 0) return -1;
    const address = requests.address[request] as number;
    const view = this.router ? this.router.viewFor(requests.requestType[request] as number, this.state) : this.state;
    if (this.sticky) {
      const pinned = this.cookies.get(address);
      if (pinned !== undefined && view.eligible[pinned] === 1) return pinned;
    }
    const choice = this.algorithm.pick(view, this.hashesRequestKey ? (requests.key[request] as number) : address);
    if (this.sticky && choice >= 0) this.cookies.set(address, choice);
    return choice;
  }

  /** True when the balancer has L7 rules that may rewrite requests. */
  get rewrites(): boolean {
    return this.router !== null;
  }

  /** The request type after the balancer's rewrite rules (the same when none applies). */
  rewrite(requestType: number): number {
    return this.router ? this.router.rewrite(requestType) : requestType;
  }

  /**
   * When it hashes request keys into one pool: the target position each key
   * goes to while every target is in the pool; else null.
   */
  keyOwner(): ((key: number) => number) | null {
    // With L7 routes each rule has a pool of its own; keep to the plain case.
    if (!this.hashesRequestKey || this.router !== null) return null;
    const ring = buildHashRing(this.state.ids, this.node.virtualNodes);
    return (key) => ringOwner(ring, hashAddress(key));
  }
}
