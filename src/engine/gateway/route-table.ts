import type { GatewayRoute } from '../../scenario/gateway-schema';
import type { RequestType } from '../../scenario/schema';

/**
 * A gateway's route table: which route each request type takes (first match
 * on method and path prefix) and the request type its rewrite turns it into.
 * Each request type is matched once, on first sight; after that a request
 * costs an array lookup. Rewritten paths become request types of their own,
 * interned in the simulation's table so nodes further on see them as sent.
 */
export class GatewayRouteTable {
  private readonly routeOfType: number[] = [];
  private readonly rewriteOfType: number[] = [];

  constructor(
    private readonly routes: readonly GatewayRoute[],
    private readonly requestTypes: readonly RequestType[],
    private readonly intern: (type: RequestType) => number,
  ) {
    for (let type = 0; type < requestTypes.length; type++) this.learn(type);
  }

  /** The route index of a request type, or −1 when none matches. */
  routeOf(type: number): number {
    return this.routeOfType[type] ?? this.learn(type);
  }

  /** The request type a request leaves with. */
  rewrite(type: number): number {
    if (this.routeOfType[type] === undefined) this.learn(type);
    return this.rewriteOfType[type] as number;
  }

  private learn(type: number): number {
    const request = this.requestTypes[type] as RequestType;
    const route = this.routes.findIndex((r) => routeMatches(r, request));
    this.routeOfType[type] = route;
    const rule = this.routes[route];
    this.rewriteOfType[type] =
      rule === undefined || rule.rewritePrefix === null ? type : this.intern({ ...request, path: rewritePath(rule, request.path) });
    return route;
  }
}

/** Does a route match a request type? Its method (ANY matches all), then its path prefix. */
export function routeMatches(route: GatewayRoute, type: RequestType): boolean {
  return (route.method === 'ANY' || route.method === type.method) && type.path.startsWith(route.pathPrefix);
}

/** The path after a route's rewrite: "/api/users/7" under "/api/users" → "/" becomes "/7" (one slash kept). */
export function rewritePath(route: GatewayRoute, path: string): string {
  const rest = path.slice(route.pathPrefix.length);
  const prefix = route.rewritePrefix ?? route.pathPrefix;
  return prefix.endsWith('/') && rest.startsWith('/') ? prefix + rest.slice(1) : prefix + rest;
}
