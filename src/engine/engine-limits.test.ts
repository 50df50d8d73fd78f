import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesPerRequestSlot, EngineLimitError, maxRequestSlots } from '../scenario/engine-limits';
import type { Scenario } from '../scenario/schema';
import { RequestPool } from './request-pool';
import { Scheduler } from './scheduler';
import { createSimulation } from './simulation';
import { buildScenario } from './testing/build-scenario';
import { system } from './testing/arbitrary-systems';
import type { Simulation, SimulationOptions } from './types';

/** The pool inside a simulation, for figures the public interface does not give. */
const poolOf = (sim: Simulation) => (sim as unknown as { requests: RequestPool }).requests;

/** A client at `rate` into one slow server with an unbounded queue: every request it sends stays alive. */
function flood(rate: number, extra: { timeout?: number } = {}): Scenario {
  return buildScenario({
    duration: 60,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate }, timeout: extra.timeout ?? null, retries: { count: 2, backoff: 0.01, jitter: true } },
      { id: 'server', kind: 'server', workers: 1, queueCapacity: null, serviceTime: { type: 'exponential', mean: 0.1 } },
    ],
    links: [{ id: 'users-server', from: 'users', to: 'server', latency: 0 }],
  });
}

function expectConserved(sim: Simulation): void {
  const s = sim.snapshot();
  expect(s.sent).toBe(s.completed + s.failed + s.inFlight);
  expect(s.failed).toBe(Object.values(s.failures).reduce((a, b) => a + b, 0));
}

describe('the engine budget', () => {
  it('counts the bytes of a request slot as the pool really spends them', () => {
    for (const hopLimit of [1, 16, 64]) {
      const pool = new RequestPool(hopLimit, 1024);
      const arrays = Object.values(pool).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v));
      const bytes = arrays.reduce((sum, a) => sum + a.byteLength, 0);
      expect(bytes / pool.capacity).toBe(bytesPerRequestSlot(hopLimit));
    }
  });

  it('keeps a pool within its cap: past it alloc says no, and a freed slot is taken again', () => {
    const pool = new RequestPool(4, 1024, 3072);
    const slots = Array.from({ length: 3072 }, () => pool.alloc());
    expect(slots.every((s) => s >= 0)).toBe(true);
    expect(pool.capacity).toBe(3072);
    expect(pool.alloc()).toBe(-1);
    pool.release(slots[17]!);
    expect(pool.alloc()).toBe(slots[17]);
    expect(pool.alloc()).toBe(-1);
  });

  it('refuses to grow the event heap past its cap, with a message that says what to change', () => {
    const scheduler = new Scheduler(2, 4);
    for (let i = 0; i < 4; i++) scheduler.schedule(i, 0, i);
    expect(() => scheduler.schedule(5, 0, 5)).toThrow(EngineLimitError);
    expect(() => scheduler.schedule(5, 0, 5)).toThrow(/engine limit was reached: more than 4 events .*Lower the clients' rates/);
  });

  it('holds a client at 1e308 requests a second to the cap on requests alive, failing the rest with "engine limit"', () => {
    const sim = createSimulation(flood(1e308));
    // Simulated time barely moves at this rate, so count events rather than seconds.
    for (let i = 0; i < 1_000_000; i++) sim.step();
    const cap = maxRequestSlots(16);
    const s = sim.snapshot();
    expect(s.inFlight).toBeLessThanOrEqual(cap);
    expect(poolOf(sim).live).toBeLessThanOrEqual(cap);
    expect(poolOf(sim).capacity).toBe(cap);
    expect(s.failures.engineLimit).toBeGreaterThan(500_000);
    expect(s.sent).toBe(s.inFlight + s.failures.engineLimit);
    expectConserved(sim);
    // The queue holds everything the engine holds, and the heap stays small: refused requests schedule nothing.
    expect(sim.pendingEvents).toBeLessThan(10);
  });

  it('lets requests in again once the ones alive finish, and reports the failures by reason', () => {
    const sim = createSimulation(flood(2000), { limits: { maxRequests: 2048 } });
    sim.runUntil(5);
    expectConserved(sim);
    const report = sim.report();
    expect(report.totals.inFlight).toBeLessThanOrEqual(2048);
    // ~10,000 sent, the server finishes ~10 a second: nearly all the rest fail at the limit.
    expect(report.totals.failures.engineLimit).toBeGreaterThan(7000);
    expect(report.totals.completed).toBeGreaterThan(20);
    expect(report.nodes[0]?.arrivals).toBe(report.totals.sent);
  });

  it('refuses new requests once the pending events near their cap, so timers already set can drain', () => {
    // Each request leaves a 100 s timeout pending; with no cap on slots, events are what fill up.
    const sim = createSimulation(flood(2000, { timeout: 100 }), { limits: { maxRequests: Number.POSITIVE_INFINITY, pendingEventsForNewRequests: 3000 } });
    sim.runUntil(5);
    expectConserved(sim);
    expect(sim.pendingEvents).toBeLessThanOrEqual(3001);
    expect(sim.snapshot().failures.engineLimit).toBeGreaterThan(5000);
  });
});

describe('a cap that is never reached', () => {
  const unlimited: SimulationOptions['limits'] = {
    maxRequests: Number.POSITIVE_INFINITY,
    maxPendingEvents: Number.POSITIVE_INFINITY,
    pendingEventsForNewRequests: Number.POSITIVE_INFINITY,
  };

  const run = (scenario: Scenario, limits: SimulationOptions['limits']) => {
    const sim = createSimulation(scenario, { limits });
    sim.runUntil(scenario.duration);
    return { report: sim.report(), windows: sim.windowsSince(0), highWater: poolOf(sim).highWater };
  };

  it('changes no figure: random systems give the same report with the default caps, none, or a cap at their own peak', () => {
    fc.assert(
      fc.property(system(), (scenario) => {
        const free = run(scenario, unlimited);
        const capped = run(scenario, undefined);
        // As tight as the run allows: exactly the most requests it ever had alive.
        const tight = run(scenario, { ...unlimited, maxRequests: free.highWater });
        expect(capped).toEqual(free);
        expect(tight.report).toEqual(free.report);
        expect(tight.windows).toEqual(free.windows);
        expect(free.report.totals.failures.engineLimit).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});
