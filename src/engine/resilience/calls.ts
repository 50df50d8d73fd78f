import { CALLER_KINDS } from '../../scenario/call-rules';
import type { CallPolicy, NodeKind } from '../../scenario/schema';
import type { ClientTotals, Component, RuntimeLink } from '../component';
import { RequestFlag, type RequestPool } from '../request-pool';
import type { Rng } from '../rng';
import { Outcome, type OutcomeCode } from '../types';
import { ORDINARY_CALL, REJECTED } from './breaker';
import type { CallFigures, LiveCall } from './call-figures';
import { LinkCalls } from './link-calls';
import { backoffDelay, isRetryable } from './retry-policy';

/** The call layer's own events. */
export const CallEvent = { answer: 0, timeout: 1, retry: 2 } as const;


/** The policy the engine applies on a link from a node of `senderKind`: balancers, caches and CDNs make plain hops. */
export function callPolicyFor(senderKind: NodeKind | undefined, policy: CallPolicy | undefined): CallPolicy | null {
  return policy !== undefined && senderKind !== undefined && CALLER_KINDS.has(senderKind) ? policy : null;
}

/** What the call layer needs of the simulation. */
export interface CallHost {
  readonly requests: RequestPool;
  readonly totals: ClientTotals;
  newRequest(): number;
  trySend(request: number, link: RuntimeLink, time: number): boolean;
  respond(request: number, outcome: OutcomeCode, time: number): void;
  scheduleCallEvent(kind: number, arg: number, time: number): void;
  component(node: number): Component;
  /** A random stream of the link's own (backoff jitter, breaker jitter). */
  linkRng(link: RuntimeLink): Rng;
  nodeId(node: number): string;
}

const NONE = -1;

/**
 * Calls with a policy (a link's `call`): the request that makes the call
 * (the parent) stays with its caller while attempts, new requests of their
 * own, cross the link. Each attempt may time out; a retryable failure is
 * tried again after an exponential backoff if the retry count and the budget
 * allow; the breaker may refuse an attempt and the bulkhead a call, at once.
 * When the call ends the caller learns its outcome (Component.callSettled)
 * or, if it does not wait on calls (a client), the parent is answered with
 * it. An attempt given up on still runs downstream: its late answer is
 * dropped here, as a real client drops a reply to a closed request.
 */
export class CallLayer {
  private readonly linkCalls: (LinkCalls | undefined)[] = [];
  /** The same, by calling node, so a snapshot looks at each node's own links only. */
  private readonly byCaller: (LinkCalls[] | undefined)[] = [];
  // One call per slot, in parallel arrays; freed slots are reused.
  private readonly parent: number[] = [];
  private readonly link: RuntimeLink[] = [];
  private readonly attempts: number[] = [];
  /** The attempt in flight (its request slot), or NONE during a backoff. */
  private readonly current: number[] = [];
  private readonly attemptStart: number[] = [];
  /** The breaker's permit for the attempt in flight. */
  private readonly permit: number[] = [];
  private readonly freeCalls: number[] = [];
  /** The call each attempt's request slot belongs to. */
  private callOf = new Int32Array(1024);

  constructor(private readonly host: CallHost) {}

  /** Makes a call for `parent` across `link` (with its policy, or none: the caller just waits). */
  begin(parent: number, link: RuntimeLink, time: number): void {
    const state = this.stateOf(link);
    state.calls++;
    const id = this.freeCalls.length > 0 ? (this.freeCalls.pop() as number) : this.parent.length;
    this.parent[id] = parent;
    this.link[id] = link;
    this.attempts[id] = 0;
    this.current[id] = NONE;
    if (!state.bulkhead.tryEnter()) {
      this.end(id, state, Outcome.bulkheadFull, time, false);
      return;
    }
    state.budget?.deposit();
    this.attempt(id, time);
  }

  /** One of the layer's events. */
  handle(kind: number, arg: number, time: number): void {
    const requests = this.host.requests;
    if (kind === CallEvent.retry) {
      this.attempt(arg, time);
      return;
    }
    // answer or timeout: arg is an attempt's slot.
    const id = this.callOf[arg] as number;
    if (this.current[id] === arg) {
      const state = this.linkCalls[(this.link[id] as RuntimeLink).index] as LinkCalls;
      if (kind === CallEvent.timeout) state.timeouts++;
      this.attemptEnded(id, state, kind === CallEvent.timeout ? Outcome.timeout : (requests.outcome[arg] as OutcomeCode), time);
    }
    requests.release(arg);
  }

  /** True once any link has carried a call: until then nodes have no call figures (and snapshots skip looking). */
  get active(): boolean {
    return this.linkCalls.length > 0;
  }

  /** The figures of every call link from `node`. */
  figuresOf(node: number, now: number): CallFigures[] | undefined {
    if (!this.active) return undefined;
    const out: CallFigures[] = [];
    for (const state of this.byCaller[node] ?? []) if (this.shows(state)) out.push(state.figures(this.host.nodeId(state.link.to), now));
    return out.length > 0 ? out : undefined;
  }

