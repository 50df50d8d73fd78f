/**
 * The totals table, in sections that say what they cover: first the whole
 * run after warm-up (throughput, p50/p95/p99, each station's utilization),
 * from the engine's live snapshot while running and from its report at the
 * end, which define them alike; then the last few seconds' throughput,
 * labelled as a window; then what happened to every request so far.
 */
import { select } from 'd3-selection';
import { FAILURE_REASONS, type FailureReason, type LiveSnapshot, type NodeTheory, type Report, type WindowSample } from '../../engine/types';
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
  /** Label of each node the figures list, by index (live edits append nodes); without it, no utilization rows. */
  nodeLabels?: readonly string[];
  /** Node id of each index, to find a node's theory. */
  nodeIds?: readonly string[];
}

interface Row {
  key: string;
  label: string;
  value: string;
  /** Indented under "failed" or under a section. */
  detail?: boolean;
  /** A heading row that says what the rows under it cover. */
  section?: boolean;
  hint?: string;
}

/** Windows averaged for the live throughput figure: a few seconds smooths Poisson noise. */
const RECENT_WINDOWS = 5;

/** How each failure reason reads in the table. */
const FAILURE_LABELS: Record<FailureReason, string> = {
  queueFull: 'dropped (queue full)',
  timeout: 'timed out',
  hopLimit: 'hop limit',
  noRoute: 'no route',
  nodeDown: 'node down',
  engineLimit: 'engine limit',
  removed: 'removed (live edit)',
  unauthorized: 'unauthorized (401)',
  throttled: 'throttled (429)',
  backlogFull: 'backlog full',
  circuitOpen: 'circuit open',
  bulkheadFull: 'bulkhead full',
  staleEndpoint: 'stale endpoint',
  poolTimeout: 'pool wait timed out',
  tooManyConnections: 'too many connections',
};

// One formatter for every cell: toLocaleString builds a new one per call, a cost the table pays ~60 times a second at full speed.
const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const count = (n: number) => COUNT_FORMAT.format(Math.round(n));

/** Utilization rows listed at most: the busiest first; the utilization chart shows the rest. */
const MAX_UTILIZATION_ROWS = 8;

/** Dollars: cents from a dollar up, two significant digits below (a short run costs fractions of a cent). */
const dollars = (n: number) => (n >= 1 || n === 0 ? `$${n.toFixed(2)}` : `$${Number(n.toPrecision(2))}`);
const ms = (seconds: number) => `${count(seconds * 1000)} ms`;
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** The rows for `data`, in display order. Pure, so tests can read them. */
export function totalsRows(data: TotalsData): Row[] {
  const { snapshot, report, windows, costPerHour, sessions } = data;
  const totals = report?.totals;
  const s = totals ?? snapshot;
  const recent = windows.slice(-RECENT_WINDOWS);
  const live = recent.length > 0 ? recent.reduce((sum, w) => sum + w.completed, 0) / recent.reduce((sum, w) => sum + (w.end - w.start), 0) : 0;
  const span = recent.reduce((sum, w) => sum + (w.end - w.start), 0);
  return [
    ...wholeRunRows(data),
    {
      key: 'section-window',
      label: `Last ${RECENT_WINDOWS} s (window)`,
      value: '',
      section: true,
      hint: 'recent seconds only: this moves with the moment; the figures above cover the whole run',
    },
    {
      key: 'windowThroughput',
      label: 'Throughput',
      hint: `completed per second over the last ${RECENT_WINDOWS} simulated seconds`,
      value: span > 0 ? `${live.toFixed(1)} req/s` : '…',
    },
    {
      key: 'section-requests',
      label: 'Requests, whole run',
      value: '',
      section: true,
      hint: 'every attempt since the run began, warm-up included',
    },
    { key: 'sent', label: 'Sent', value: count(s?.sent ?? 0), hint: 'attempts sent by clients, retries included (whole run, warm-up included)' },
    { key: 'completed', label: 'Completed', value: count(s?.completed ?? 0) },
    { key: 'failed', label: 'Failed', value: count(s?.failed ?? 0) },
    ...FAILURE_REASONS.map((reason) => ({
      key: reason,
      label: FAILURE_LABELS[reason],
      value: count(s?.failures[reason] ?? 0),
      detail: true,
    })),
    { key: 'inFlight', label: 'In flight', value: count(s?.inFlight ?? 0) },
    { key: 'retries', label: 'Retries', value: count(s?.retries ?? 0) },
    ...sessionRows(sessions === true, totals?.sessions ?? snapshot?.sessions),
    ...(totals?.cost !== undefined
      ? // A group scaled: what it cost depends on the run, so the run's figures replace the canvas's estimate.
        [{ key: 'cost', label: 'Cost', value: `$${(totals.costPerHour ?? 0).toFixed(2)} / h · ${dollars(totals.cost)} this run`, hint: 'scaling groups: instance-seconds × cost per hour; other servers: replicas × cost per hour' }]
      : costPerHour === undefined && totals?.costPerHour === undefined
        ? []
        : [{ key: 'cost', label: 'Cost', value: `$${(costPerHour ?? totals?.costPerHour ?? 0).toFixed(2)} / h`, hint: 'servers: replicas × cost per hour' }]),
  ];
}

