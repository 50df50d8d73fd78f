import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse';
import type { ScenarioNode } from '../../scenario/schema';
import { createSimulation } from '../index';
import type { NodeReportOf } from '../types';

/*
 * A live edit of a queue's settings replaces its component (graph-diff.ts):
 * the old one keeps its backlog and deliveries and drains them to the
 * consumers, the new one takes new messages. No message is lost across the
 * swap, and producers see no failure.
 */

describe('a live edit of a message queue', () => {
  it('drains the old backlog and loses no message', () => {
    const parsed = parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, '../../../scenarios/queue-consumer-crash.json'), 'utf8')));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const sim = createSimulation(parsed.scenario);
    // Mid-crash, with a backlog: the teacher lowers the prefetch.
    sim.runUntil(40);
    const nodes = parsed.scenario.nodes.map((n): ScenarioNode => (n.kind === 'messageQueue' ? { ...n, prefetch: 4 } : n));
    sim.applyChange(nodes, parsed.scenario.links);
    sim.runUntil(parsed.scenario.duration);
    const report = sim.report();
    const queues = report.nodes.filter((n): n is NodeReportOf<'messageQueue'> => n.kind === 'messageQueue');
    expect(queues).toHaveLength(2);
    const [old, fresh] = queues;
    expect(old?.retiredAt).toBe(40);
    expect(old?.messaging.accepted).toBeGreaterThan(0);
    expect(fresh?.messaging.accepted).toBeGreaterThan(0);
    for (const q of queues) {
      const m = q.messaging;
      expect(m.accepted).toBe(m.acknowledged + m.deadLettered + m.expired + m.backlog + m.inFlight);
    }
    // The old queue has handed out and settled everything; the new one holds at most what its consumers prefetch.
    expect((old?.messaging.backlog ?? -1) + (old?.messaging.inFlight ?? -1)).toBe(0);
    expect(fresh?.messaging.backlog).toBeLessThan(20);
    expect(fresh?.messaging.inFlight).toBeLessThanOrEqual(3 * 4);
    expect(report.totals.failed).toBe(0);
    expect(report.totals.sent).toBe(report.totals.completed + report.totals.inFlight);
  });
});
