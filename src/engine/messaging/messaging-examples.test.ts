import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse';
import type { Scenario } from '../../scenario/schema';
import { createSimulation } from '../index';
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
});
