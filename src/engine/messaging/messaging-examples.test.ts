import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse';
import type { Scenario } from '../../scenario/schema';
import { createSimulation } from '../index';
import { mmcMeanResponse } from '../queueing-theory';
import type { NodeReport, NodeReportOf, Report, Simulation, WindowSample } from '../types';

/* Every sentence the messaging examples' write-ups state, checked against their headless runs. */

function load(file: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, '../../../scenarios', file), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const queueIn = (report: Report, id: string) => (report.nodes.find((n) => n.id === id) as NodeReportOf<'messageQueue'>).messaging;
/** The client's components, one per phase of its live edits, in order. */
const phases = (report: Report, id: string): NodeReport[] => report.nodes.filter((n) => n.id === id);
const backlogAt = (sim: Simulation, windows: WindowSample[], id: string, end: number) => windows.find((w) => w.end === end)?.nodes[sim.layout().nodeIndex[id] as number]?.backlog;

describe('queue-vs-sync-spike.json', () => {
  let sim: Simulation;
  let report: Report;
  let windows: WindowSample[];
  beforeAll(() => {
    const scenario = load('queue-vs-sync-spike.json');
    sim = createSimulation(scenario);
    sim.runUntil(scenario.duration);
    report = sim.report();
    windows = sim.windowsSince(0);
  });

  it('sync users: about 1,400 requests fail with "queue full" at the backend, and p99 passes 0.5 s during the spike', () => {
    expect(report.totals.failures.queueFull).toBe(report.totals.failed);
    expect(report.totals.failed).toBeGreaterThan(1200);
    expect(report.totals.failed).toBeLessThan(1600);
    expect(report.nodes.find((n) => n.id === 'sync-backend')?.dropped).toBe(report.totals.failed);
    const [, spike] = phases(report, 'sync-users');
    expect(spike?.latency.p99).toBeGreaterThan(0.5);
  });

  it('async users: no error, p99 under 50 ms in every phase', () => {
    const q = queueIn(report, 'orders');
    expect(q.rejected).toBe(0);
    for (const phase of phases(report, 'async-users')) {
      expect(phase.served + phase.inSystem).toBe(phase.arrivals);
      expect(phase.latency.p99).toBeLessThan(0.05);
    }
  });

  it('the backlog grows to about 1,400 at 30 s and drains by 60 s; enqueue → done p99 about 9 s', () => {
    const q = queueIn(report, 'orders');
    expect(q.maxBacklog).toBeGreaterThan(1200);
    expect(q.maxBacklog).toBeLessThan(1600);
    expect(backlogAt(sim, windows, 'orders', 30)).toBeGreaterThan(1200);
    expect(backlogAt(sim, windows, 'orders', 60)).toBeLessThan(5);
    expect(q.endToEnd.p99).toBeGreaterThan(7);
    expect(q.endToEnd.p99).toBeLessThan(11);
  });

  it('the backend serves 8 / 50 ms = 160 requests/s at most; the spike lasts 10 s', () => {
    expect(8 / 0.05).toBeCloseTo(160, 9);
    const [start, end] = load('queue-vs-sync-spike.json').changes.map((c) => c.at);
    expect(end! - start!).toBe(10);
  });

  it('the docs’ row (seed 1): 1,397 fail, spike p99 0.81 s; async p99 47 ms; backlog 1,456 at most, empty by 58 s; enqueue → done p99 9.4 s', () => {
    expect(report.totals.failures.queueFull).toBe(1397);
    expect(phases(report, 'sync-users')[1]?.latency.p99).toBeCloseTo(0.81, 2);
    expect(Math.max(...phases(report, 'async-users').map((p) => p.latency.p99))).toBeCloseTo(0.047, 3);
    const q = queueIn(report, 'orders');
    expect(q.maxBacklog).toBe(1456);
    expect(backlogAt(sim, windows, 'orders', 56)).toBeGreaterThan(0);
    expect(backlogAt(sim, windows, 'orders', 58)).toBe(0);
    expect(q.endToEnd.p99).toBeCloseTo(9.4, 1);
  });
});