/**
 * The whole run after warm-up: the report's figures at the end, the live
 * snapshot's (defined alike) while running; "…" during the warm-up.
 */
function wholeRunRows({ snapshot, report, nodeLabels, nodeIds }: TotalsData): Row[] {
  const measured = report
    ? { throughput: report.totals.throughput, latency: report.totals.latency, from: report.warmup }
    : (snapshot?.measured ?? null);
  const theory = report?.theory ?? snapshot?.theory ?? null;
  const warmup = measured ? ` (the first ${count(measured.from)} s)` : '';
  const soFar = report ? '' : ', so far';
  const value = (format: () => string) => (measured ? format() : '…');
  const latencyHint = (p: 'p50' | 'p95' | 'p99') => {
    const exact = theory?.latency[p];
    return `end to end at the clients, after the warm-up${soFar}${exact === undefined ? '' : `; theory ${ms(exact)}`}`;
  };
  return [
    {
      key: 'section-run',
      label: 'Whole run, after warm-up',
      value: '',
      section: true,
      hint: `every request since the warm-up${warmup} ended: the same figures the report gives at the end`,
    },
    {
      key: 'throughput',
      label: 'Throughput',
      // The end-of-run wording is what tests wait for to know the report is in.
      hint: report ? 'completed per second after the warm-up' : 'completed per second after the warm-up, so far',
      value: value(() => `${(measured?.throughput ?? 0).toFixed(1)} req/s`),
    },
    ...(['p50', 'p95', 'p99'] as const).map((p) => ({
      key: p,
      label: `Latency ${p}`,
      hint: latencyHint(p),
      value: value(() => ms(measured?.latency[p] ?? 0)),
    })),
    ...utilizationRows(snapshot, report, { labels: nodeLabels, ids: nodeIds }, theory?.nodes ?? [], measured !== null),
  ];
}

/** Each station's busy share since the warm-up, busiest first (its theory in the hint). */
function utilizationRows(
  snapshot: LiveSnapshot | null,
  report: Report | null,
  { labels, ids }: { labels: readonly string[] | undefined; ids: readonly string[] | undefined },
  theory: readonly NodeTheory[],
  measuring: boolean,
): Row[] {
  if (!labels || !snapshot) return [];
  const shares = snapshot.nodes.flatMap((node, index) => {
    if (node.workers <= 0) return [];
    const share = report ? report.nodes[index]?.utilization : node.utilization;
    return [{ index, share: share ?? 0 }];
  });
  return shares
    .sort((a, b) => b.share - a.share)
    .slice(0, MAX_UTILIZATION_ROWS)
    .map(({ index, share }) => {
      const label = labels[index] ?? `node ${index + 1}`;
      const model = theory.find((t) => t.id === ids?.[index]);
      return {
        key: `utilization-${index}`,
        label: `Busy: ${label}`,
        hint: `busy workers / workers, time-averaged since the warm-up${model ? `; theory ${percent(model.utilization)} (${model.model})` : ''}`,
        value: measuring ? percent(share) : '…',
      };
    });
}
/** Session figures come with the report: the live snapshot does not carry them. */
function sessionRows(shown: boolean, sessions: { logins: number; relogins: number; lost: number } | undefined): Row[] {
  if (!shown) return [];
  const value = (n: number | undefined) => (n === undefined ? '…' : count(n));
  const hint = sessions ? undefined : 'counted at the end of the run';
  return [
    { key: 'logins', label: 'Logins', value: value(sessions?.logins), hint },
    { key: 'relogins', label: 'Re-logins', value: value(sessions?.relogins), hint: hint ?? 'the session was on another server or replica, expired, evicted or lost' },
    { key: 'lostSessions', label: 'Lost sessions', value: value(sessions?.lost), hint: hint ?? 'held by a machine when it crashed' },
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
          setAttr(this, 'class', r.section ? 'sp-totals-section' : r.detail ? 'sp-totals-detail' : null);
          setAttr(this, 'data-total', r.key);
          const [th, td] = this.children;
          if (th) {
            setText(th, r.label);
            setAttr(th, 'title', r.hint ?? null);
            // A heading spans the value column too, so it reads on one line in a narrow panel.
            setAttr(th, 'colspan', r.section ? 2 : null);
          }
          if (td) {
            setText(td, r.value);
            setAttr(td, 'hidden', r.section ? '' : null);
          }
        });
    },
    resize() {},
    destroy() {
      table.selectAll('*').remove();
    },
  };
}
