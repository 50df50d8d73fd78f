import type { GatewayNode } from '../../scenario/gateway-schema';
import { type Component, EventKind, type RuntimeLink, type SimContext } from '../component';
import { type FinishedCall, ParallelCalls } from '../composition/fan-out';
import type { GatewayFigures } from '../gateway/figures';
import { RateLimiter } from '../gateway/rate-limiter';
import { GatewayRouteTable } from '../gateway/route-table';
import { TokenCache } from '../gateway/token-cache';
import { RequestQueue } from '../request-queue';
import { RequestFlag } from '../request-pool';
import { type NodeReportOf, Outcome, type OutcomeCode, type WindowNodeSample } from '../types';
import { StationStats } from './station-stats';

const PROCESSED = EventKind.timer0;
const CALL_TIMEOUT = EventKind.timer1;
/** The purpose of a call to the auth service (a route's calls use the route's index). */
const AUTH_CHECK = -1;
/** No limiter key: the request is not limited (per-route scope, no route matched; per-client scope, not a client). */
const UNLIMITED = -1;

/** How a route reaches its services: straight on (one service, no timeout: no extra event), or by parallel calls. */
interface RouteLinks {
  links: RuntimeLink[];
  direct: boolean;
  quorum: number;
  timeout: number | null;
  /** CPU seconds to transform its request and response bodies. */
  transformCost: number;
}

/**
 * An API gateway at the edge: a rate limit decided as each request arrives
 * (429 with a Retry-After over it), then the gateway's own workers and queue
 * spend CPU on TLS, route matching, the credentials check and body
 * transformation; a request without valid credentials is answered 401
 * there, before any service sees it. A route then sends the request on to
 * its service, or calls several in parallel and answers when all (or a
 * quorum) replied, or 504 at its timeout.
 */
export class Gateway implements Component {
  readonly kind = 'gateway';
  readonly id: string;
  readonly label: string;
  readonly observesResponses = false;
  private readonly routes: GatewayRouteTable;
  private readonly routeLinks: RouteLinks[];
  /** With no route table, requests go to the linked services (not the auth service) by link weight. */
  private readonly defaultLinks: RuntimeLink[];
  private readonly authLink: RuntimeLink | null;
  private readonly tokens: TokenCache;
  private readonly limiter: RateLimiter | null;
  /** Per-client scope: the limiter key of each node that may send (−1: not limited). */
  private readonly clientKey: Int32Array;
  private readonly calls: ParallelCalls;
  private readonly waiting = new RequestQueue();
  private readonly capacity: number;
  private busy = 0;
  private readonly cpu: StationStats;
  private readonly counts = { throttled: 0, unauthorized: 0, forwarded: 0, authCalls: 0, timeouts: 0, unmatched: 0 };
  private readonly routed: Float64Array;
  private windowUnauthorized = 0;

  constructor(
    readonly index: number,
    private readonly node: GatewayNode,
    private readonly ctx: SimContext,
  ) {
    this.id = node.id;
    this.label = node.label ?? node.id;
    this.capacity = node.queueCapacity ?? Number.POSITIVE_INFINITY;
    this.cpu = new StationStats(node.workers);
    const out = ctx.outgoing(index);
    const ids = ctx.targetIds(out);
    const linkTo = (id: string) => out[ids.indexOf(id)];
    this.authLink = node.auth.mode === 'service' && node.auth.service !== null ? (linkTo(node.auth.service) ?? null) : null;
    this.defaultLinks = out.filter((link) => link !== this.authLink);
    this.routes = new GatewayRouteTable(node.routes, ctx.requestTypes, (type) => ctx.internRequestType(type));
    this.routeLinks = node.routes.map((route) => {
      const links = route.services.map(linkTo).filter((link) => link !== undefined);
      return {
        links,
        direct: links.length === 1 && route.timeout === null,
        quorum: Math.min(route.quorum ?? links.length, links.length),
        timeout: route.timeout,
        transformCost: ((route.requestBytes + route.responseBytes) / 1024) * node.transformCostPerKB,
      };
    });
    this.routed = new Float64Array(node.routes.length);
    this.tokens = new TokenCache(node.auth.cacheTtl);
    this.calls = new ParallelCalls(ctx, index, CALL_TIMEOUT);
    this.clientKey = new Int32Array(ctx.nodes.length).fill(UNLIMITED);
    this.limiter = node.rateLimit.policy === 'none' ? null : new RateLimiter(node.rateLimit, this.limiterKeys());
  }

