// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { LiveSnapshot, Report, WindowSample } from '../../engine/types';
import { NO_FAILURES } from '../../worker/testing/fake-simulation';
import { createTotalsTable, totalsRows } from './totals-table';

const snapshot: LiveSnapshot = {
  now: 12,
  events: 100,
  sent: 1234,
  completed: 1100,
  failed: 30,
  failures: { ...NO_FAILURES, queueFull: 20, timeout: 10 },
  inFlight: 104,
  retries: 5,
  nodes: [],
};
const win = (start: number, completed: number): WindowSample => ({ start, end: start + 1, completed, failed: 0, throughput: completed, p50: 0, p95: 0, p99: 0, nodes: [] });

describe('totals', () => {
  it('lists every outcome, with drops and timeouts under failed, and the recent throughput as a window', () => {
    const rows = totalsRows({ snapshot, report: null, windows: [win(0, 10), win(1, 80), win(2, 100)] });
    const value = (key: string) => rows.find((r) => r.key === key)?.value;
    expect(value('sent')).toBe('1,234');
    expect(value('failed')).toBe('30');
    expect(value('queueFull')).toBe('20');
    expect(value('timeout')).toBe('10');
    expect(value('inFlight')).toBe('104');
    expect(value('windowThroughput')).toBe('63.3 req/s');
    expect(rows.find((r) => r.key === 'section-window')?.label).toBe('Last 5 s (window)');
    // No whole-run figures yet: the snapshot is still in its warm-up.
    expect(value('throughput')).toBe('…');
  });

  it('shows the whole run after warm-up from the snapshot while running, and from the report at the end, with theory in the hints', () => {
    const theory = {
      nodes: [{ id: 'server', model: 'M/M/1' as const, arrivalRate: 8, utilization: 0.8, meanResponse: 0.5 }],
      latency: { mean: 0.5, p50: 0.3466, p95: 1.4979, p99: 2.31 },
    };
    const running: LiveSnapshot = {
      ...snapshot,
      nodes: [
        { busy: 0, queueLength: 0, inSystem: 0, workers: 0 },
        { busy: 1, queueLength: 3, inSystem: 4, workers: 1, utilization: 0.7912 },
      ],
      measured: { from: 60, throughput: 7.95, latency: { count: 900, mean: 0.49, p50: 0.35, p95: 1.5, p99: 2.25 } },
      theory,
    };
    const data = { snapshot: running, report: null, windows: [], nodeLabels: ['Users', 'Server'], nodeIds: ['users', 'server'] };
    const rows = totalsRows(data);
    const row = (key: string) => rows.find((r) => r.key === key);
    expect(row('section-run')?.label).toBe('Whole run, after warm-up');
    expect(row('section-run')?.hint).toContain('since the warm-up (the first 60 s) ended');
    expect([row('throughput')?.value, row('p50')?.value, row('p95')?.value, row('p99')?.value]).toEqual(['8.0 req/s', '350 ms', '1,500 ms', '2,250 ms']);
    expect(row('p99')?.hint).toContain('theory 2,310 ms');
    expect(row('utilization-1')).toMatchObject({ label: 'Busy: Server', value: '79.1 %' });
    expect(row('utilization-1')?.hint).toContain('theory 80.0 % (M/M/1)');
    expect(row('utilization-0')).toBeUndefined();
    expect(row('throughput')?.hint).toBe('completed per second after the warm-up, so far');

    const latency = { count: 1000, mean: 0.5, p50: 0.34, p90: 1.1, p95: 1.49, p99: 2.31, p999: 3, max: 4 };
    const totals = { ...snapshot, throughput: 8.01, latency, sessions: { logins: 0, relogins: 0, lost: 0 } };
    const server = { id: 'server', utilization: 0.8012 } as Report['nodes'][number];
    const report: Report = { scenario: 's', seed: 1, duration: 3600, warmup: 60, simulatedTime: 3600, events: 1, totals, nodes: [{ id: 'users' } as Report['nodes'][number], server], theory };
    const done = totalsRows({ ...data, report });
    const end = (key: string) => done.find((r) => r.key === key);
    expect([end('throughput')?.value, end('p99')?.value, end('utilization-1')?.value]).toEqual(['8.0 req/s', '2,310 ms', '80.1 %']);
    expect(end('throughput')?.hint).toBe('completed per second after the warm-up');
  });

  it('renders a labelled table and updates the cells in place', () => {
    const table = document.createElement('table');
    const totals = createTotalsTable(table);
    totals.update({ snapshot: null, report: null, windows: [] });
    const cell = () => table.querySelector('[data-total="completed"] td')?.textContent;
    expect(cell()).toBe('0');
    const row = table.querySelector('[data-total="completed"]');
    totals.update({ snapshot, report: null, windows: [] });
    expect(cell()).toBe('1,100');
    expect(table.querySelector('[data-total="completed"]')).toBe(row);
    expect(table.querySelector('[data-total="queueFull"] th')?.textContent).toBe('dropped (queue full)');
    expect(table.querySelector('[data-total="engineLimit"] th')?.textContent).toBe('engine limit');
  });

  it('shows cost per hour from the scenario, and session figures once the report has them', () => {
    const live = totalsRows({ snapshot, report: null, windows: [], costPerHour: 0.3, sessions: true });
    const value = (rows: typeof live, key: string) => rows.find((r) => r.key === key)?.value;
    expect(value(live, 'cost')).toBe('$0.30 / h');
    expect(value(live, 'lostSessions')).toBe('…');
    const totals = { sent: 1, completed: 1, failed: 0, failures: NO_FAILURES, inFlight: 0, retries: 0, throughput: 1, latency: { count: 1, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 }, costPerHour: 0.5, sessions: { logins: 40, relogins: 7, lost: 12 } };
    const report = { scenario: 's', seed: 1, duration: 1, warmup: 0, simulatedTime: 1, events: 1, totals, nodes: [] };
    const done = totalsRows({ snapshot, report, windows: [], costPerHour: 0.3, sessions: true });
    // The cost follows the canvas, not the run: an edit (or New) shows at once.
    expect([value(done, 'logins'), value(done, 'relogins'), value(done, 'lostSessions'), value(done, 'cost')]).toEqual(['40', '7', '12', '$0.30 / h']);
    expect(value(totalsRows({ snapshot, report, windows: [], costPerHour: 0 }), 'cost')).toBe('$0.00 / h');
    expect(value(totalsRows({ snapshot, report, windows: [] }), 'cost')).toBe('$0.50 / h');
    expect(totalsRows({ snapshot, report: null, windows: [] }).some((r) => r.key === 'cost' || r.key === 'logins')).toBe(false);
    // A group scaled: the run's mean cost per hour and what the run cost replace the canvas's estimate.
    const scaled = { ...report, totals: { ...totals, costPerHour: 0.59, cost: 0.069 } };
    expect(value(totalsRows({ snapshot, report: scaled, windows: [], costPerHour: 0.3 }), 'cost')).toBe('$0.59 / h · $0.069 this run');
  });
});
