import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { createSimulation } from '../index';
import { parseScenario } from '../../scenario/parse';
import { SCENARIO_VERSION, type Scenario } from '../../scenario/schema';
import { distribution, seconds } from '../testing/arbitrary-systems';
import type { NodeReportOf } from '../types';

/*
 * At-least-once delivery as a conservation law. Consumers crash, restart,
 * slow down past the visibility timeout and drop deliveries from full
 * queues; the producer stops at `stopAt` and the run goes on until every
 * message has settled. At every pause each accepted message is in exactly
 * one state (the sum holds), and at the end every one was processed
 * (acknowledged) or dead-lettered or dropped for its age: none vanished,
 * none is still held, and every request slot was given back.
 */

const consumer = fc.record({
  workers: fc.integer({ min: 1, max: 3 }),
  queueCapacity: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  serviceTime: distribution,
});

const system = fc.record({
  rate: seconds(5, 300),
  ackLatency: fc.oneof(fc.constant(0), seconds(0, 0.01)),
  capacity: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
  prefetch: fc.integer({ min: 1, max: 4 }),
  visibilityTimeout: seconds(0.005, 0.2),
  maxDeliveries: fc.integer({ min: 1, max: 4 }),
  maxAge: fc.option(seconds(0.05, 1), { nil: null }),
  latency: seconds(0, 0.01),
  consumers: fc.array(consumer, { minLength: 1, maxLength: 3 }),
  faults: fc.array(
    fc.record({ at: seconds(0, 1.5), target: fc.nat(), action: fc.constantFrom('crash' as const, 'restart' as const, 'slow' as const), factor: seconds(1, 20) }),
    { maxLength: 4 },
  ),
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  pauses: fc.array(seconds(0, 2), { maxLength: 8 }),
});

const stopAt = 1.5;
const end = 30;

describe('a message queue delivers at least once', () => {
  it('every accepted message ends acknowledged, dead-lettered or expired; none vanishes (property)', () => {
    const seen = { duplicates: 0, redeliveries: 0, deadLettered: 0, expired: 0, rejected: 0 };
    fc.assert(
      fc.property(system, (s) => {
        const ids = s.consumers.map((_, i) => `consumer-${i}`);
        const nodes = [
          { id: 'producer', kind: 'client', workload: { mode: 'open', rate: s.rate } },
          {
            id: 'queue',
            kind: 'messageQueue',
            ackLatency: s.ackLatency,
            capacity: s.capacity,
            prefetch: s.prefetch,
            visibilityTimeout: s.visibilityTimeout,
            maxDeliveries: s.maxDeliveries,
            maxAge: s.maxAge,
          },
          ...s.consumers.map((c, i) => ({ id: ids[i], kind: 'server', ...c })),
        ] as ScenarioInput['nodes'];
        const links = [
          { id: 'in', from: 'producer', to: 'queue', latency: s.latency },
          ...ids.map((id) => ({ id: `to-${id}`, from: 'queue', to: id, latency: s.latency })),
        ];
        const faults = s.faults.map((f) => ({ at: f.at, node: ids[f.target % ids.length] as string, action: f.action, factor: f.factor }));
        // Every consumer is back and at speed once the producer stops, so the backlog can drain.
        for (const id of ids) faults.push({ at: stopAt, node: id, action: 'restart', factor: 1 }, { at: stopAt, node: id, action: 'recover' as never, factor: 1 });
        const parsed = parseScenario({
          version: SCENARIO_VERSION,
          duration: end,
          seed: s.seed,
          nodes,
          links,
          faults,
          // The producer leaves at stopAt: a live edit without it.
          changes: [{ at: stopAt, nodes: nodes.filter((n) => n.id !== 'producer'), links: links.filter((l) => l.id !== 'in') }],
        });
        if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
        const scenario: Scenario = parsed.scenario;
        const sim = createSimulation(scenario, { window: 0 });
        const queue = () => sim.report().nodes.find((n) => n.id === 'queue') as NodeReportOf<'messageQueue'>;
        for (const at of [...s.pauses].sort((a, b) => a - b)) {
          sim.runUntil(at);
          const q = queue().messaging;
          expect(q.accepted).toBe(q.acknowledged + q.deadLettered + q.expired + q.backlog + q.inFlight);
        }
        sim.runUntil(end);
        const q = queue().messaging;
        expect(q.backlog + q.inFlight).toBe(0);
        expect(q.accepted).toBe(q.acknowledged + q.deadLettered + q.expired);
        // A delivery succeeds at most once: as the message's acknowledgement or as a duplicate.
        expect(q.deliveries).toBeGreaterThanOrEqual(q.acknowledged + q.duplicates);
        // Each failed delivery offered the message again or was its last try.
        expect(q.redeliveries + q.deadLettered).toBeLessThanOrEqual(q.deliveries);
        const report = sim.report();
        expect(report.totals.sent).toBe(report.totals.completed + report.totals.failed + report.totals.inFlight);
        expect(report.totals.inFlight).toBe(0);
        for (const key of Object.keys(seen) as (keyof typeof seen)[]) if (q[key] > 0) seen[key]++;
      }),
      { numRuns: 150 },
    );
    // The runs reached every path the law covers: without these the property would be checked on easy cases only.
    for (const [path, runs] of Object.entries(seen)) expect(runs, `runs with ${path}`).toBeGreaterThan(5);
  });
});

describe('a consumer refused twice while down (the property found it)', () => {
  it('is woken again when its later reconnect comes, so the backlog drains', () => {
    // Round trip 5 ms against a 5 ms visibility timeout: each delivery expires before its "node down" answer comes
    // back, so the consumer is paused twice and the first wake-up finds it still paused.
    const latency = 0.0025000000000000027;
    const nodes = [
      { id: 'producer', kind: 'client', workload: { mode: 'open', rate: 5 } },
      { id: 'queue', kind: 'messageQueue', ackLatency: 0, capacity: null, prefetch: 2, visibilityTimeout: 0.005, maxDeliveries: 2, maxAge: null },
      { id: 'consumer', kind: 'server', workers: 1, queueCapacity: null, serviceTime: { type: 'lognormal', mean: 0.0001, cv: 0.1 } },
    ] as ScenarioInput['nodes'];
    const links = [
      { id: 'in', from: 'producer', to: 'queue', latency },
      { id: 'out', from: 'queue', to: 'consumer', latency },
    ];
    const parsed = parseScenario({
      version: SCENARIO_VERSION,
      duration: 30,
      seed: 10,
      nodes,
      links,
      faults: [
        { at: 0, node: 'consumer', action: 'crash' },
        { at: 1.5, node: 'consumer', action: 'restart' },
      ],
      changes: [{ at: 1.5, nodes: nodes.filter((n) => n.id !== 'producer'), links: links.filter((l) => l.id !== 'in') }],
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const sim = createSimulation(parsed.scenario, { window: 0 });
    sim.runUntil(30);
    const q = (sim.report().nodes.find((n) => n.id === 'queue') as NodeReportOf<'messageQueue'>).messaging;
    expect(q.accepted).toBe(5);
    expect(q.backlog + q.inFlight).toBe(0);
    expect(q.acknowledged + q.deadLettered).toBe(5);
    expect(q.acknowledged).toBeGreaterThan(0);
  });
});
