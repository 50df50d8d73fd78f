import type { L7Route, RequestType } from '../../scenario/schema';
import type { TargetState } from './algorithm';

/**
 * An L7 balancer's content routing: which pool of targets each request type
 * may go to. Request types are fixed for a run, so every match is worked out
 * once, up front; at run time a request costs one array lookup.
 */
export class L7Router {
  /** Pool index for each request type (-1: the default pool). */
  private readonly poolOfType: Int32Array;
  /** Per pool, which targets belong to it. */
  private readonly pools: Uint8Array[];
  private readonly defaultPool: Uint8Array;
  /** The view an algorithm is handed: the target state with eligibility narrowed to a pool. */
  private readonly views: TargetState[];
  private readonly defaultView: TargetState;

  constructor(routes: readonly L7Route[], requestTypes: readonly RequestType[], state: TargetState) {
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
    this.poolOfType = Int32Array.from(requestTypes, (type) => routes.findIndex((route) => matches(route, type)));
    const view = (): TargetState => ({ ...state, eligible: new Uint8Array(state.count) });
    this.views = this.pools.map(view);
    this.defaultView = view();
  }

  /** The targets a request of this type may use right now (eligible and in its pool). */
  viewFor(requestType: number, state: TargetState): TargetState {
    const pool = this.poolOfType[requestType] ?? -1;
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
