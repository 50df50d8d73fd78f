import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { runScenario } from '../index';
import { erlangC, mmcMeanResponse } from '../queueing-theory';
import { buildScenario } from '../testing/build-scenario';
import type { NodeReportOf, Report } from '../types';

/*
 * A queue fed by Poisson arrivals and drained by c consumers is M/M/c with
 * the backlog as its waiting room: consumers pull the oldest message as soon
 * as they are free, links have no latency, so a message's enqueue → done
 * latency is its wait plus its service. At ρ = 0.8 one run of 500 s (about
 * 160,000 messages) has a mean within about 2 % (one standard deviation over
 * seeds) of the exact value; ten independent runs (fixed seeds) pooled bring
 * that to 0.7 %, and the test allows 3 %, over four standard errors.
 */

const mu = 100;
const lambda = 320;
const c = 4;

const RUNS = 10;

function queueScenario(consumers: { count: number; workers: number; prefetch: number }): ReturnType<typeof buildScenario> {
  const ids = Array.from({ length: consumers.count }, (_, i) => `worker-${i + 1}`);
  return buildScenario({
    duration: 520,
    warmup: 20,
    seed: 11,
    nodes: [
      { id: 'producer', kind: 'client', workload: { mode: 'open', rate: lambda } },
      { id: 'queue', kind: 'messageQueue', ackLatency: 0.002, capacity: null, prefetch: consumers.prefetch, visibilityTimeout: 1000 },
      ...ids.map((id) => ({ id, kind: 'server', workers: consumers.workers, serviceTime: { type: 'exponential', mean: 1 / mu } })),
    ] as ScenarioInput['nodes'],
    links: [{ id: 'in', from: 'producer', to: 'queue', latency: 0 }, ...ids.map((id) => ({ id: `to-${id}`, from: 'queue', to: id, latency: 0 }))],
  });
}

const queueOf = (report: Report) => report.nodes.find((n) => n.kind === 'messageQueue') as NodeReportOf<'messageQueue'>;

describe.each([
  { name: `${c} consumers of one worker each, prefetch 1`, consumers: { count: c, workers: 1, prefetch: 1 } },
  { name: `one consumer of ${c} workers, prefetch ${c}`, consumers: { count: 1, workers: c, prefetch: c } },
])('M/M/c through a message queue: $name', ({ consumers }) => {
  let reports: Report[];
  let report: Report;
  beforeAll(() => {
    const scenario = queueScenario(consumers);
    reports = Array.from({ length: RUNS }, (_, i) => runScenario(scenario, { window: 0, seed: 100 + i }));
    report = reports[0] as Report;
    // Ten runs of 160,000 messages take a few seconds alone, longer on a shared machine.
  }, 120_000);
  const pooled = (figure: (q: NodeReportOf<'messageQueue'>['messaging']) => number) =>
    reports.reduce((sum, r) => sum + figure(queueOf(r).messaging), 0) / reports.length;

  it('enqueue → done latency matches Erlang C within 3 %', () => {
    const exact = mmcMeanResponse(lambda, mu, c);
    expect(queueOf(report).messaging.endToEnd.count).toBeGreaterThan(140_000);
    expect(Math.abs(pooled((q) => q.endToEnd.mean) - exact) / exact).toBeLessThan(0.03);
  });

  it("Little's law on the backlog: mean backlog = arrival rate × mean backlog wait (within 1 %)", () => {
    // A sample-path law: it holds on each run, up to the messages cut by the ends of the measured span.
    for (const r of reports) {
      const q = queueOf(r).messaging;
      expect(q.meanBacklog).toBeGreaterThan(1);
      expect(Math.abs(q.meanBacklog - q.inRate * q.meanBacklogWait) / q.meanBacklog).toBeLessThan(0.01);
    }
    // And the backlog is M/M/c's waiting line, Lq = C(c, a) ρ / (1 − ρ): within 5 %, about 3.5 standard errors of the pooled mean.
    const rho = lambda / (c * mu);
    const lq = (erlangC(c, lambda / mu) * rho) / (1 - rho);
    expect(Math.abs(pooled((q) => q.meanBacklog) - lq) / lq).toBeLessThan(0.05);
  });

  it('the producer is acknowledged after the ack latency alone, whatever the backlog', () => {
    const q = queueOf(report).messaging;
    expect(q.ackLatency.mean).toBeCloseTo(0.002, 6);
    const producer = report.nodes.find((n) => n.id === 'producer');
    expect(producer?.latency.mean).toBeCloseTo(0.002, 6);
    expect(report.totals.failed).toBe(0);
  });

  it('nothing is delivered twice or lost when every delivery succeeds in time', () => {
    const q = queueOf(report).messaging;
    expect(q.duplicates).toBe(0);
    expect(q.redeliveries).toBe(0);
    expect(q.deadLettered).toBe(0);
    expect(q.accepted).toBe(q.acknowledged + q.backlog + q.inFlight);
  });
});
