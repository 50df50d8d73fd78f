import { describe, expect, it } from 'vitest';
import { FAILURE_REASONS, type FailureReason, type LatencySummary, type Report } from '../engine/types';
import { formatReport } from './format-report';
import { nodeReport } from './report-fixture';

const latency = (mean: number, count = 1000): LatencySummary => ({
  count,
  mean,
  p50: mean * 0.7,
  p90: mean * 2.3,
  p95: mean * 3,
  p99: mean * 4.6,
  p999: mean * 6.9,
  max: mean * 9.1,
});

/** Zero for every reason, including any added after this test was written. */
const noFailures = () => Object.fromEntries(FAILURE_REASONS.map((reason) => [reason, 0])) as Record<FailureReason, number>;

/** A hand-made report shaped like an M/M/1 run, written before the engine existed. */
function sampleReport(): Report {
  return {
    scenario: 'M/M/1 at 80% load',
    seed: 7,
    duration: 3600,
    warmup: 60,
    simulatedTime: 3600,
    events: 1_234_567,
    totals: {
      sent: 28_812,
      completed: 28_790,
      failed: 20,
      failures: { ...noFailures(), queueFull: 12, timeout: 8 },
      sessions: { logins: 0, relogins: 0, lost: 0 },
      inFlight: 2,
      retries: 3,
      throughput: 7.9972,
      latency: latency(0.5, 28_310),
    },
    nodes: [
      nodeReport({ id: 'users', kind: 'client', arrivals: 0 }),
      nodeReport({ id: 'lb', kind: 'loadBalancer', arrivals: 28_812, served: 28_812 }),
      nodeReport({ id: 'server', kind: 'server', arrivals: 28_812, dropped: 12, utilization: 0.80123, meanQueueLength: 3.2049, latency: latency(0.5) }),
    ],
  };
}

