import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CACHE_STRATEGIES, EVICTION_POLICIES } from '../../scenario/cache-schema';
import type { ScenarioInput } from '../../scenario/schema';
import { createSimulation, runScenario } from '../index';
import { buildScenario } from '../testing/build-scenario';

/*
 * Invariants over small random systems with caches: users → (balancer) →
 * one or two caches → database, with any eviction policy, TTL, strategy and
 * invalidation, writes, timeouts and retries, link latencies that may be
 * zero, and crashes, restarts, flushes and slow-downs of the caches.
 */

const seconds = (min: number, max: number) => fc.double({ min, max, noNaN: true });

const invalidation = fc.oneof(
  fc.constant({ type: 'ttl' as const }),
  fc.record({ type: fc.constant('event' as const), delay: seconds(0, 0.2) }),
  fc.constant({ type: 'version' as const }),
);

const cache = fc
  .record({
    capacity: fc.integer({ min: 1, max: 60 }),
    eviction: fc.constantFrom(...EVICTION_POLICIES),
    ttl: fc.option(seconds(0.01, 2), { nil: null }),
    hitTime: fc.oneof(fc.constant(0), seconds(0, 0.002)),
    missTime: fc.oneof(fc.constant(0), seconds(0, 0.002)),
    strategy: fc.constantFrom(...CACHE_STRATEGIES),
    invalidation,
    flushInterval: seconds(0.05, 1),
    flushBatch: fc.integer({ min: 1, max: 20 }),
  })
  .map((c) => (c.eviction === 'ttl' && c.ttl === null ? { ...c, ttl: 0.5 } : c));

const fault = fc.record({
  at: seconds(0, 3),
  action: fc.constantFrom('crash' as const, 'restart' as const, 'flush' as const, 'slow' as const, 'recover' as const),
  factor: seconds(1, 5),
  cache: fc.integer({ min: 0, max: 1 }),
});

const system = fc
  .record({
    rate: seconds(20, 600),
    items: fc.integer({ min: 1, max: 200 }),
    alpha: seconds(0, 1.5),
    writeRatio: seconds(0, 1),
    timeout: fc.option(seconds(0.005, 0.2), { nil: null }),
    retries: fc.integer({ min: 0, max: 2 }),
    caches: fc.array(cache, { minLength: 1, maxLength: 2 }),
    latency: fc.oneof(fc.constant(0), seconds(0, 0.005)),
    dbWorkers: fc.integer({ min: 1, max: 4 }),
    queueCapacity: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    faults: fc.array(fault, { maxLength: 4 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map((s) => {
    const ids = s.caches.map((_, i) => `cache-${i}`);
    const front = ids.length > 1 ? 'lb' : (ids[0] as string);
    return buildScenario({
      duration: 3,
      seed: s.seed,
      nodes: [
        {
          id: 'users',
          kind: 'client',
          workload: { mode: 'open', rate: s.rate },
          writeRatio: s.writeRatio,
          timeout: s.timeout,
          retries: { count: s.retries, backoff: 0.01, jitter: true },
          catalogue: { items: s.items, popularity: { type: 'zipf', alpha: s.alpha } },
        },
        ...(ids.length > 1 ? [{ id: 'lb', kind: 'loadBalancer', algorithm: 'random' }] : []),
        ...s.caches.map((c, i) => ({ id: ids[i], kind: 'cache', ...c })),
        {
          id: 'db',
          kind: 'database',
          workers: s.dbWorkers,
          queueCapacity: s.queueCapacity,
          readTime: { type: 'exponential', mean: 0.003 },
          writeTime: { type: 'exponential', mean: 0.006 },
        },
      ] as ScenarioInput['nodes'],
      links: [
        { id: 'in', from: 'users', to: front, latency: s.latency },
        ...(ids.length > 1 ? ids.map((id) => ({ id: `lb-${id}`, from: 'lb', to: id, latency: s.latency })) : []),
        ...ids.map((id) => ({ id: `${id}-db`, from: id, to: 'db', latency: s.latency })),
      ],
      faults: s.faults.map((f) => ({ at: f.at, node: ids[f.cache % ids.length] as string, action: f.action, factor: f.factor })),
    });
  });

describe('cache properties over random systems', () => {
  it('conserve requests at every slice: sent = completed + failed + in flight', () => {
    fc.assert(
      fc.property(system, (scenario) => {
        const sim = createSimulation(scenario, { window: 0 });
        for (let t = 0.25; t <= scenario.duration; t += 0.25) {
          sim.runUntil(t);
          const s = sim.snapshot();
          expect(s.sent).toBe(s.completed + s.failed + s.inFlight);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keep every cache figure within its bounds, and what each strategy and invalidation promises', () => {
    fc.assert(
      fc.property(system, (scenario) => {
        const report = runScenario(scenario, { window: 0 });
        for (const node of scenario.nodes) {
          if (node.kind !== 'cache') continue;
          const figures = report.nodes.find((n) => n.id === node.id)?.cache;
          if (!figures) throw new Error(`${node.id} has no cache figures`);
          expect(figures.entries).toBeLessThanOrEqual(node.capacity);
          expect(figures.dirty).toBeLessThanOrEqual(figures.entries);
          expect(figures.staleReads).toBeLessThanOrEqual(figures.hits);
          expect(figures.hitRatio).toBeGreaterThanOrEqual(0);
          expect(figures.hitRatio).toBeLessThanOrEqual(1);
          if (node.strategy !== 'writeBack') expect(figures.lostWrites + figures.dirty + figures.flushes).toBe(0);
          if (node.invalidation.type === 'version') expect(figures.staleReads).toBe(0);
          if (node.invalidation.type === 'event') expect(figures.maxStaleAge).toBeLessThanOrEqual(node.invalidation.delay + 1e-12);
          if (node.eviction === 'ttl') expect(figures.evictions).toBe(0);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('are fixed by the seed', () => {
    fc.assert(
      fc.property(system, (scenario) => {
        expect(JSON.stringify(runScenario(scenario))).toBe(JSON.stringify(runScenario(scenario)));
      }),
      { numRuns: 15 },
    );
  });
});
