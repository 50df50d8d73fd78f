import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallPolicySchema } from '../../scenario/call-schema';
import type { Mesh, Scenario } from '../../scenario/schema';
import { createSimulation, runScenario } from '../index';
import { slices, system } from '../testing/arbitrary-systems';

/*
 * The mesh over small random systems: some servers with sidecars, a mesh
 * with random hop costs and a random policy. Requests stay conserved, a run
 * stays fixed by its seed however it is sliced, and a sidecar counts every
 * request sent into its server.
 */

const policy = fc
  .record({
    timeout: fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: null }),
    count: fc.integer({ min: 0, max: 3 }),
    breaker: fc.boolean(),
    maxConcurrent: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
  })
  .map((p) =>
    CallPolicySchema.parse({
      timeout: p.timeout,
      retries: { count: p.count, backoff: 0.01, jitter: true },
      breaker: p.breaker ? { window: 10, minimumCalls: 5, openDuration: 0.2 } : null,
      maxConcurrent: p.maxConcurrent,
    }),
  );

const mesh = fc.record({
  hopLatency: fc.double({ min: 0, max: 0.005, noNaN: true }),
  hopCpu: fc.double({ min: 0, max: 0.001, noNaN: true }),
  mtls: fc.boolean(),
  mtlsCpu: fc.double({ min: 0, max: 0.001, noNaN: true }),
  policy,
});

/** A random system with a mesh, and a sidecar on the servers `sidecars` picks (bit j: server j). */
const meshedSystem = fc.tuple(system(), mesh, fc.nat()).map(([scenario, m, sidecars]): Scenario => {
  let j = 0;
  const nodes = scenario.nodes.map((node) => (node.kind === 'server' ? { ...node, sidecar: ((sidecars >> j++) & 1) === 1 } : node));
  return { ...scenario, nodes, mesh: m as Mesh };
});

describe('the mesh over random systems', () => {
  it('conserves requests at every moment, and each sidecar counts every request sent into its server', () => {
    fc.assert(
      fc.property(meshedSystem, slices, (scenario, stops) => {
        const sim = createSimulation(scenario);
        for (const share of stops) {
          sim.runUntil(share * scenario.duration);
          const s = sim.snapshot();
          expect(s.sent).toBe(s.completed + s.failed + s.inFlight);
          expect(s.failed).toBe(Object.values(s.failures).reduce((a, b) => a + b, 0));
        }
        const report = sim.report();
        for (const node of report.nodes) {
          if (!node.sidecar) continue;
          // Everything that reached the server came in through its sidecar (counted as sent: some may be on the way still).
          expect(node.sidecar.inbound, node.id).toBeGreaterThanOrEqual(node.arrivals);
          expect(node.sidecar.cpuSeconds).toBeGreaterThanOrEqual(0);
        }
        const meshed = new Set(report.mesh?.services);
        for (const node of scenario.nodes) expect(meshed.has(node.id)).toBe(node.kind === 'server' && node.sidecar);
      }),
      { numRuns: 60 },
    );
  });

  it('a run is fixed by its seed, however it is sliced', () => {
    fc.assert(
      fc.property(meshedSystem, slices, (scenario, stops) => {
        const sliced = createSimulation(scenario);
        for (const share of stops) sliced.runUntil(share * scenario.duration);
        expect(sliced.report()).toEqual(runScenario(scenario));
      }),
      { numRuns: 30 },
    );
  });
});
