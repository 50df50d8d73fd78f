import type { L7Route, RequestType } from '../../scenario/schema';
import type { TargetState } from './algorithm';

/**
 * An L7 balancer's content routing: which pool of targets each request type
 * may go to, and what a rewrite rule turns its path into. Each request type
 * is matched once, the first time one is seen; after that a request costs an
 * array lookup. Rewritten paths become request types of their own (interned
 * in the simulation's table), so balancers further on match them as sent.
 */
export class L7Router {
  /** Route index for each request type (-1: the default pool), filled on first sight. */
  private readonly routeOfType: number[] = [];
  /** Request type a rewrite turns each type into (the same index when none). */
  private readonly rewriteOfType: number[] = [];
  /** Per pool, which targets belong to it. */
  private readonly pools: Uint8Array[];
  private readonly defaultPool: Uint8Array;
  /** The view an algorithm is handed: the target state with eligibility narrowed to a pool. */
  private readonly views: TargetState[];
  private readonly defaultView: TargetState;

  constructor(
    private readonly routes: readonly L7Route[],
    private readonly requestTypes: readonly RequestType[],
    private readonly intern: (type: RequestType) => number,
    state: TargetState,
  ) {
    const position = new Map(state.ids.map((id, i) => [id, i]));
    this.pools = routes.map((route) => {
      const pool = new Uint8Array(state.count);
      for (const id of route.targets) {
        const i = position.get(id);
        if (i !== undefined) pool[i] = 1;
      }
      return pool;
    });
    const named = new Uint8Array(state.count);
    for (const pool of this.pools) for (let i = 0; i < state.count; i++) named[i] = (named[i] as number) | (pool[i] as number);
    const unnamed = named.map((n) => 1 - n);
    // If every target is named by some rule, unmatched requests may go anywhere.
    this.defaultPool = unnamed.some((n) => n === 1) ? unnamed : new Uint8Array(state.count).fill(1);
    // Rewrites are known up front, so their types exist before any balancer meets them.
    for (let type = 0; type < requestTypes.length; type++) this.learn(type);
    const view = (): TargetState => ({ ...state, eligible: new Uint8Array(state.count) });
    this.views = this.pools.map(view);
    this.defaultView = view();
  }

  private learn(type: number): number {
    const request = this.requestTypes[type] as RequestType;
    const route = this.routes.findIndex((r) => matches(r, request));
    this.routeOfType[type] = route;
    const rewrite = route >= 0 ? this.routes[route]?.rewritePrefix : null;
    const prefix = route >= 0 ? (this.routes[route] as L7Route).pathPrefix : '';
    this.rewriteOfType[type] =
      rewrite === null || rewrite === undefined ? type : this.intern({ ...request, path: rewrite + request.path.slice(prefix.length) });
    return route;
  }

  /** The request type a request leaves with (its path rewritten if its rule says so). */
  rewrite(requestType: number): number {
    if (this.routeOfType[requestType] === undefined) this.learn(requestType);
    return this.rewriteOfType[requestType] as number;
  }

  /** The targets a request of this type may use right now (eligible and in its pool). */
  viewFor(requestType: number, state: TargetState): TargetState {
    const pool = this.routeOfType[requestType] ?? this.learn(requestType);
    const members = pool < 0 ? this.defaultPool : (this.pools[pool] as Uint8Array);
    const view = pool < 0 ? this.defaultView : (this.views[pool] as TargetState);
    const eligible = view.eligible as Uint8Array;
    for (let i = 0; i < state.count; i++) eligible[i] = (state.eligible[i] as number) & (members[i] as number);
    return view;
  }
}

/** Does a rule match a request type? Path prefix, and the header when the rule names one. */
export function matches(route: L7Route, type: RequestType): boolean {
  if (!type.path.startsWith(route.pathPrefix)) return false;
  if (route.header === null) return true;
  const wanted = route.header.name.toLowerCase();
  return Object.entries(type.headers).some(([name, value]) => name.toLowerCase() === wanted && value === route.header?.value);
}
