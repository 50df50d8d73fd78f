import type { LimiterFigures } from './rate-limiter';

export type { LimiterFigures } from './rate-limiter';

/** What a gateway did with the requests that reached it (whole run). */
export interface GatewayFigures {
  /** Passed the rate limit (all requests, when there is none). */
  admitted: number;
  /** Answered 429 by the rate limit. */
  throttled: number;
  /** Answered 401: no or invalid credentials. */
  unauthorized: number;
  /** Sent on to a service (whole requests; a composed one counts once). */
  forwarded: number;
  /** Calls made to the auth service, and checks the token cache answered. */
  authCalls: number;
  tokenCacheHits: number;
  /** Composed or timed routes: calls to services, and routes that timed out (504). */
  serviceCalls: number;
  timeouts: number;
  /** Requests no route matched (404, failed as "no route"). */
  unmatched: number;
  /** Requests per route, in the table's order. */
  routed: number[];
  /** The rate limit's figures per key; null without a rate limit. */
  limiter: LimiterFigures | null;
}

/** A gateway's share of a metrics window: per limiter key, and its 401s. */
export interface GatewayWindow {
  admitted: number[];
  throttled: number[];
  /** Tokens in each bucket (or places left in each window) as the window closed. */
  level: number[];
  unauthorized: number;
}
