/**
 * Merges consecutive metrics windows so a chart never draws more points than
 * it has pixels for: an hour of 1-second windows becomes a few hundred
 * points, and a redraw stays a few milliseconds at any run length.
 */
import type { WindowNodeSample, WindowSample } from '../../engine/types';

/** Points per line at most; charts are a few hundred pixels wide. */
export const MAX_CHART_POINTS = 240;

let lastInput: readonly WindowSample[] | null = null;
let lastOutput: readonly WindowSample[] = [];

/** A merged group from the last call, and the windows it was merged from. */
interface MergedGroup {
  first: WindowSample;
  last: WindowSample;
  count: number;
  merged: WindowSample;
}
let groupSize = 0;
let groups = new Map<number, MergedGroup>();

/**
 * `windows` merged in groups so at most `maxPoints` remain. Counts add up;
 * rates, percentiles, utilization and queue length are averaged (a merged
 * p99 is the mean of the windows' p99s: a display figure, not a new
 * percentile). Groups are aligned to simulated time, not to the first
 * window kept, so points do not shimmer as windows arrive or old ones are
 * dropped, and a group merged before is reused: at full speed each redraw
 * merges only the newest group instead of thousands of windows. An oldest
 * group that has lost windows is left out. The last result is cached, as
 * every chart asks for the same.
 */
export function thinWindows(windows: readonly WindowSample[], maxPoints = MAX_CHART_POINTS): readonly WindowSample[] {
  if (windows.length <= maxPoints) return windows;
  const shared = maxPoints === MAX_CHART_POINTS;
  if (shared && windows === lastInput) return lastOutput;
  // One group fewer than the points, as the oldest and newest groups may be partial.
  const size = Math.ceil(windows.length / Math.max(1, maxPoints - 1));
  const first = windows[0]!;
  const span = Math.max(first.end - first.start, 1e-9) * size;
  const known = shared && size === groupSize ? groups : new Map<number, MergedGroup>();
  const kept = new Map<number, MergedGroup>();
  const merged: WindowSample[] = [];
  let from = 0;
  while (from < windows.length) {
    const id = Math.floor(windows[from]!.start / span + 1e-9);
    let to = from + 1;
    while (to < windows.length && Math.floor(windows[to]!.start / span + 1e-9) === id) to++;
    const group = known.get(id);
    const same = group !== undefined && group.first === windows[from] && group.last === windows[to - 1] && group.count === to - from;
    const entry = same ? group : { first: windows[from]!, last: windows[to - 1]!, count: to - from, merged: mergeWindows(windows.slice(from, to)) };
    kept.set(id, entry);
    // The oldest group, partly dropped from memory already, would be an average of a few windows: a spike at the left edge.
    if (from > 0 || to - from === size || to === windows.length) merged.push(entry.merged);
    from = to;
  }
  // Windows of uneven length can leave more groups than points: then plain groups of `size` windows.
  const result = merged.length <= maxPoints ? merged : groupByCount(windows, Math.ceil(windows.length / maxPoints));
  if (shared) {
    groupSize = size;
    groups = kept;
    lastInput = windows;
    lastOutput = result;
  }
  return result;
}

function groupByCount(windows: readonly WindowSample[], size: number): WindowSample[] {
  const merged: WindowSample[] = [];
  for (let from = 0; from < windows.length; from += size) merged.push(mergeWindows(windows.slice(from, from + size)));
  return merged;
}

/** One window covering `group` (non-empty, consecutive). Plain loops: this runs over thousands of windows a few times a second. */
export function mergeWindows(group: readonly WindowSample[]): WindowSample {
  const first = group[0]!;
  const last = group[group.length - 1]!;
  const n = group.length;
  let completed = 0;
  let failed = 0;
  let p50 = 0;
  let p95 = 0;
  let p99 = 0;
  const nodes: WindowNodeSample[] = first.nodes.map(() => ({ utilization: 0, queueLength: 0, p99: 0, served: 0, dropped: 0 }));
  for (const w of group) {
    completed += w.completed;
    failed += w.failed;
    p50 += w.p50;
    p95 += w.p95;
    p99 += w.p99;
    for (let k = 0; k < nodes.length; k++) {
      const from = w.nodes[k];
      const into = nodes[k]!;
      if (!from) continue;
      into.utilization += from.utilization / n;
      into.queueLength += from.queueLength / n;
      into.p99 += from.p99 / n;
      into.served += from.served;
      into.dropped += from.dropped;
    }
  }
  return {
    start: first.start,
    end: last.end,
    completed,
    failed,
    throughput: completed / Math.max(last.end - first.start, 1e-9),
    p50: p50 / n,
    p95: p95 / n,
    p99: p99 / n,
    nodes,
  };
}
