import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimContext } from '../component';
import { createSimulation, runScenario } from '../simulation';
import { scalingScenario } from '../testing/scaling-scenario';
import { InstanceState, type Membership } from './membership';

/** Instances of the group in each state now. */
function census(group: Membership) {
  const count = { off: 0, starting: 0, serving: 0, draining: 0 };
  for (let slot = 0; slot < group.slots; slot++) {
    const state = group.stateOf(slot);
    if (state === InstanceState.starting) count.starting++;
    else if (state === InstanceState.serving) count.serving++;
    else if (state === InstanceState.draining) count.draining++;
    else count.off++;
  }
  return count;
}

/** The server group's membership in a running simulation (the engine is the SimContext its components see). */
function membershipOf(sim: ReturnType<typeof createSimulation>): Membership {
  return (sim as unknown as SimContext).membershipOf(sim.layout().nodeIndex.api as number) as Membership;
}

const schedule = (steps: { at: number; replicas: number }[], extra: object = {}) => ({
  min: 1,
  max: 6,
  policy: { type: 'schedule', steps },
  coldStart: 20,
  cooldown: 0,
  ...extra,
});

describe('autoscaling: schedule, cold start and drain', () => {
  it('follows the schedule: starting for the cold start, then serving; scale-in drains then stops', () => {
    const sim = createSimulation(scalingScenario({ rate: 5, replicas: 2, autoscaling: schedule([{ at: 10, replicas: 4 }, { at: 100, replicas: 1 }]) }));
    const group = membershipOf(sim);
    sim.runUntil(9.99);
    expect(census(group)).toMatchObject({ serving: 2, starting: 0 });
    sim.runUntil(10);
    expect(census(group)).toMatchObject({ serving: 2, starting: 2 });
    sim.runUntil(29.99);
    expect(census(group)).toMatchObject({ serving: 2, starting: 2 });
    sim.runUntil(30);
    expect(census(group)).toMatchObject({ serving: 4, starting: 0 });
    sim.runUntil(100);
    expect(census(group).serving).toBe(1);
    // The draining ones stop as soon as they hold nothing (at 5 req/s of 0.1 s, within seconds).
    sim.runUntil(130);
    expect(census(group)).toEqual({ off: 5, starting: 0, serving: 1, draining: 0 });
  });

  it('a new instance serves nothing before its cold start ends', () => {
    // Scale out at 50 s with a 40 s cold start under 30 req/s: the new instances' first arrivals come at 90 s.
    const scenario = scalingScenario({ rate: 30, workers: 4, replicas: 1, autoscaling: schedule([{ at: 50, replicas: 3 }], { coldStart: 40 }) });
    const sim = createSimulation(scenario);
    sim.runUntil(89.999);
    const before = sim.report().nodes.find((n) => n.id === 'api')!.perReplica!;
    expect(before[1]!.arrivals + before[2]!.arrivals).toBe(0);
    sim.runUntil(200);
    const after = sim.report().nodes.find((n) => n.id === 'api')!.perReplica!;
    // Round robin over three: each new instance takes about a third of the 110 s × 30 req/s after 90 s.
    expect(after[1]!.served).toBeGreaterThan(800);
    expect(after[2]!.served).toBeGreaterThan(800);
  });

  it('behind a balancer too: a starting instance is out of its pool until its cold start ends', () => {
    const scenario = scalingScenario({ rate: 30, workers: 4, replicas: 1, balancer: true, latency: 0.01, autoscaling: schedule([{ at: 50, replicas: 3 }], { coldStart: 40, max: 3 }) });
    const sim = createSimulation(scenario);
    sim.runUntil(89.999);
    const lb = sim.report().nodes.find((n) => n.id === 'lb')!;
    expect(lb.targets!.map((t) => [t.routed, t.eligible, t.out])).toEqual([
      [expect.any(Number), true, ''],
      [0, false, 'notServing'],
      [0, false, 'notServing'],
    ]);
    sim.runUntil(200);
    const after = sim.report();
    expect(after.nodes.find((n) => n.id === 'lb')!.targets!.every((t) => t.eligible && t.routed > 800)).toBe(true);
    expect(after.totals.failed).toBe(0);
  });

  it('scale-in loses no in-flight request: conservation holds and nothing fails', () => {
    // Four busy instances (ρ ≈ 0.9 with 4 workers each at 36 req/s) drained to one, behind 50 ms links:
    // the drained ones hold queues and requests on the wire when they leave.
    const scenario = scalingScenario({
      rate: 36,
      workers: 4,
      replicas: 4,
      latency: 0.05,
      autoscaling: schedule([{ at: 60, replicas: 3 }, { at: 61, replicas: 2 }, { at: 100, replicas: 4 }, { at: 140, replicas: 2 }], { coldStart: 5 }),
    });
    const report = runScenario(scenario, { window: 0 });
    const { totals } = report;
    expect(totals.sent).toBeGreaterThan(6000);
    expect(totals.failed).toBe(0);
    expect(totals.sent).toBe(totals.completed + totals.failed + totals.inFlight);
    const api = report.nodes.find((n) => n.id === 'api')!;
    expect((api.lost ?? 0) + (api.refused ?? 0) + api.dropped).toBe(0);
  });
});

