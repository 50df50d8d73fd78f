import type { WindowSample } from '../../engine/types';

/** A pooler's server connections in use and its wait for one, per metrics window. */
export interface PoolerSeries {
  x: number[];
  xMin: number;
  xMax: number;
  /** Server connections in use, time-averaged over each window. */
  serverBusy: number[];
  /** Mean wait for a server connection in each window, milliseconds. */
  waitMs: number[];
  /** The pooler's most server connections (a flat line on the chart). */
  serverConnections: number;
  /** The largest window figures, for the charts' data attributes. */
  maxBusy: number;
  maxWaitMs: number;
}

/** The series of the pooler at component number `index`, or null before any window closed. */
export function poolerSeries(windows: readonly WindowSample[], index: number | undefined, duration: number, serverConnections: number): PoolerSeries | null {
  if (index === undefined || windows.length === 0) return null;
  const x: number[] = [];
  const serverBusy: number[] = [];
  const waitMs: number[] = [];
  for (const window of windows) {
    const pooler = window.nodes[index]?.pooler;
    if (pooler === undefined) continue;
    x.push(window.end);
    serverBusy.push(pooler.serverBusy);
    waitMs.push(pooler.meanWait * 1000);
  }
  if (x.length === 0) return null;
  return {
    x,
    xMin: windows[0]?.start ?? 0,
    xMax: duration,
    serverBusy,
    waitMs,
    serverConnections,
    maxBusy: Math.max(...serverBusy),
    maxWaitMs: Math.max(...waitMs),
  };
}
