// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { LiveSnapshot, WindowSample } from '../../engine/types';
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
  it('lists every outcome, with drops and timeouts under failed, and the recent throughput', () => {
    const rows = totalsRows({ snapshot, report: null, windows: [win(0, 10), win(1, 80), win(2, 100)] });
    const value = (key: string) => rows.find((r) => r.key === key)?.value;
    expect(value('sent')).toBe('1,234');
    expect(value('failed')).toBe('30');
    expect(value('queueFull')).toBe('20');
    expect(value('timeout')).toBe('10');
    expect(value('inFlight')).toBe('104');
    expect(value('throughput')).toBe('63.3 req/s');
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
  });
});
