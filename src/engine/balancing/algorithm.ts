/** What a balancer knows about its targets, kept up to date by the balancer. */
export interface TargetState {
  readonly count: number;
  /** 1 when the target may receive requests (healthy and not ejected). */
  readonly eligible: Uint8Array;
  /** Requests sent to the target whose response has not come back. */
  readonly open: Int32Array;
  /** Exponentially weighted mean response time seen from the balancer, seconds (0 before the first). */
  readonly responseTime: Float64Array;
  /** Link weights. */
  readonly weights: Float64Array;
  /** Target node ids (hash rings are built on them, so shares survive reordering). */
  readonly ids: readonly string[];
}

/**
 * How a load balancer chooses among its targets; one algorithm a file. The
 * balancer reports responses only to algorithms that ask, so round robin
 * costs no response events.
 */
export interface BalancingAlgorithm {
  readonly observesResponses: boolean;
  /**
   * Index of the chosen target, or -1 when none is eligible. `key` is what
   * hashing algorithms place: the client address, or a consistent-hash
   * balancer's request key.
   */
  pick(targets: TargetState, key: number): number;
}

/** Scans targets from `start` round the circle; the shared loop of the rotating algorithms. */
export function firstEligibleFrom(targets: TargetState, start: number): number {
  for (let k = 0; k < targets.count; k++) {
    const i = (start + k) % targets.count;
    if (targets.eligible[i] === 1) return i;
  }
  return -1;
}

/** Number of eligible targets. */
export function eligibleCount(targets: TargetState): number {
  let n = 0;
  for (let i = 0; i < targets.count; i++) n += targets.eligible[i] as number;
  return n;
}

/** The k-th eligible target (0-based), or -1. */
export function nthEligible(targets: TargetState, k: number): number {
  for (let i = 0; i < targets.count; i++) {
    if (targets.eligible[i] === 1 && k-- === 0) return i;
  }
  return -1;
}
