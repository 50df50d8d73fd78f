import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../index';
import { Outcome, type TraceSink } from '../types';
import { API, discoveryScenario, scaleIn } from './discovery-fixture';

/*
 * When an instance leaves at t, a copy of the list kept for T seconds stops
 * sending calls to it by t + T: a caller's copy (client-side discovery) and
 * a resolver's record (DNS) alike. Server-side discovery reads the live list
 * and never sends one. The trace sees each call the api answers "stale
 * endpoint": the response leaves the api when the call reaches it.
 */

/** Runs the fixture, takes instance 2 of 4 out at `leaveAt`, and returns when the stale calls reached the api. */
function staleArrivals(options: Parameters<typeof discoveryScenario>[0], leaveAt: number) {
  const scenario = discoveryScenario(options);
  const onLink = scenario.links.findIndex((l) => l.id === 'on');
  const times: number[] = [];
  const trace: TraceSink = {
    hop(link, depart, _arrive, outcome, reverse) {
      if (reverse && link === onLink && outcome === Outcome.staleEndpoint) times.push(depart);
    },
  };
  const sim = createSimulation(scenario, { trace });
  sim.runUntil(leaveAt);
  scaleIn(sim, API, 1);
  sim.runUntil(scenario.duration);
  const report = sim.report();
  const registry = report.nodes[1];
  return { times, report, registry: registry?.kind === 'registry' ? registry.registry : null };
}

const cases = fc.record({
  ttl: fc.double({ min: 0, max: 4, noNaN: true }),
  leaveAt: fc.double({ min: 0.2, max: 3, noNaN: true }),
  rate: fc.double({ min: 20, max: 400, noNaN: true }),
  lookupLatency: fc.constantFrom(0, 0.005),
  latency: fc.constantFrom(0, 0.002),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});

describe('client-side discovery', () => {
  it('stops calling an instance that left at t by t + TTL, whatever the TTL, the moment and the load', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const { times, report, registry } = staleArrivals({ mode: 'clientSide', ...c, duration: c.leaveAt + c.ttl + 1 }, c.leaveAt);
        for (const at of times) expect(at).toBeLessThanOrEqual(c.leaveAt + c.ttl + c.latency + 1e-9);
        // Every call the api refused fails with the reason; the registry counts those it sent after the leave
        // (with link latency, a call sent just before it arrives just after).
        expect(report.totals.failures.staleEndpoint).toBe(times.length);
        if (c.latency === 0) expect(registry?.staleCalls).toBe(times.length);
        else expect(registry?.staleCalls).toBeLessThanOrEqual(times.length);
        expect(registry?.caches.map((cache) => cache.stale)).toEqual([0]);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps calling it until the copy expires: with a long TTL, stale calls are many', () => {
    const { times, registry } = staleArrivals({ mode: 'clientSide', ttl: 30, rate: 200, duration: 4 }, 1);
    // The copy was filled at a random moment of the last 30 s; in this seed it outlives the run.
    expect(times.length).toBeGreaterThan(100);
    expect(registry?.caches[0]).toMatchObject({ name: 'users', entries: 4, stale: 1, missing: 0 });
  });
});

describe('DNS discovery', () => {
  it('stops sending to an instance that left at t by t + the record’s TTL, over every resolver', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 8 }), (c, resolvers) => {
        const { times, report } = staleArrivals({ mode: 'dns', resolvers, ...c, duration: c.leaveAt + c.ttl + 1 }, c.leaveAt);
        for (const at of times) expect(at).toBeLessThanOrEqual(c.leaveAt + c.ttl + c.latency + 1e-9);
        expect(report.totals.failures.staleEndpoint).toBe(times.length);
      }),
      { numRuns: 40 },
    );
  });

  it('drains slowly: the resolvers’ records expire at different moments', () => {
    const scenario = discoveryScenario({ mode: 'dns', ttl: 20, resolvers: 8, rate: 400, duration: 25 });
    const sim = createSimulation(scenario);
    sim.runUntil(1);
    scaleIn(sim, API, 1);
    const staleCounts: number[] = [];
    for (let t = 2; t <= 22; t += 2) {
      sim.runUntil(t);
      const node = sim.snapshot().nodes[1];
      staleCounts.push(node?.registry?.caches.filter((cache) => cache.stale > 0).length ?? -1);
    }
    // Eight resolvers holding the old record, fewer and fewer, none after one TTL.
    expect(staleCounts[0]).toBeGreaterThan(staleCounts[5] as number);
    expect(staleCounts.at(-1)).toBe(0);
    expect(new Set(staleCounts).size).toBeGreaterThan(3);
  });
});

describe('server-side discovery', () => {
  it('never sends a call to an instance that has left', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const { times, report, registry } = staleArrivals({ mode: 'serverSide', ...c, duration: c.leaveAt + 2 }, c.leaveAt);
        expect(registry?.staleCalls).toBe(0);
        // Only a call already on the wire when the instance left can reach it after (with link latency).
        for (const at of times) expect(at).toBeLessThanOrEqual(c.leaveAt + c.latency + 1e-9);
        if (c.latency === 0) expect(report.totals.failures.staleEndpoint).toBe(0);
        expect(registry?.caches).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('costs every request one look-up: mean latency rises by lookupLatency, exactly', () => {
    const latencyWith = (lookupLatency: number) =>
      runScenario(discoveryScenario({ mode: 'serverSide', ttl: 0, rate: 100, lookupLatency, duration: 5 })).totals.latency.mean;
    // Constant service, no queueing: the look-up is the only difference (histogram resolution 3 digits).
    expect(latencyWith(0.004) - latencyWith(0)).toBeCloseTo(0.004, 4);
  });
});

describe('with the autoscaler’s schedule doing the scale-in', () => {
  it('client-side and DNS copies stop calling the instances that left at t by t + TTL', () => {
    fc.assert(
      fc.property(cases, fc.constantFrom('clientSide' as const, 'dns' as const), (c, mode) => {
        const base = discoveryScenario({ mode, ...c, duration: c.leaveAt + c.ttl + 1 });
        const autoscaling = { min: 1, max: 4, policy: { type: 'schedule' as const, steps: [{ at: c.leaveAt, replicas: 2 }] }, interval: 10, coldStart: 0, cooldown: 0 };
        const scenario = { ...base, nodes: base.nodes.map((n) => (n.kind === 'server' ? { ...n, autoscaling } : n)) };
        const onLink = scenario.links.findIndex((l) => l.id === 'on');
        const times: number[] = [];
        const sim = createSimulation(scenario, {
          trace: {
            hop(link, depart, _arrive, outcome, reverse) {
              if (reverse && link === onLink && outcome === Outcome.staleEndpoint) times.push(depart);
            },
          },
        });
        sim.runUntil(scenario.duration);
        const registry = sim.report().nodes[1];
        expect(registry?.kind === 'registry' && registry.registry.changes.filter((change) => change.cause === 'left').map((change) => change.time)).toEqual([c.leaveAt, c.leaveAt]);
        for (const at of times) expect(at).toBeLessThanOrEqual(c.leaveAt + c.ttl + c.latency + 1e-9);
      }),
      { numRuns: 20 },
    );
  });
});
