/** A service registry's figures, shaped for its views: the rows of its list and copies, and stale calls over time. */
import type { RegistryFigures, WindowSample } from '../../engine/types';
import type { FigureRowsData } from '../cache/cache-figure-rows';
import { formatCount } from '../cache/cache-figure-rows';
import { axisRange } from '../charts/metrics-charts';
import { MAX_CHART_POINTS } from '../charts/thin-windows';

/** Cached copies listed by name; the rest are summed in one row so the view keeps its size. */
const MAX_CACHE_ROWS = 4;

/** "12 s left", "expired": when a copy is looked up again. */
function expiry(expiresAt: number, now: number): string {
  const left = expiresAt - now;
  return left > 0 ? `${left < 10 ? left.toFixed(1) : Math.round(left)} s left` : 'expired';
}

/** The registry's list against each cached copy of it (null before the run reaches it). */
export function registryRows(r: RegistryFigures | null, now: number): FigureRowsData {
  if (!r) return { rows: [], emptyText: 'The list and its copies: when the run starts' };
  const staleShare = r.calls > 0 ? r.staleCalls / r.calls : 0;
  const rows: FigureRowsData['rows'] = [
    { label: 'Registered now', value: `${r.listed.length} of ${r.instances}`, detail: r.listed.join(', ') || 'none', share: r.instances > 0 ? r.listed.length / r.instances : 0 },
    { label: 'Stale calls', value: `${formatCount(r.staleCalls)} of ${formatCount(r.calls)} calls`, share: staleShare, detail: 'sent to an instance that had left the list', alarm: r.staleCalls > 0 },
  ];
  if (r.mode === 'serverSide') rows.push({ label: 'Look-ups', value: `${formatCount(r.lookups)}: one per request, always the live list` });
  const shown = r.caches.slice(0, MAX_CACHE_ROWS);
  for (const c of shown) {
    const behind = c.stale > 0 ? `${c.stale} stale` : c.missing > 0 ? `${c.missing} missing` : 'up to date';
    rows.push({ label: c.name, value: `${behind} · ${expiry(c.expiresAt, now)}`, alarm: c.stale > 0 });
  }
  const rest = r.caches.slice(MAX_CACHE_ROWS);
  if (rest.length > 0) {
    const stale = rest.filter((c) => c.stale > 0).length;
    rows.push({ label: `${rest.length} more copies`, value: `${stale} stale`, alarm: stale > 0 });
  }
  return { rows, emptyText: '' };
}

export interface StaleCallsData {
  x: number[];
  xMin: number;
  xMax: number;
  /** Stale calls a second, per point. */
  stale: number[];
  /** All calls a second, per point. */
  calls: number[];
  /** Whole run so far (carried on the chart for tests). */
  total: number;
}

/** Stale calls and all calls a second over the windows of node `index`, merged to at most `maxPoints`. */
export function staleCallsData(windows: readonly WindowSample[], index: number, duration: number, maxPoints = MAX_CHART_POINTS): StaleCallsData {
  const size = Math.max(1, Math.ceil(windows.length / maxPoints));
  const x: number[] = [];
  const stale: number[] = [];
  const calls: number[] = [];
  let total = 0;
  for (let from = 0; from < windows.length; from += size) {
    const group = windows.slice(from, from + size);
    const first = group[0] as WindowSample;
    const last = group.at(-1) as WindowSample;
    const span = Math.max(last.end - first.start, 1e-9);
    let s = 0;
    let c = 0;
    for (const w of group) {
      s += w.nodes[index]?.staleCalls ?? 0;
      c += w.nodes[index]?.served ?? 0;
    }
    total += s;
    x.push(last.end);
    stale.push(s / span);
    calls.push(c / span);
  }
  return { x, ...axisRange(duration, windows[0]?.start ?? 0, windows.at(-1)?.end ?? 0), stale, calls, total };
}
