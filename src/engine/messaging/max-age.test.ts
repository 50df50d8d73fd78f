import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { buildScenario } from '../testing/build-scenario';
import type { NodeReportOf, Report, WindowSample } from '../types';

/*
 * A queue fed twice as fast as its consumer can go: without a bound on age
 * the backlog holds ever older messages and every one is processed late; with
 * `maxAge` the stale ones are dropped, so what is processed is fresh and the
 * oldest waiting message never passes the bound by more than the gap
 * between two arrivals.
 */

const maxAge = 2;
const service = 0.01;

function run(bound: number | null): { report: Report; windows: WindowSample[] } {
  const scenario = buildScenario({
    duration: 60,
    seed: 3,
    nodes: [
      { id: 'producer', kind: 'client', workload: { mode: 'open', rate: 200 } },
      { id: 'queue', kind: 'messageQueue', capacity: null, maxAge: bound, ackLatency: 0 },
      { id: 'consumer', kind: 'server', workers: 1, serviceTime: { type: 'constant', value: service } },
    ],
    links: [
      { id: 'in', from: 'producer', to: 'queue', latency: 0 },
      { id: 'out', from: 'queue', to: 'consumer', latency: 0 },
    ],
  });
  const sim = createSimulation(scenario);
  sim.runUntil(scenario.duration);
  return { report: sim.report(), windows: sim.windowsSince(0) };
}

const queueOf = (report: Report) => (report.nodes.find((n) => n.id === 'queue') as NodeReportOf<'messageQueue'>).messaging;

describe('a queue that drops messages older than a bound', () => {
  let bounded: ReturnType<typeof run>;
  let unbounded: ReturnType<typeof run>;
  beforeAll(() => {
    bounded = run(maxAge);
    unbounded = run(null);
  });

  it('processes only fresh messages: none later than the bound plus one service', () => {
    const q = queueOf(bounded.report);
    expect(q.expired).toBeGreaterThan(4000);
    expect(q.endToEnd.max).toBeLessThanOrEqual(maxAge + service + 1e-9);
    // Without the bound the same overload makes the work ever later.
    expect(queueOf(unbounded.report).endToEnd.max).toBeGreaterThan(20);
  });

  it('keeps the oldest waiting message near the bound, and conserves every message', () => {
    for (const window of bounded.windows) expect(window.nodes[1]?.oldestAge).toBeLessThan(maxAge + 0.1);
    const q = queueOf(bounded.report);
    expect(q.accepted).toBe(q.acknowledged + q.expired + q.backlog + q.inFlight);
    expect(q.deadLettered).toBe(0);
  });
});