describe('queue-consumer-crash.json', () => {
  let before: ReturnType<typeof queueIn>;
  let atCrash: ReturnType<typeof queueIn>;
  let sim: Simulation;
  let report: Report;
  let windows: WindowSample[];
  beforeAll(() => {
    const scenario = load('queue-consumer-crash.json');
    sim = createSimulation(scenario);
    sim.runUntil(30);
    before = queueIn(sim.report(), 'jobs');
    sim.runUntil(30.5);
    atCrash = queueIn(sim.report(), 'jobs');
    sim.runUntil(scenario.duration);
    report = sim.report();
    windows = sim.windowsSince(0);
  });

  it('until 30 s nothing is delivered twice', () => {
    expect(before.duplicates).toBe(0);
    expect(before.redeliveries).toBe(0);
  });

  it('the jobs the crashed consumer held come back at once and are delivered again', () => {
    expect(atCrash.redeliveries).toBeGreaterThan(0);
    expect(atCrash.duplicates).toBe(0);
  });

  it('the crash brings redeliveries and about 85 duplicates', () => {
    const q = queueIn(report, 'jobs');
    expect(q.redeliveries).toBeGreaterThan(100);
    expect(q.duplicates).toBeGreaterThan(60);
    expect(q.duplicates).toBeLessThan(110);
  });

  it('no job is lost or dead-lettered; the backlog is empty by 60 s; acks take 6 ms', () => {
    const q = queueIn(report, 'jobs');
    expect(q.deadLettered).toBe(0);
    expect(q.accepted).toBe(q.acknowledged + q.inFlight + q.backlog);
    expect(q.inFlight + q.backlog).toBeLessThan(5);
    expect(backlogAt(sim, windows, 'jobs', 40)).toBeGreaterThan(20);
    expect(backlogAt(sim, windows, 'jobs', 60)).toBe(0);
    expect(q.ackLatency.max).toBeCloseTo(0.006, 6);
    expect(report.totals.failed).toBe(0);
  });

  it('3 consumers × 2 workers / 50 ms = 120 jobs/s, 85/120 = 71% busy; the 2 survivors 80 jobs/s; 20 − 2 = 18 wait at a consumer; down 15 s', () => {
    expect((3 * 2) / 0.05).toBeCloseTo(120, 9);
    expect(85 / 120).toBeCloseTo(0.71, 2);
    expect((2 * 2) / 0.05).toBeCloseTo(80, 9);
    expect(20 - 2).toBe(18);
    const [crash, restart] = load('queue-consumer-crash.json').faults;
    expect(restart!.at - crash!.at).toBe(15);
    // Before the crash the queue takes in the producer's 85 jobs a second.
    expect(Math.abs(before.accepted / 30 / 85 - 1)).toBeLessThan(0.05);
  });

  it('the docs’ row (seed 1): 267 redeliveries, 87 duplicates, backlog 83 at most', () => {
    const q = queueIn(report, 'jobs');
    expect(q.redeliveries).toBe(267);
    expect(q.duplicates).toBe(87);
    expect(q.maxBacklog).toBe(83);
  });
});

describe('topic-fan-out.json', () => {
  let report: Report;
  beforeAll(() => {
    const scenario = load('topic-fan-out.json');
    const sim = createSimulation(scenario);
    sim.runUntil(scenario.duration);
    report = sim.report();
  });

  it('each order is copied to the three subscribers; analytics misses about 250 while down', () => {
    const topic = (report.nodes.find((n) => n.id === 'orders') as NodeReportOf<'topic'>).topic;
    expect(topic.subscribers).toBe(3);
    expect(topic.copies).toBe(3 * topic.published);
    expect(topic.copies).toBe(topic.delivered + topic.failed + topic.inFlight);
    const analytics = report.nodes.find((n) => n.id === 'analytics');
    expect(topic.failed).toBe((analytics?.refused ?? 0) + (analytics?.lost ?? 0));
    expect(topic.failed).toBeGreaterThan(200);
    expect(topic.failed).toBeLessThan(300);
  });

  it('billing misses none: a backlog of about 260, processed up to about 5 s late', () => {
    const billing = queueIn(report, 'billing-queue');
    expect(billing.deadLettered).toBe(0);
    expect(billing.accepted).toBe(billing.acknowledged + billing.backlog + billing.inFlight);
    expect(billing.backlog + billing.inFlight).toBeLessThan(5);
    expect(billing.maxBacklog).toBeGreaterThan(220);
    expect(billing.maxBacklog).toBeLessThan(300);
    expect(billing.endToEnd.p99).toBeGreaterThan(4);
    expect(billing.endToEnd.p99).toBeLessThan(6);
  });

  it("the shop's requests never fail and are acknowledged in 11 ms", () => {
    expect(report.totals.failed).toBe(0);
    expect(report.totals.latency.max).toBeCloseTo(0.011, 6);
    expect(report.totals.latency.mean).toBeCloseTo(0.011, 6);
  });

  it('the docs’ row (seed 1): 2,971 orders, 8,913 copies, 254 failed; billing backlog 265 at most, enqueue → done p99 5.1 s', () => {
    const topic = (report.nodes.find((n) => n.id === 'orders') as NodeReportOf<'topic'>).topic;
    expect(topic.published).toBe(2971);
    expect(topic.copies).toBe(8913);
    expect(topic.failed).toBe(254);
    const billing = queueIn(report, 'billing-queue');
    expect(billing.maxBacklog).toBe(265);
    expect(billing.endToEnd.p99).toBeCloseTo(5.1, 1);
  });
});

describe('bench-queue-8-consumers.json: the queue benchmark (full 300 s, about 3 s)', () => {
  let report: Report;
  beforeAll(() => {
    const scenario = load('bench-queue-8-consumers.json');
    const sim = createSimulation(scenario);
    sim.runUntil(scenario.duration);
    report = sim.report();
  });

  it('every consumer 70% busy (ρ = 5600 × 1 ms / 8 = 0.7), within 1 point', () => {
    expect((5600 * 0.001) / 8).toBeCloseTo(0.7, 9);
    for (const n of report.nodes.filter((n) => n.id.startsWith('consumer-'))) expect(Math.abs(n.utilization - 0.7)).toBeLessThan(0.01);
  });

  it('enqueue → done averages W = 1.11 ms, M/M/8 by Erlang C, within 2%', () => {
    const theory = mmcMeanResponse(5600, 1000, 8);
    expect(theory * 1000).toBeCloseTo(1.11, 2);
    expect(Math.abs(queueIn(report, 'queue').endToEnd.mean / theory - 1)).toBeLessThan(0.02);
  });
});
