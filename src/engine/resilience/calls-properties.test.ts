import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallPolicySchema } from '../../scenario/call-schema';
import type { CallPolicy, Scenario } from '../../scenario/schema';
import { createSimulation } from '../simulation';
import { seconds, slices, system } from '../testing/arbitrary-systems';

/** A random call policy: any mix of timeout, retries, budget, breaker and bulkhead. */
const policy: fc.Arbitrary<CallPolicy> = fc
  .record({
    timeout: fc.option(seconds(0.001, 0.5), { nil: null }),
    retries: fc.record({ count: fc.integer({ min: 0, max: 3 }), backoff: seconds(0, 0.05), jitter: fc.boolean() }),
    budget: fc.option(fc.record({ percent: fc.integer({ min: 0, max: 100 }), burst: fc.integer({ min: 1, max: 5 }) }), { nil: null }),
    breaker: fc.option(
      fc.record({
        window: fc.integer({ min: 5, max: 20 }),
        minimumCalls: fc.integer({ min: 1, max: 5 }),
        failureRate: fc.integer({ min: 1, max: 100 }),
        openDuration: seconds(0.01, 0.5),
        halfOpenProbes: fc.integer({ min: 1, max: 3 }),
      }),
      { nil: null },
    ),
    maxConcurrent: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
  })
  .map((p) => CallPolicySchema.parse(p));

/** A random system (testing/arbitrary-systems.ts) with a random policy, or none, on each link from a client or server. */
const systemWithCalls: fc.Arbitrary<Scenario> = fc.tuple(system(), fc.array(fc.option(policy, { nil: undefined }), { minLength: 16, maxLength: 16 })).map(([scenario, policies]) => {
  const kinds = new Map(scenario.nodes.map((n) => [n.id, n.kind]));
  const links = scenario.links.map((link, i) => {
    const kind = kinds.get(link.from);
    const call = kind === 'client' || kind === 'server' ? policies[i % policies.length] : undefined;
    return call === undefined ? link : { ...link, call };
  });
  return { ...scenario, links };
});

describe('call policies in random systems (property)', () => {
  it('conserve requests at every moment, account for every call, and are fixed by the seed', () => {
    fc.assert(
      fc.property(systemWithCalls, slices, (scenario, stops) => {
        const sim = createSimulation(scenario);
        for (const share of stops) {
          sim.runUntil(share * scenario.duration);
          const s = sim.snapshot();
          expect(s.sent).toBe(s.completed + s.failed + s.inFlight);
          expect(s.inFlight).toBeGreaterThanOrEqual(0);
        }
        const report = sim.report();
        for (const node of report.nodes) {
          for (const calls of node.calls ?? []) {
            expect(calls.calls).toBe(calls.succeeded + calls.failed + calls.inProgress);
            expect(calls.inProgress).toBeGreaterThanOrEqual(0);
            expect(Object.values(calls.failures).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(calls.failed);
            const link = scenario.links.find((l) => l.id === calls.link);
            if (link?.call?.maxConcurrent) expect(calls.peakConcurrent).toBeLessThanOrEqual(link.call.maxConcurrent);
            if (link?.call && link.call.retries.count === 0) expect(calls.retries).toBe(0);
          }
        }
        const again = createSimulation(scenario);
        again.runUntil(scenario.duration);
        expect(again.report()).toEqual(report);
      }),
      { numRuns: 40 },
    );
  });
});