describe('formatReport', () => {
  const lines = formatReport(sampleReport()).split('\n');
  const line = (start: string) => lines.map((l) => l.trimStart()).find((l) => l.startsWith(start)) ?? '';

  it('heads the output with the scenario, the seed, the run length and the events', () => {
    expect(lines[0]).toBe('M/M/1 at 80% load');
    expect(lines[1]).toBe('seed 7 · 3,600 s simulated · measured after a 60 s warm-up (3,540 s) · 1,234,567 events');
  });

  it('adds a logins row only when servers keep sessions', () => {
    expect(lines.some((l) => l.trimStart().startsWith('logins'))).toBe(false);
    const report = sampleReport();
    report.totals.sessions = { logins: 1200, relogins: 300, lost: 45 };
    const row = formatReport(report)
      .split('\n')
      .find((l) => l.trimStart().startsWith('logins'));
    expect(row?.trimStart()).toMatch(/^logins\s+1,200\s+300 of them again \(session elsewhere or gone\) · 45 sessions lost in crashes$/);
  });

  it('shows what the system costs, and replicas beside the kind', () => {
    const report = sampleReport();
    report.totals.costPerHour = 0.6;
    report.nodes[2] = { ...report.nodes[2]!, replicas: 3, costPerHour: 0.3 };
    const out = formatReport(report)
      .split('\n')
      .map((l) => l.trimStart());
    expect(out.find((l) => l.startsWith('cost'))).toMatch(/^cost\s+0\.60\/hour\s+every server's replicas × their cost per hour$/);
    expect(out.find((l) => l.startsWith('server '))?.split(/\s{2,}/).slice(0, 2)).toEqual(['server', 'server ×3']);
  });

  it('puts the theory beside the measured latency and under the nodes, only when the engine found a closed form', () => {
    expect(lines.some((l) => l.trimStart().startsWith('theory'))).toBe(false);
    const report = {
      ...sampleReport(),
      theory: {
        nodes: [{ id: 'server', model: 'M/M/1' as const, arrivalRate: 8, utilization: 0.8, meanResponse: 0.5 }],
        latency: { mean: 0.5, p50: 0.3466, p95: 1.4979, p99: 2.31 },
      },
    };
    const out = formatReport(report)
      .split('\n')
      .map((l) => l.trimStart());
    expect(out.find((l) => l.startsWith('theory (ms)'))?.split(/\s+/)).toEqual(['theory', '(ms)', '500', '347', '1,498', '2,310']);
    expect(out).toContain('theory for server (M/M/1): util 80.0 %, mean 500 ms');
  });

  it('says so when there is no warm-up', () => {
    const report = { ...sampleReport(), warmup: 0 };
    expect(formatReport(report).split('\n')[1]).toBe('seed 7 · 3,600 s simulated · no warm-up · 1,234,567 events');
  });

  it('prints totals with the failure reasons that occurred', () => {
    expect(line('sent')).toMatch(/^sent\s+28,812\s+including 3 retries$/);
    expect(line('completed')).toMatch(/^completed\s+28,790$/);
    expect(line('failed')).toMatch(/^failed\s+20\s+queueFull 12 · timeout 8$/);
    expect(line('in flight')).toMatch(/^in flight\s+2\s/);
    expect(line('throughput')).toMatch(/^throughput\s+8\.00\/s\s/);
  });

  it('prints end-to-end latency in milliseconds under aligned headings', () => {
    const heading = line('count');
    const values = line('latency (ms)');
    expect(values.split(/\s{2,}/)).toEqual(['latency (ms)', '28,310', '500', '350', '1,500', '2,300', '3,450', '4,550']);
    // Right-aligned columns end at the same place as their headings.
    expect(heading.endsWith('max')).toBe(true);
    // Right-aligned: the raw heading and value rows end at the same column.
    const raw = lines.filter((l) => l.includes('count') || l.includes('latency (ms)'));
    expect(raw).toHaveLength(2);
    expect(raw[0]!.length).toBe(raw[1]!.length);
  });

  it('prints one row per node, with dashes where a figure has no meaning', () => {
    expect(line('users').split(/\s{2,}/)).toEqual(['users', 'client', '0', '0', '–', '–', '–']);
    expect(line('lb').split(/\s{2,}/)).toEqual(['lb', 'loadBalancer', '28,812', '0', '–', '–', '–']);
    expect(line('server').split(/\s{2,}/)).toEqual(['server', 'server', '28,812', '12', '80.1', '3.20', '2,300']);
  });

  it('shows a load balancer busy with TLS or overhead like any node with workers', () => {
    const report = sampleReport();
    report.nodes[1] = { ...report.nodes[1]!, utilization: 0.25, meanQueueLength: 0.5 };
    const row = formatReport(report)
      .split('\n')
      .find((l) => l.trimStart().startsWith('lb '));
    expect(row?.trimStart().split(/\s{2,}/)).toEqual(['lb', 'loadBalancer', '28,812', '0', '25.0', '0.50', '–']);
  });

  it('shows dashes, not zeros or NaN, when nothing completed after the warm-up', () => {
    const report = sampleReport();
    report.totals.latency = latency(0, 0);
    expect(formatReport(report).split('\n').find((l) => l.startsWith('  latency (ms)'))?.trimStart().split(/\s{2,}/)).toEqual([
      'latency (ms)',
      '0',
      '–',
      '–',
      '–',
      '–',
      '–',
      '–',
    ]);
    expect(formatReport(report)).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('formatReport after faults and health checks', () => {
  function faultyReport(): Report {
    const report = sampleReport();
    report.nodes = [
      nodeReport({ id: 'lb', kind: 'loadBalancer', arrivals: 300 }),
      nodeReport({ id: 'app-1', kind: 'server', arrivals: 200, refused: 0, lost: 0 }),
      nodeReport({ id: 'app-2', kind: 'server', arrivals: 100, refused: 40, lost: 3 }),
    ];
    report.nodes[0]!.targets = [
      { id: 'app-1', link: 'lb-app-1', routed: 200, share: 2 / 3, open: 0, eligible: true, out: '' },
      { id: 'app-2', link: 'lb-app-2', routed: 100, share: 1 / 3, open: 0, eligible: false, out: 'probes' },
    ];
    report.nodes[0]!.probesSent = 60;
    report.nodes[0]!.healthTimeline = [{ time: 63.25, target: 'app-2', eligible: false, out: 'probes' }];
    return report;
  }
  const lines = formatReport(faultyReport())
    .split('\n')
    .map((l) => l.trimStart());

  it('adds refused and lost columns when a node crashed', () => {
    expect(lines.find((l) => l.startsWith('node'))?.split(/\s{2,}/)).toEqual([
      'node',
      'kind',
      'arrivals',
      'dropped',
      'refused',
      'lost',
      'util %',
      'mean queue',
      'p99 ms',
    ]);
    expect(lines.find((l) => l.startsWith('app-2  server'))?.split(/\s{2,}/).slice(0, 6)).toEqual(['app-2', 'server', '100', '0', '40', '3']);
  });

  it('leaves those columns out when nothing crashed', () => {
    expect(formatReport(sampleReport())).not.toContain('refused');
  });

  it("lists a load balancer's targets with their shares, the probes and the pool changes", () => {
    const start = lines.indexOf('Load balancer lb: where its requests went');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1, start + 6).map((l) => l.split(/\s{2,}/))).toEqual([
      ['target', 'routed', 'share %', 'pool at the end'],
      ['app-1', '200', '66.7', 'in'],
      ['app-2', '100', '33.3', 'out: failed probes'],
      ['60 health probes sent'],
      ['at 63.25 s, app-2 left the pool (failed probes)'],
    ]);
  });
});

describe('formatReport after live edits', () => {
  it('marks the node a live edit replaced and the one it removed', () => {
    const report = sampleReport();
    report.nodes = [
      nodeReport({ id: 'app-1', kind: 'server', arrivals: 200, retiredAt: 12.5 }),
      nodeReport({ id: 'app-2', kind: 'server', arrivals: 100, retiredAt: 30 }),
      nodeReport({ id: 'app-1', kind: 'server', arrivals: 400 }),
    ];
    const rows = formatReport(report)
      .split('\n')
      .map((l) => l.trim().split(/\s{2,}/).slice(0, 3));
    expect(rows).toContainEqual(['app-1 (before edit at 12.5 s)', 'server', '200']);
    expect(rows).toContainEqual(['app-2 (removed at 30 s)', 'server', '100']);
    expect(rows).toContainEqual(['app-1', 'server', '400']);
  });

  it("titles a replaced balancer's section by its marked name", () => {
    const report = sampleReport();
    const target = { id: 'app-1', link: 'lb-app-1', routed: 10, share: 1, open: 0, eligible: true, out: '' } as const;
    report.nodes = [
      { ...nodeReport({ id: 'lb', kind: 'loadBalancer', arrivals: 10, retiredAt: 3 }), targets: [target] },
      { ...nodeReport({ id: 'lb', kind: 'loadBalancer', arrivals: 10 }), targets: [target] },
    ];
    const lines = formatReport(report).split('\n');
    expect(lines).toContain('Load balancer lb (before edit at 3 s): where its requests went');
    expect(lines).toContain('Load balancer lb: where its requests went');
  });
});
