import type { BreakerChange, BreakerState, CallFigures, LiveCall } from '../../engine/types';
import { COLORS } from '../colors';

/** One call link of the selected node, as its view draws it. */
export interface CallRow {
  link: string;
  target: string;
  state: BreakerState | null;
  calls: number;
  failed: number;
  retries: number;
  circuitOpen: number;
  bulkheadFull: number;
  /** The most calls in progress at once (on a server: workers waiting on this dependency). */
  peakConcurrent: number;
  timeline: BreakerChange[];
}

export interface CallsViewData {
  rows: CallRow[];
  /** The run's length and how far it has gone, simulated seconds. */
  duration: number;
  now: number;
}

/** A breaker state's colour: the canvas draws the link in the same (canvas/breaker-look.ts). */
export const STATE_COLORS: Record<BreakerState, string> = { closed: COLORS.green, open: COLORS.vermillion, halfOpen: COLORS.orange };
export const STATE_NAMES: Record<BreakerState, string> = { closed: 'closed', open: 'open', halfOpen: 'half-open' };

/** The rows from the report's figures (after the run) or the live ones (while it goes). */
export function callRows(calls: readonly (CallFigures | LiveCall)[]): CallRow[] {
  return calls.map((c) => ({
    link: c.link,
    target: c.target,
    state: 'breaker' in c ? (c.breaker?.state ?? null) : c.state,
    calls: c.calls,
    failed: c.failed,
    retries: c.retries,
    circuitOpen: c.circuitOpen,
    bulkheadFull: c.bulkheadFull,
    peakConcurrent: c.peakConcurrent,
    timeline: 'breaker' in c ? (c.breaker?.timeline ?? []) : c.timeline,
  }));
}

/** A breaker's spells over [0, now]: each state change lasts until the next (the last until now). */
export function spellsOf(timeline: readonly BreakerChange[], now: number): { from: number; to: number; state: BreakerState }[] {
  return timeline
    .map((change, i) => ({ from: change.time, to: Math.min(now, timeline[i + 1]?.time ?? now), state: change.state }))
    .filter((spell) => spell.to > spell.from);
}

/** What a row says in words beside its timeline. */
export function rowSummary(row: CallRow): string {
  const parts = [`${row.calls.toLocaleString('en-US')} calls`, `${row.failed.toLocaleString('en-US')} failed`];
  if (row.retries > 0) parts.push(`${row.retries.toLocaleString('en-US')} retries`);
  if (row.circuitOpen > 0) parts.push(`${row.circuitOpen.toLocaleString('en-US')} circuit open`);
  if (row.bulkheadFull > 0) parts.push(`${row.bulkheadFull.toLocaleString('en-US')} bulkhead full`);
  parts.push(`up to ${row.peakConcurrent.toLocaleString('en-US')} at once`);
  return parts.join(' · ');
}