  /** The limiter's keys by scope; per client, each client node is a tenant. */
  private limiterKeys(): string[] {
    switch (this.node.rateLimit.scope) {
      case 'global':
        return ['all'];
      case 'perRoute':
        return this.node.routes.map((route) => `${route.method} ${route.pathPrefix}`);
      case 'perClient': {
        const keys: string[] = [];
        this.ctx.nodes.forEach((node, i) => {
          if (node.kind !== 'client') return;
          this.clientKey[i] = keys.length;
          keys.push(node.id);
        });
        return keys;
      }
    }
  }

  start(): void {}

  handle(kind: number, arg: number, time: number): void {
    switch (kind) {
      case EventKind.arrive:
        this.arrive(arg, time);
        return;
      case PROCESSED:
        this.processed(arg, time);
        return;
      case EventKind.response:
        this.settle(this.calls.answered(arg), time);
        return;
      case CALL_TIMEOUT:
        this.settle(this.calls.timedOut(arg), time);
        return;
    }
  }

  private arrive(request: number, time: number): void {
    const requests = this.ctx.requests;
    this.cpu.arrivals++;
    if (this.limiter !== null) {
      const key = this.limitKey(request);
      if (key !== UNLIMITED) {
        const retryAfter = this.limiter.decide(key, time);
        if (retryAfter > 0) {
          this.counts.throttled++;
          // The answer's Retry-After rides in arrivedAt (see RequestPool.arrivedAt).
          requests.arrivedAt[request] = retryAfter;
          this.ctx.respond(request, Outcome.throttled, time);
          return;
        }
      }
    }
    requests.arrivedAt[request] = time;
    if (this.busy < this.node.workers) {
      this.advance(time);
      this.busy++;
      this.process(request, time);
    } else if (this.waiting.length < this.capacity) {
      this.advance(time);
      this.waiting.push(request);
    } else {
      this.cpu.drop();
      this.ctx.respond(request, Outcome.queueFull, time);
    }
  }

  private limitKey(request: number): number {
    const requests = this.ctx.requests;
    switch (this.node.rateLimit.scope) {
      case 'global':
        return 0;
      case 'perClient':
        return this.clientKey[requests.client[request] as number] ?? UNLIMITED;
      case 'perRoute':
        return this.routes.routeOf(requests.requestType[request] as number);
    }
  }

  /** The CPU one request costs here: proxying, TLS if it is still encrypted, the credentials check, its bodies. */
  private process(request: number, time: number): void {
    const requests = this.ctx.requests;
    const node = this.node;
    this.cpu.started(requests.arrivedAt[request] as number, time);
    let cost = node.overhead;
    const flags = requests.flags[request] as number;
    if (node.tlsTermination && (flags & RequestFlag.encrypted) !== 0) {
      cost += node.tlsCost;
      requests.flags[request] = flags & ~RequestFlag.encrypted;
    }
    if (node.auth.mode !== 'none') cost += node.auth.checkCost;
    const route = this.routes.routeOf(requests.requestType[request] as number);
    if (route >= 0) cost += (this.routeLinks[route] as RouteLinks).transformCost;
    this.ctx.schedule(this.index, PROCESSED, request, time + cost);
  }

  private processed(request: number, time: number): void {
    this.cpu.finished(this.ctx.requests.arrivedAt[request] as number, time);
    this.advance(time);
    if (this.waiting.length > 0) this.process(this.waiting.shift(), time);
    else this.busy--;
    this.authenticate(request, time);
  }

  /** 401 for bad credentials; a valid token the cache does not hold is checked with the auth service first. */
  private authenticate(request: number, time: number): void {
    const mode = this.node.auth.mode;
    if (mode === 'none') {
      this.dispatch(request, time);
      return;
    }
    const requests = this.ctx.requests;
    const invalid = ((requests.flags[request] as number) & RequestFlag.invalidCredentials) !== 0;
    if (mode === 'local' || this.authLink === null) {
      if (invalid) this.unauthorized(request, time);
      else this.dispatch(request, time);
      return;
    }
    if (!invalid && this.tokens.has(requests.client[request] as number, requests.address[request] as number, time)) {
      this.dispatch(request, time);
      return;
    }
    this.counts.authCalls++;
    const type = requests.requestType[request] as number;
    this.settle(this.calls.start(request, [this.authLink], type, 1, null, AUTH_CHECK, time), time);
  }

