/**
 * The totals table: what happened to every request so far. Counts are for the
 * whole run; throughput is the recent rate while running and the measured
 * (after warm-up) rate once the report is in.
 */
import { select } from 'd3-selection';
import { FAILURE_REASONS, type LiveSnapshot, type Report, type WindowSample } from '../../engine/types';
import { setAttr, setText } from '../dom-writes';
import type { Chart } from './time-series-chart';

export interface TotalsData {
  snapshot: LiveSnapshot | null;
  report: Report | null;
  windows: readonly WindowSample[];
  /** What the system on the canvas costs per hour; without it, what the run's figures say. */
  costPerHour?: number;
  /** Some server keeps sessions: show logins, re-logins and lost sessions. */
  sessions?: boolean;
}

interface Row {
  key: string;
  label: string;
  value: string;
  /** Indented under "failed". */
  detail?: boolean;
  hint?: string;
}

/** Windows averaged for the live throughput figure: a few seconds smooths Poisson noise. */
const RECENT_WINDOWS = 5;

/** How each failure reason reads in the table; a reason the engine adds later shows under its own name. */
const FAILURE_LABELS: Partial<Record<string, string>> = {
  queueFull: 'dropped (queue full)',
  timeout: 'timed out',
  hopLimit: 'hop limit',
  noRoute: 'no route',
  nodeDown: 'node down',
  engineLimit: 'engine limit',
  removed: 'removed (live edit)',
};

// One formatter for every cell: toLocaleString builds a new one per call, a cost the table pays ~60 times a second at full speed.
const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const count = (n: number) => COUNT_FORMAT.format(Math.round(n));

/** The rows for `data`, in display order. Pure, so tests can read them. */
export function totalsRows({ snapshot, report, windows, costPerHour, sessions }: TotalsData): Row[] {
  const totals = report?.totals;
  const s = totals ?? snapshot;
  const recent = windows.slice(-RECENT_WINDOWS);
  const live = recent.length > 0 ? recent.reduce((sum, w) => sum + w.completed, 0) / recent.reduce((sum, w) => sum + (w.end - w.start), 0) : 0;
  const throughput = totals ? totals.throughput : live;
  return [
    { key: 'sent', label: 'Sent', value: count(s?.sent ?? 0), hint: 'attempts sent by clients, retries included' },
    { key: 'completed', label: 'Completed', value: count(s?.completed ?? 0) },
    { key: 'failed', label: 'Failed', value: count(s?.failed ?? 0) },
    ...FAILURE_REASONS.map((reason) => ({
      key: reason,
      label: FAILURE_LABELS[reason] ?? reason,
      value: count(s?.failures[reason] ?? 0),
      detail: true,
    })),
    { key: 'inFlight', label: 'In flight', value: count(s?.inFlight ?? 0) },
    { key: 'retries', label: 'Retries', value: count(s?.retries ?? 0) },
    {
      key: 'throughput',
      label: 'Throughput',
      hint: totals ? 'completed per second after the warm-up' : 'completed per second over the last 5 simulated seconds',
      value: `${throughput.toFixed(1)} req/s`,
    },
    ...sessionRows(sessions === true, totals?.sessions ?? snapshot?.sessions),
    ...(costPerHour === undefined && totals?.costPerHour === undefined
      ? []
      : [{ key: 'cost', label: 'Cost', value: `$${(costPerHour ?? totals?.costPerHour ?? 0).toFixed(2)} / h`, hint: 'servers: replicas × cost per hour' }]),
  ];
}

/** Session figures come with the report: the live snapshot does not carry them. */
function sessionRows(shown: boolean, sessions: { logins: number; relogins: number; lost: number } | undefined): Row[] {
  if (!shown) return [];
  const value = (n: number | undefined) => (n === undefined ? '…' : count(n));
  const hint = sessions ? undefined : 'counted at the end of the run';
  return [
    { key: 'logins', label: 'Logins', value: value(sessions?.logins), hint },
    { key: 'relogins', label: 'Re-logins', value: value(sessions?.relogins), hint: hint ?? 'the session was on another server, or lost' },
    { key: 'lostSessions', label: 'Lost sessions', value: value(sessions?.lost), hint: hint ?? 'held by a server when it crashed' },
  ];
}

/** Fills `table` with the totals; `update` rewrites only the cells. */
export function createTotalsTable(tableElement: HTMLTableElement): Chart<TotalsData> {
  const table = select(tableElement).attr('class', 'sp-totals');
  table.append('caption').text('Totals');
  const body = table.append('tbody');
  return {
    update(data) {
      body
        .selectAll<HTMLTableRowElement, Row>('tr')
        .data(totalsRows(data), (r) => r.key)
        .join((enter) => {
          const tr = enter.append('tr');
          tr.append('th').attr('scope', 'row');
          tr.append('td');
          return tr;
        })
        // Only what changed is written: a rewrite of every cell costs a style and layout pass each time.
        .each(function (r) {
          setAttr(this, 'class', r.detail ? 'sp-totals-detail' : null);
          setAttr(this, 'data-total', r.key);
          const [th, td] = this.children;
          if (th) {
            setText(th, r.label);
            setAttr(th, 'title', r.hint ?? null);
          }
          if (td) setText(td, r.value);
        });
    },
    resize() {},
    destroy() {
      table.selectAll('*').remove();
    },
  };
}
