import type { WindowSample } from '../../engine/types';

/** A message queue's backlog and the age of its oldest waiting message, at the end of each metrics window. */
export interface QueueSeries {
  x: number[];
  xMin: number;
  xMax: number;
  backlog: number[];
  oldestAge: number[];
  /** The largest backlog in the windows, and the last one. */
  maxBacklog: number;
  lastBacklog: number;
}

/** The series of the queue at component number `index`, or null before any window closed. */
export function queueSeries(windows: readonly WindowSample[], index: number | undefined, duration: number): QueueSeries | null {
  if (index === undefined || windows.length === 0) return null;
  const x: number[] = [];
  const backlog: number[] = [];
  const oldestAge: number[] = [];
  for (const window of windows) {
    const node = window.nodes[index];
    if (node?.backlog === undefined) continue;
    x.push(window.end);
    backlog.push(node.backlog);
    oldestAge.push(node.oldestAge ?? 0);
  }
  if (x.length === 0) return null;
  return {
    x,
    xMin: windows[0]?.start ?? 0,
    xMax: duration,
    backlog,
    oldestAge,
    maxBacklog: Math.max(...backlog),
    lastBacklog: backlog.at(-1) ?? 0,
  };
}
