import type { RateLimit } from '../../scenario/gateway-schema';
import { SlidingWindows } from './sliding-window';
import { TokenBuckets } from './token-bucket';

/** A limit's figures per key: requests admitted and throttled, and how much room is left. */
export interface LimiterFigures {
  /** What each key is: "all", a client's id, a route's method and prefix. */
  keys: string[];
  admitted: number[];
  throttled: number[];
  /** Tokens in the bucket, or places left in the window, per key. */
  level: number[];
}

interface Policy {
  take(key: number, time: number): number;
  level(key: number, time: number): number;
}

/**
 * A gateway's rate limit over its keys (one for a global limit, one per
 * tenant or per route): decides each request, counts what it decided over
 * the whole run and the current metrics window.
 */
export class RateLimiter {
  private readonly policy: Policy;
  readonly admitted: Float64Array;
  readonly throttled: Float64Array;
  private readonly windowAdmitted: Float64Array;
  private readonly windowThrottled: Float64Array;

  constructor(
    limit: RateLimit,
    readonly keys: readonly string[],
  ) {
    const n = keys.length;
    this.policy =
      limit.policy === 'slidingWindow' ? new SlidingWindows(n, limit.limit, limit.window) : new TokenBuckets(n, limit.rate, limit.burst);
    this.admitted = new Float64Array(n);
    this.throttled = new Float64Array(n);
    this.windowAdmitted = new Float64Array(n);
    this.windowThrottled = new Float64Array(n);
  }

  /** Decides a request of `key` at `time`: 0 to admit it, else its Retry-After in seconds. */
  decide(key: number, time: number): number {
    const retryAfter = this.policy.take(key, time);
    if (retryAfter === 0) {
      this.admitted[key] = (this.admitted[key] as number) + 1;
      this.windowAdmitted[key] = (this.windowAdmitted[key] as number) + 1;
    } else {
      this.throttled[key] = (this.throttled[key] as number) + 1;
      this.windowThrottled[key] = (this.windowThrottled[key] as number) + 1;
    }
    return retryAfter;
  }

  /** The whole run's figures, with each key's level at `time`. */
  figures(time: number): LimiterFigures {
    return {
      keys: [...this.keys],
      admitted: Array.from(this.admitted),
      throttled: Array.from(this.throttled),
      level: this.keys.map((_, key) => this.policy.level(key, time)),
    };
  }

  /** The closing window's figures (level at its end); counting starts afresh. */
  closeWindow(time: number): LimiterFigures {
    const figures = {
      keys: [...this.keys],
      admitted: Array.from(this.windowAdmitted),
      throttled: Array.from(this.windowThrottled),
      level: this.keys.map((_, key) => this.policy.level(key, time)),
    };
    this.windowAdmitted.fill(0);
    this.windowThrottled.fill(0);
    return figures;
  }
}