  private unauthorized(request: number, time: number): void {
    this.counts.unauthorized++;
    this.windowUnauthorized++;
    this.ctx.respond(request, Outcome.unauthorized, time);
  }

  /** Sends an authenticated request on by its route: straight on, or by parallel calls. */
  private dispatch(request: number, time: number): void {
    const requests = this.ctx.requests;
    const type = requests.requestType[request] as number;
    if (this.node.routes.length === 0) {
      this.counts.forwarded++;
      this.ctx.forward(request, this.index, time, this.defaultLinks);
      return;
    }
    const route = this.routes.routeOf(type);
    const links = this.routeLinks[route];
    if (links === undefined || links.links.length === 0) {
      this.counts.unmatched++;
      this.ctx.respond(request, Outcome.noRoute, time);
      return;
    }
    this.routed[route] = (this.routed[route] as number) + 1;
    this.counts.forwarded++;
    const rewritten = this.routes.rewrite(type);
    if (links.direct) {
      requests.requestType[request] = rewritten;
      this.ctx.send(request, links.links[0] as RuntimeLink, time);
      return;
    }
    this.settle(this.calls.start(request, links.links, rewritten, links.quorum, links.timeout, route, time), time);
  }

  /** A call finished (or null: nothing finished): answer the request, or go on after an auth check. */
  private settle(call: FinishedCall | null, time: number): void {
    if (call === null) return;
    const { parent, outcome } = call;
    if (call.purpose !== AUTH_CHECK) {
      if (outcome === Outcome.timeout) this.counts.timeouts++;
      this.ctx.respond(parent, outcome, time);
      return;
    }
    const requests = this.ctx.requests;
    if (outcome !== Outcome.ok) this.ctx.respond(parent, outcome as OutcomeCode, time);
    else if (((requests.flags[parent] as number) & RequestFlag.invalidCredentials) !== 0) this.unauthorized(parent, time);
    else {
      this.tokens.store(requests.client[parent] as number, requests.address[parent] as number, time);
      this.dispatch(parent, time);
    }
  }

  private advance(time: number): void {
    this.cpu.advance(time, this.busy, this.waiting.length);
  }

  beginMeasurement(time: number): void {
    this.advance(time);
    this.cpu.beginMeasurement(time);
  }

  closeWindow(start: number, time: number): WindowNodeSample {
    this.advance(time);
    const sample: WindowNodeSample = this.cpu.closeWindow(start, time);
    const limits = this.limiter?.closeWindow(time);
    sample.gateway = {
      admitted: limits?.admitted ?? [],
      throttled: limits?.throttled ?? [],
      level: limits?.level ?? [],
      unauthorized: this.windowUnauthorized,
    };
    this.windowUnauthorized = 0;
    return sample;
  }

  /** The gateway's own figures at `time`. */
  figures(time: number): GatewayFigures {
    const counts = this.counts;
    return {
      admitted: this.cpu.arrivals - counts.throttled,
      throttled: counts.throttled,
      unauthorized: counts.unauthorized,
      forwarded: counts.forwarded,
      authCalls: counts.authCalls,
      tokenCacheHits: this.tokens.hits,
      serviceCalls: this.calls.sent - counts.authCalls,
      timeouts: counts.timeouts,
      unmatched: counts.unmatched,
      routed: Array.from(this.routed),
      limiter: this.limiter?.figures(time) ?? null,
    };
  }

  report(time: number): NodeReportOf<'gateway'> {
    this.advance(time);
    const cpu = this.cpu;
    return {
      id: this.id,
      kind: this.kind,
      label: this.label,
      arrivals: cpu.arrivals,
      served: cpu.served,
      dropped: cpu.dropped,
      ...cpu.measured(time),
      inSystem: this.busy + this.waiting.length,
      gateway: this.figures(time),
    };
  }

  live() {
    const now = this.ctx.scheduler.now;
    return {
      utilization: this.cpu.utilizationAt(now, this.busy),
      busy: this.busy,
      queueLength: this.waiting.length,
      inSystem: this.busy + this.waiting.length,
      workers: this.node.workers,
      gateway: this.figures(now),
    };
  }
}
