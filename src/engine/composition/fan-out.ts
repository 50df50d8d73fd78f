import { SCENARIO_LIMITS } from '../../scenario/schema';
import type { RuntimeLink, SimContext } from '../component';
import { RequestFlag } from '../request-pool';
import { Outcome, type OutcomeCode } from '../types';

/** What a finished call hands back to the node that made it. */
export interface FinishedCall {
  /** The request the calls were made for (it waited at the calling node). */
  parent: number;
  /** ok when the quorum answered ok; else the first failure, or timeout. */
  outcome: OutcomeCode;
  /** What the caller said the call was for (a route's index, an auth check). */
  purpose: number;
}

interface Call {
  id: number;
  parent: number;
  purpose: number;
  /** Answers still needed for the call to succeed, and failures it can still bear. */
  needed: number;
  spare: number;
  firstFailure: OutcomeCode;
  done: boolean;
}

/**
 * Links a chain of calls may cross in all. A call starts a fresh path, so
 * the hop limit alone would never stop gateways that call each other in a
 * cycle; each call remembers the links crossed before it (in `owner`, which
 * only clients read, for their own requests) and the chain fails with
 * "hop limit" past the format's largest hop limit.
 */
const MAX_CHAIN_HOPS = SCENARIO_LIMITS.maxHopLimit;

/** Links crossed before `request` set out, when it is a call (owner −2 − hops); 0 for a client's request. */
function hopsBefore(owner: number): number {
  return owner <= -2 ? -2 - owner : 0;
}

/** Flags a call copies from the request it is made for. */
const CARRIED = RequestFlag.write | RequestFlag.encrypted | RequestFlag.invalidCredentials;

/**
 * Calls a node makes on behalf of a request, in parallel: one child request
 * per link, each a request of its own that starts at the calling node, so
 * its answer comes back there (the child's "client" is the caller). The call
 * finishes when `quorum` children answered ok (its latency is then the
 * quorum-th fastest), when too many failed for that, or at its timeout.
 * Children that answer after it finished are let go.
 */
export class ParallelCalls {
  private readonly callOfChild: (Call | undefined)[] = [];
  private readonly open = new Map<number, Call>();
  private nextId = 1;
  /** Children sent, for the node's figures. */
  sent = 0;

  constructor(
    private readonly ctx: SimContext,
    private readonly node: number,
    /** The caller's timer kind its timeouts come back on (arg: the call's id). */
    private readonly timeoutKind: number,
  ) {}

  /**
   * Calls every link in `links` for `parent`, each child of request type
   * `requestType`. Returns a finished call at once when no child could be
   * made (the engine is full), else null: the answer comes later.
   */
  start(parent: number, links: readonly RuntimeLink[], requestType: number, quorum: number, timeout: number | null, purpose: number, time: number): FinishedCall | null {
    const call: Call = { id: this.nextId++, parent, purpose, needed: quorum, spare: links.length - quorum, firstFailure: Outcome.ok, done: false };
    const requests = this.ctx.requests;
    const hops = hopsBefore(requests.owner[parent] as number) + (requests.depth[parent] as number);
    if (hops + 1 > MAX_CHAIN_HOPS) return { parent, outcome: Outcome.hopLimit, purpose };
    this.open.set(call.id, call);
    for (const link of links) {
      const child = this.ctx.newRequest();
      if (child < 0) {
        const finished = this.failed(call, Outcome.engineLimit);
        if (finished !== null) return finished;
        continue;
      }
      requests.client[child] = this.node;
      requests.owner[child] = -2 - hops;
      requests.attempt[child] = 1;
      requests.address[child] = requests.address[parent] as number;
      requests.key[child] = requests.key[parent] as number;
      requests.requestType[child] = requestType;
      requests.flags[child] = (requests.flags[parent] as number) & CARRIED;
      requests.sentAt[child] = time;
      this.callOfChild[child] = call;
      this.sent++;
      this.ctx.send(child, link, time);
    }
    if (!call.done && timeout !== null) this.ctx.schedule(this.node, this.timeoutKind, call.id, time + timeout);
    return null;
  }

  /** A child's answer reached the caller: the finished call, if this answer finished it. */
  answered(child: number): FinishedCall | null {
    const requests = this.ctx.requests;
    const call = this.callOfChild[child];
    this.callOfChild[child] = undefined;
    const outcome = requests.outcome[child] as OutcomeCode;
    requests.release(child);
    if (call === undefined || call.done) return null;
    if (outcome !== Outcome.ok) return this.failed(call, outcome);
    call.needed--;
    return call.needed === 0 ? this.finish(call, Outcome.ok) : null;
  }

  /** A call's timeout fired: the finished call, unless it had finished already. */
  timedOut(id: number): FinishedCall | null {
    const call = this.open.get(id);
    return call === undefined ? null : this.finish(call, Outcome.timeout);
  }

  private failed(call: Call, outcome: OutcomeCode): FinishedCall | null {
    if (call.firstFailure === Outcome.ok) call.firstFailure = outcome;
    call.spare--;
    return call.spare < 0 ? this.finish(call, call.firstFailure) : null;
  }

  private finish(call: Call, outcome: OutcomeCode): FinishedCall {
    call.done = true;
    this.open.delete(call.id);
    return { parent: call.parent, outcome, purpose: call.purpose };
  }
}
