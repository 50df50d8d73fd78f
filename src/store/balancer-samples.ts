/**
 * What every load balancer saw while a run goes, for the balancer view: each
 * target's recent share and the spans it spent out of the pool or crashed
 * (the report's exact timeline replaces them at the end). One sample per
 * store commit (~15 a second) would hold thousands of objects after a few
 * minutes, so samples older than the recent window are kept only where
 * something changed: the spans need the moments a target left or rejoined the
 * pool, or a node crashed or came back, not the seconds in between.
 */
import type { LiveSnapshot, TargetFigures } from '../engine/types';

/** Simulated seconds the balancer view's "recent" share looks back over. */
export const RECENT_SECONDS = 5;

/** Samples kept at most, changes included: a run with more changes loses its oldest. */
export const MAX_BALANCER_SAMPLES = 9000;

/** The samples are thinned once this many have been added since the last time. */
const THIN_EVERY = 256;

/** What every load balancer saw at one moment. */
export interface BalancerSample {
  /** Simulated seconds. */
  time: number;
  /** Per node in scenario order: the balancer's targets, or null for other kinds. */
  targets: (TargetFigures[] | null)[];
  /** Per node in scenario order: crashed by a fault (a crashed target may still be in a pool). */
  down: boolean[];
}

/** `samples` with the balancers of `snapshot` added (the same array when it has none, or time did not move). */
export function withBalancerSample(samples: BalancerSample[], snapshot: LiveSnapshot): BalancerSample[] {
  if (!snapshot.nodes.some((n) => n.targets)) return samples;
  const last = samples.at(-1);
  // A paused run sends frames that repeat the same moment.
  if (last && last.time === snapshot.now) return samples;
  const sample: BalancerSample = {
    time: snapshot.now,
    targets: snapshot.nodes.map((n) => n.targets ?? null),
    down: snapshot.nodes.map((n) => n.down === true),
  };
  const kept = samples.length >= MAX_BALANCER_SAMPLES ? samples.slice(-MAX_BALANCER_SAMPLES + 1) : samples.slice();
  kept.push(sample);
  return kept.length % THIN_EVERY === 0 ? thinSamples(kept) : kept;
}

/**
 * The samples the view still needs: every one in the last two recent windows
 * (recent shares read the one just before the window), the first, and each
 * one whose pool or crash state differs from the sample before it.
 */
export function thinSamples(samples: readonly BalancerSample[]): BalancerSample[] {
  const newest = samples.at(-1);
  if (!newest) return [];
  const recentFrom = newest.time - 2 * RECENT_SECONDS;
  const kept: BalancerSample[] = [];
  let previous = '';
  for (const sample of samples) {
    const state = stateOf(sample);
    if (kept.length === 0 || sample.time >= recentFrom || state !== previous) kept.push(sample);
    previous = state;
  }
  return kept;
}

/** Which targets are in each pool and why not, and which nodes are down, as one comparable string. */
function stateOf(sample: BalancerSample): string {
  let state = '';
  for (const targets of sample.targets) {
    if (targets) for (const t of targets) state += t.eligible ? '+' : t.out || '-';
    state += '|';
  }
  for (const down of sample.down) state += down ? 'd' : 'u';
  return state;
}
