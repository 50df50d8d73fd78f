/**
 * What the balancer view draws, worked out from the run's figures: each
 * target's recent share (the engine's share counts the whole run, so a crash
 * barely moves it) and the spans each target spent out of the pool.
 */
import type { HealthChange, TargetFigures } from '../../engine/types';
import { type BalancerSample, RECENT_SECONDS } from '../../store/balancer-samples';

/** Simulated seconds the "recent" share looks back over (the store keeps every sample within twice it). */
export { RECENT_SECONDS };

/** A span of simulated time a target spent out of the pool, and why. */
export interface OutSpan {
  start: number;
  end: number;
  out: 'probes' | 'ejected' | 'notServing' | 'down';
}

/** One target as the view draws it. */
export interface TargetRow {
  id: string;
  /** What the user calls the target: its node's name, with the replica's number ("App server 1 #2"). */
  name: string;
  /** Share of the balancer's requests over the whole run, 0..1. */
  share: number;
  /** Share over the last RECENT_SECONDS of simulated time, 0..1. */
  recentShare: number;
  open: number;
  eligible: boolean;
  out: TargetFigures['out'];
  /** The target's node is crashed (it may still be in the pool: that is the sinkhole). */
  down: boolean;
  spans: OutSpan[];
  /** When the target's node was crashed, from the live samples. */
  crashes: { start: number; end: number }[];
}

export interface BalancerViewData {
  label: string;
  rows: TargetRow[];
  /** Right end of the timeline: the run's duration. */
  duration: number;
  /** Simulated seconds reached. */
  now: number;
}

/** The samples' targets of the balancer at `index`, oldest first, skipping samples without them. */
function targetsOver(samples: readonly BalancerSample[], index: number): { time: number; targets: TargetFigures[] }[] {
  const out: { time: number; targets: TargetFigures[] }[] = [];
  for (const s of samples) {
    const targets = s.targets[index];
    if (targets) out.push({ time: s.time, targets });
  }
  return out;
}

/** Each target's share of the requests routed in the last `span` simulated seconds (the run's share until a span has passed). */
export function recentShares(samples: readonly BalancerSample[], index: number, span = RECENT_SECONDS): number[] {
  const series = targetsOver(samples, index);
  const last = series.at(-1);
  if (!last) return [];
  // The latest sample at least `span` before the last one; the first sample if none is that old.
  let from = series[0];
  for (const s of series) {
    if (s.time <= last.time - span) from = s;
    else break;
  }
  if (!from || from === last) return last.targets.map((t) => t.share);
  const deltas = last.targets.map((t, i) => Math.max(0, t.routed - (from.targets[i]?.routed ?? 0)));
  const total = deltas.reduce((a, b) => a + b, 0);
  return total > 0 ? deltas.map((d) => d / total) : last.targets.map(() => 0);
}

/** Spans out of the pool per target (by position), from the live samples; an open span ends at `now`. */
export function spansFromSamples(samples: readonly BalancerSample[], index: number, now: number): OutSpan[][] {
  const series = targetsOver(samples, index);
  const count = series.at(-1)?.targets.length ?? 0;
  const spans: OutSpan[][] = Array.from({ length: count }, () => []);
  const open: (OutSpan | null)[] = Array.from({ length: count }, () => null);
  for (const { time, targets } of series) {
    targets.forEach((t, i) => {
      const current = open[i];
      if (!t.eligible && !current) {
        const span: OutSpan = { start: time, end: time, out: t.out === '' ? 'down' : t.out };
        open[i] = span;
        spans[i]?.push(span);
      } else if (t.eligible && current) {
        current.end = time;
        open[i] = null;
      }
    });
  }
  for (const span of open) if (span) span.end = now;
  return spans;
}

/** Spans out of the pool per target id, from the report's exact timeline; an open span ends at `end`. */
export function spansFromTimeline(timeline: readonly HealthChange[], ids: readonly string[], end: number): OutSpan[][] {
  const spans: OutSpan[][] = ids.map(() => []);
  const open = new Map<string, OutSpan>();
  for (const change of timeline) {
    const row = ids.indexOf(change.target);
    if (row < 0) continue;
    const current = open.get(change.target);
    if (!change.eligible && !current) {
      const span: OutSpan = { start: change.time, end: end, out: change.out === '' ? 'down' : change.out };
      open.set(change.target, span);
      spans[row]?.push(span);
    } else if (change.eligible && current) {
      current.end = change.time;
      open.delete(change.target);
    }
  }
  return spans;
}

/** When the node at `nodeIndex` was down, from the live samples; an open span ends at `now`. */
export function crashSpans(samples: readonly BalancerSample[], nodeIndex: number | undefined, now: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  if (nodeIndex === undefined) return spans;
  let open: { start: number; end: number } | null = null;
  for (const s of samples) {
    const down = s.down[nodeIndex] === true;
    if (down && !open) {
      open = { start: s.time, end: s.time };
      spans.push(open);
    } else if (!down && open) {
      open.end = s.time;
      open = null;
    }
  }
  if (open) open.end = now;
  return spans;
}

/** The rows for one balancer: live targets with recent shares and spans; the report's timeline once the run ended. */
export function balancerRows(
  targets: readonly TargetFigures[],
  samples: readonly BalancerSample[],
  index: number,
  now: number,
  timeline: readonly HealthChange[] | undefined,
  isDown: (targetId: string) => boolean = () => false,
  nodeIndexOf: (targetId: string) => number | undefined = () => undefined,
  nameOf: (targetId: string) => string = (targetId) => targetId,
): TargetRow[] {
  const recent = recentShares(samples, index);
  const spans = timeline
    ? spansFromTimeline(
        timeline,
        targets.map((t) => t.id),
        now,
      )
    : spansFromSamples(samples, index, now);
  return targets.map((t, i) => ({
    id: t.id,
    name: nameOf(t.id),
    share: t.share,
    recentShare: recent[i] ?? t.share,
    open: t.open,
    eligible: t.eligible,
    out: t.out,
    down: isDown(t.id),
    spans: spans[i] ?? [],
    crashes: crashSpans(samples, nodeIndexOf(t.id), now),
  }));
}

/** A target's name for people: its node's label in place of its id, keeping a replica's "#2". */
export function targetName(targetId: string, labelOf: (nodeId: string) => string | undefined): string {
  const nodeId = targetNodeId(targetId);
  return `${labelOf(nodeId) || nodeId}${targetId.slice(nodeId.length)}`;
}

/** The node id behind a target id: replicas are named "server #2". */
export function targetNodeId(targetId: string): string {
  return targetId.replace(/ #\d+$/, '');
}
