import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { discoveryScenario } from './discovery-fixture';

/*
 * A live edit that changes a server builds it anew, with a membership of
 * its own: the registry must follow the new one, or its list would freeze
 * at the edit and every later scale-in would go unheard. (A scaling group's
 * edit rebuilds the registry in front of it too, graph-diff.ts; the report
 * then lists the retired registry first and the one in effect last.)
 */

describe('a registry across a live edit of the group it knows', () => {
  it('follows the rebuilt group: a scale-in after the edit still leaves the list', () => {
    const base = discoveryScenario({ mode: 'clientSide', ttl: 0, rate: 200, duration: 20 });
    const autoscaling = { min: 1, max: 4, policy: { type: 'schedule' as const, steps: [{ at: 10, replicas: 2 }] }, interval: 10, coldStart: 0, cooldown: 0 };
    const scenario = { ...base, nodes: base.nodes.map((n) => (n.kind === 'server' ? { ...n, autoscaling } : n)) };
    const sim = createSimulation(scenario);
    sim.runUntil(5);
    // Half the workers: the api is rebuilt, its autoscaler and membership with it.
    sim.applyChange(
      scenario.nodes.map((n) => (n.kind === 'server' ? { ...n, workers: 32 } : n)),
      scenario.links,
    );
    sim.runUntil(20);
    const report = sim.report();
    const registry = report.nodes.findLast((n) => n.kind === 'registry');
    const figures = registry?.kind === 'registry' ? registry.registry : null;
    expect(figures?.listed).toEqual(['api #1', 'api #2']);
    expect(figures?.changes.filter((c) => c.cause === 'left').map((c) => c.time)).toEqual([10, 10]);
    // A TTL of 0 reads the list on every call: nothing goes to the instances that left.
    expect(figures?.staleCalls).toBe(0);
    expect(report.totals.failures.staleEndpoint).toBe(0);
    expect(report.totals.sent).toBe(report.totals.completed + report.totals.failed + report.totals.inFlight);
  });
});
