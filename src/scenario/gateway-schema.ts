import { z } from 'zod';
import { nodeFields } from './node-fields';

/*
 * The API gateway node kind. It lives apart from schema.ts, which imports it
 * into NodeSchema; the fields every node has come from node-fields.ts.
 */

const nonNegative = z.number().finite().nonnegative();
const positive = z.number().finite().positive();
const pathPrefix = z.string().startsWith('/', 'a path prefix starts with "/"').max(200);

/** Methods a gateway route may match; ANY matches them all. */
export const ROUTE_METHODS = ['ANY', 'GET', 'POST', 'PUT', 'DELETE'] as const;

/** One entry of the route table: method + path prefix → one service, or several composed. */
export const GatewayRouteSchema = z.object({
  method: z.enum(ROUTE_METHODS).default('ANY'),
  pathPrefix: pathPrefix.default('/'),
  /** Replace the matched prefix with this one before sending on (e.g. "/api/users" → "/"); null keeps the path. */
  rewritePrefix: pathPrefix.nullable().default(null),
  /** Node ids of linked services; with several, the gateway calls them all in parallel (composition). */
  services: z.array(z.string().min(1)).min(1).max(32),
  /** Composition: answer once this many services replied; null waits for all of them. */
  quorum: z.number().int().min(1).nullable().default(null),
  /** Seconds the gateway waits for the service(s) before it answers 504 (timeout); null waits forever. */
  timeout: positive.nullable().default(null),
  /** Bytes of the request body the gateway transforms on its way in. */
  requestBytes: nonNegative.default(1024),
  /** Bytes of the response body the gateway transforms on its way out. */
  responseBytes: nonNegative.default(4096),
});
export type GatewayRoute = z.infer<typeof GatewayRouteSchema>;

export const GATEWAY_AUTH_MODES = ['none', 'local', 'service'] as const;

/** Authentication at the edge: who checks a request's credentials, and at what cost. */
export const GatewayAuthSchema = z.object({
  /** none: no check; local: validate the token's signature here (CPU); service: ask an auth service, caching valid tokens. */
  mode: z.enum(GATEWAY_AUTH_MODES).default('none'),
  /** CPU seconds per check (local validation, or a look-up in the token cache). */
  checkCost: nonNegative.default(0.0002),
  /** Node id of the linked auth service (mode "service"). */
  service: z.string().min(1).nullable().default(null),
  /** Seconds a token the auth service accepted stays in the gateway's cache. */
  cacheTtl: nonNegative.default(60),
});
export type GatewayAuth = z.infer<typeof GatewayAuthSchema>;

export const RATE_LIMIT_POLICIES = ['none', 'tokenBucket', 'slidingWindow'] as const;
export const RATE_LIMIT_SCOPES = ['global', 'perClient', 'perRoute'] as const;
export type RateLimitScope = (typeof RATE_LIMIT_SCOPES)[number];

/** Rate limiting: over the limit, a request is answered 429 with a Retry-After. */
export const RateLimitSchema = z.object({
  policy: z.enum(RATE_LIMIT_POLICIES).default('none'),
  /** One limit for all, one per client node (tenant), or one per route. */
  scope: z.enum(RATE_LIMIT_SCOPES).default('global'),
  /** Token bucket: tokens added per second. */
  rate: positive.default(100),
  /** Token bucket: the bucket's size, the most requests that pass at once after a quiet spell. */
  burst: z.number().int().min(1).max(1_000_000).default(20),
  /** Sliding window: requests admitted in any window of `window` seconds. */
  limit: z.number().int().min(1).max(100_000).default(100),
  /** Sliding window: its length in seconds. */
  window: positive.default(1),
});
export type RateLimit = z.infer<typeof RateLimitSchema>;

export const GatewayNodeSchema = z.object({
  ...nodeFields,
  kind: z.literal('gateway'),
  /** Requests processed at once (the gateway's own cores). */
  workers: z.number().int().min(1).max(4096).default(4),
  /** Waiting room; a request that finds it full is dropped. null is unbounded. */
  queueCapacity: z.number().int().min(0).max(10_000_000).nullable().default(1000),
  /** CPU seconds to match a route and proxy one request. */
  overhead: nonNegative.default(0.0002),
  /** Decrypt here, so the services behind do not pay for TLS. */
  tlsTermination: z.boolean().default(true),
  /** CPU seconds to terminate TLS for one request. */
  tlsCost: nonNegative.default(0.0005),
  /** CPU seconds per KB of request and response body transformed. */
  transformCostPerKB: nonNegative.default(0),
  auth: GatewayAuthSchema.default({ mode: 'none', checkCost: 0.0002, service: null, cacheTtl: 60 }),
  rateLimit: RateLimitSchema.default({ policy: 'none', scope: 'global', rate: 100, burst: 20, limit: 100, window: 1 }),
  /** First match wins (method, then path prefix); an unmatched request fails with "no route". */
  routes: z.array(GatewayRouteSchema).max(20).default([]),
});
export type GatewayNode = z.infer<typeof GatewayNodeSchema>;

/**
 * What the schema cannot see: routes and the auth service must name linked
 * nodes, and a quorum cannot exceed the services it counts. Each message
 * names the gateway and the field.
 */
export function gatewayProblems(node: GatewayNode, linkedTo: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const where = (field: string) => `gateway "${node.id}" field "${field}"`;
  node.routes.forEach((route, r) => {
    route.services.forEach((service, s) => {
      if (!linkedTo.has(service)) problems.push(`${where(`routes.${r}.services.${s}`)}: "${service}" is not linked from this gateway; link it first.`);
    });
    if (route.quorum !== null && route.quorum > route.services.length) {
      problems.push(`${where(`routes.${r}.quorum`)}: a quorum of ${route.quorum} is larger than the ${route.services.length} service(s) the route fans out to.`);
    }
  });
  if (node.auth.mode === 'service') {
    if (node.auth.service === null) problems.push(`${where('auth.service')}: mode "service" needs the id of a linked auth service.`);
    else if (!linkedTo.has(node.auth.service)) problems.push(`${where('auth.service')}: "${node.auth.service}" is not linked from this gateway; link it first.`);
  }
  return problems;
}

/**
 * The gateway after links were removed: routes drop services it no longer
 * links to (a route left with none goes, a quorum shrinks to what is left),
 * and an auth service no longer linked gives way to local validation, so a
 * removal never leaves the scenario invalid. The same object when nothing changed.
 */
export function gatewayWithoutDangling(node: GatewayNode, linkedTo: ReadonlySet<string>): GatewayNode {
  let changed = false;
  const routes = node.routes
    .map((route) => {
      const services = route.services.filter((s) => linkedTo.has(s));
      if (services.length === route.services.length) return route;
      changed = true;
      return { ...route, services, quorum: route.quorum === null ? null : Math.min(route.quorum, services.length) };
    })
    .filter((route) => route.services.length > 0);
  const authGone = node.auth.service !== null && !linkedTo.has(node.auth.service);
  if (!changed && !authGone) return node;
  const auth = authGone ? { ...node.auth, service: null, mode: node.auth.mode === 'service' ? ('local' as const) : node.auth.mode } : node.auth;
  return { ...node, routes, auth };
}
