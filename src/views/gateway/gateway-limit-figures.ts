/** A gateway's rate limit over time, per key, shaped for its charts from the metrics windows. */
import type { LimiterFigures, WindowSample } from '../../engine/types';
import { axisRange } from '../charts/metrics-charts';
import { MAX_CHART_POINTS } from '../charts/thin-windows';

export interface GatewayLimitData {
  /** Window ends, simulated seconds. */
  x: number[];
  xMin: number;
  xMax: number;
  /** Each limit key: "all", a client's name, a route. */
  keys: string[];
  /** Per key, per point: requests admitted and throttled a second. */
  admitted: number[][];
  throttled: number[][];
  /** Per key, per point: tokens in the bucket (or places left in the window) at the point's end. */
  level: number[][];
  /** What the level counts. */
  levelLabel: string;
  /** Whole run so far, per key (carried on the chart for tests and screen-reader tooling). */
  totals: { admitted: number; throttled: number };
}

/**
 * The limit's lines from the windows of node `index`, merged so at most
 * `maxPoints` remain (counts add up; the level is the merged span's last).
 * Null when the gateway has no rate limit or the run has not reached it.
 */
export function gatewayLimitData(
  windows: readonly WindowSample[],
  index: number,
  limiter: LimiterFigures | null | undefined,
  policy: 'tokenBucket' | 'slidingWindow',
  duration: number,
  maxPoints = MAX_CHART_POINTS,
): GatewayLimitData | null {
  if (!limiter || limiter.keys.length === 0) return null;
  const keys = limiter.keys;
  const size = Math.max(1, Math.ceil(windows.length / maxPoints));
  const x: number[] = [];
  const admitted = keys.map((): number[] => []);
  const throttled = keys.map((): number[] => []);
  const level = keys.map((): number[] => []);
  for (let from = 0; from < windows.length; from += size) {
    const group = windows.slice(from, from + size);
    const first = group[0] as WindowSample;
    const last = group.at(-1) as WindowSample;
    const span = Math.max(last.end - first.start, 1e-9);
    x.push(last.end);
    keys.forEach((_, k) => {
      let a = 0;
      let t = 0;
      for (const w of group) {
        a += w.nodes[index]?.gateway?.admitted[k] ?? 0;
        t += w.nodes[index]?.gateway?.throttled[k] ?? 0;
      }
      admitted[k]?.push(a / span);
      throttled[k]?.push(t / span);
      level[k]?.push(last.nodes[index]?.gateway?.level[k] ?? 0);
    });
  }
  const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);
  return {
    x,
    ...axisRange(duration, windows[0]?.start ?? 0, windows.at(-1)?.end ?? 0),
    keys,
    admitted,
    throttled,
    level,
    levelLabel: policy === 'tokenBucket' ? 'tokens' : 'room left',
    totals: { admitted: sum(limiter.admitted), throttled: sum(limiter.throttled) },
  };
}