describe('autoscaling: the instance count stays within [min, max]', () => {
  const policy = fc.oneof(
    fc.record({ type: fc.constant('cpu'), target: fc.double({ min: 0.1, max: 0.9, noNaN: true }) }),
    // No queue feeds the group here, so backlog tracking asks for none: the group holds at min.
    fc.record({ type: fc.constant('backlog'), perInstance: fc.integer({ min: 1, max: 500 }) }),
    fc.record({
      type: fc.constant('schedule'),
      steps: fc.array(fc.record({ at: fc.integer({ min: 0, max: 120 }), replicas: fc.integer({ min: 1, max: 10 }) }), { minLength: 1, maxLength: 6 }),
    }),
  );
  const settings = fc
    .record({
      min: fc.integer({ min: 1, max: 5 }),
      span: fc.integer({ min: 0, max: 5 }),
      policy,
      interval: fc.integer({ min: 1, max: 20 }),
      coldStart: fc.integer({ min: 0, max: 30 }),
      cooldown: fc.integer({ min: 0, max: 40 }),
    })
    .map(({ min, span, ...rest }) => ({ min, max: min + span, ...rest }));

  it('serving + starting never leaves [min, max], no more than max machines ever run, and scaling fails nothing', () => {
    const front = fc.record({ balancer: fc.boolean(), latency: fc.constantFrom(0, 0.02) });
    fc.assert(
      fc.property(settings, fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 8 }), front, (autoscaling, rate, replicas, { balancer, latency }) => {
        const sim = createSimulation(scalingScenario({ rate, replicas, duration: 150, autoscaling, balancer, latency }));
        const group = membershipOf(sim);
        for (let t = 0; t <= 150; t += 0.5) {
          sim.runUntil(t);
          const { serving, starting, draining } = census(group);
          expect(serving + starting).toBeGreaterThanOrEqual(autoscaling.min);
          expect(serving + starting).toBeLessThanOrEqual(autoscaling.max);
          expect(serving + starting + draining).toBeLessThanOrEqual(autoscaling.max);
        }
        // Unbounded queues and a pool that follows membership: nothing fails, whatever the scaling did.
        const { totals } = sim.report();
        expect(totals.failed).toBe(0);
        expect(totals.sent).toBe(totals.completed + totals.failed + totals.inFlight);
      }),
      { numRuns: 40, seed: 17 },
    );
  });
});

describe('autoscaling: a live edit of a scaling group', () => {
  it('replaces the balancer in front too, so it follows the new group and nothing fails', () => {
    const scenario = scalingScenario({
      rate: 30,
      workers: 2,
      replicas: 2,
      balancer: true,
      latency: 0.01,
      autoscaling: schedule([{ at: 10, replicas: 5 }]),
    });
    const sim = createSimulation(scenario);
    sim.runUntil(60);
    // The edit lowers max to 3: the new group starts again with its 2 replicas, then the schedule's 5 clamped to 3.
    const nodes = scenario.nodes.map((n) => (n.kind === 'server' ? { ...n, autoscaling: { ...n.autoscaling!, max: 3 } } : n));
    sim.applyChange(nodes, scenario.links);
    sim.runUntil(200);
    const { totals } = sim.report();
    expect(totals.failed).toBe(0);
    expect(totals.sent).toBe(totals.completed + totals.inFlight);
  });
});