  /** Live breaker states and calls in progress of every call link from `node`. */
  liveOf(node: number, now: number): LiveCall[] | undefined {
    if (!this.active) return undefined;
    const out: LiveCall[] = [];
    for (const state of this.byCaller[node] ?? []) if (this.shows(state)) out.push(state.live(this.host.nodeId(state.link.to), now));
    return out.length > 0 ? out : undefined;
  }

  /** Links with a policy of their own are reported; plain links a waiting server calls over are not. */
  private shows(state: LinkCalls): boolean {
    return state.policy !== WAIT_ONLY;
  }

  private stateOf(link: RuntimeLink): LinkCalls {
    const policy = link.call ?? WAIT_ONLY;
    let state = this.linkCalls[link.index];
    // A live edit may change the policy: the link starts afresh with the new one.
    if (state === undefined || state.policy !== policy) {
      const previous = state;
      state = new LinkCalls(link, policy, this.host.linkRng(link));
      this.linkCalls[link.index] = state;
      const mine = this.byCaller[link.from] ?? (this.byCaller[link.from] = []);
      const at = previous === undefined ? -1 : mine.indexOf(previous);
      if (at >= 0) mine[at] = state;
      else mine.push(state);
    }
    return state;
  }

  private attempt(id: number, time: number): void {
    const host = this.host;
    const requests = host.requests;
    const link = this.link[id] as RuntimeLink;
    const state = this.linkCalls[link.index] as LinkCalls;
    const permit = state.breaker ? state.breaker.acquire(time) : ORDINARY_CALL;
    if (permit === REJECTED) {
      state.circuitOpen++;
      this.end(id, state, Outcome.circuitOpen, time, true);
      return;
    }
    const child = host.newRequest();
    if (child < 0) {
      // The engine is full: the attempt fails at once, and the breaker hears nothing (the dependency was not asked).
      state.breaker?.cancel(permit);
      this.end(id, state, Outcome.engineLimit, time, true);
      return;
    }
    const parent = this.parent[id] as number;
    requests.client[child] = requests.client[parent] as number;
    requests.owner[child] = -1;
    requests.address[child] = requests.address[parent] as number;
    requests.key[child] = requests.key[parent] as number;
    requests.requestType[child] = requests.requestType[parent] as number;
    // Which worker (so which replica) makes the call: a replica keeps its own connection pool.
    requests.worker[child] = requests.worker[parent] as number;
    requests.flags[child] = ((requests.flags[parent] as number) & (RequestFlag.write | RequestFlag.encrypted)) | RequestFlag.call;
    requests.sentAt[child] = time;
    const attempts = (this.attempts[id] as number) + 1;
    this.attempts[id] = attempts;
    requests.attempt[child] = attempts;
    if (child >= this.callOf.length) this.growCallOf(requests.capacity);
    this.callOf[child] = id;
    this.current[id] = child;
    this.attemptStart[id] = time;
    this.permit[id] = permit;
    state.attempts++;
    const timeout = state.policy.timeout;
    if (timeout !== null) {
      requests.refs[child] = (requests.refs[child] as number) + 1;
      host.scheduleCallEvent(CallEvent.timeout, child, time + timeout);
    }
    if (!host.trySend(child, link, time)) {
      // Only a hop limit below one link could stop it; fail the attempt as the routing would.
      requests.release(child);
      this.attemptEnded(id, state, Outcome.hopLimit, time);
    }
  }

  private attemptEnded(id: number, state: LinkCalls, outcome: OutcomeCode, time: number): void {
    this.current[id] = NONE;
    state.breaker?.record(time, outcome === Outcome.ok, time - (this.attemptStart[id] as number), this.permit[id] as number);
    const retries = state.policy.retries;
    const attempts = this.attempts[id] as number;
    if (outcome !== Outcome.ok && isRetryable(outcome) && attempts <= retries.count) {
      if (state.budget === null || state.budget.trySpend()) {
        state.retries++;
        this.host.totals.retries++;
        this.host.scheduleCallEvent(CallEvent.retry, id, time + backoffDelay(retries.backoff, attempts, retries.jitter, state.rng));
        return;
      }
      state.retriesDenied++;
    }
    this.end(id, state, outcome, time, true);
  }

  /** The call is over: free its slot and tell the caller. */
  private end(id: number, state: LinkCalls, outcome: OutcomeCode, time: number, entered: boolean): void {
    if (entered) state.bulkhead.leave();
    state.ended(outcome);
    const parent = this.parent[id] as number;
    const caller = (this.link[id] as RuntimeLink).from;
    this.freeCalls.push(id);
    const component = this.host.component(caller);
    if (component.callSettled) component.callSettled(parent, outcome, time);
    else this.host.respond(parent, outcome, time);
  }

  private growCallOf(capacity: number): void {
    const grown = new Int32Array(Math.max(capacity, this.callOf.length * 2));
    grown.set(this.callOf);
    this.callOf = grown;
  }
}

/** A link without a policy that a waiting caller calls over: no timeout, retry, breaker or bulkhead. */
const WAIT_ONLY: CallPolicy = { timeout: null, retries: { count: 0, backoff: 0, jitter: false }, budget: null, breaker: null, maxConcurrent: null };

