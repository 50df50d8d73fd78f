import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { createSimulation, runScenario } from './index';
import { seconds, slices, system } from './testing/arbitrary-systems';
import { Outcome, type OutcomeCode } from './types';

/*
 * Invariants when things go wrong: a station drops only when it is full,
 * crashes, restarts and slow-downs lose no request from the books, a closed
 * loop drops only when it has more users than places, and a loop that would
 * spin at one instant is refused or gets past it. The same invariants in
 * calm conditions are in properties.test.ts.
 */

describe('engine properties over random systems', () => {
  it('drops a request only when every worker is busy and the queue is full', () => {
    let runsWithDrops = 0;
    fc.assert(
      fc.property(system({ minLatency: 1e-4 }), (scenario) => {
        const sim = createSimulation(scenario);
        const nodeIndex = new Map(scenario.nodes.map((n, i) => [n.id, i]));
        let dropsSeen = 0;
        let bad = '';
        sim.setTrace({
          hop(link, depart, _arrive, outcome: OutcomeCode, reverse) {
            // With every latency above zero, the first hop of a "queue full"
            // response leaves at the instant of the drop, from the dropping
            // node. A balancer that watches responses (health checks, least
            // connections) sends them on at the instant they reach it: skip
            // those hops; balancers have no queue limit and are checked below.
            if (outcome !== Outcome.queueFull || !reverse || depart !== sim.now) return;
            const to = nodeIndex.get(scenario.links[link]!.to) as number;
            const node = scenario.nodes[to]!;
            if (node.kind === 'loadBalancer') return;
            const live = sim.snapshot().nodes[to]!;
            dropsSeen++;
            if (node.kind !== 'server' && node.kind !== 'database') bad ||= `${node.id} (a ${node.kind}) dropped a request`;
            else if (node.queueCapacity === null) bad ||= `${node.id} has an unbounded queue but dropped a request`;
            else if (node.kind === 'database' && node.shards * (1 + node.readReplicas) > 1) {
              // Several machines (shards, replicas): the one that dropped is full, so the node holds at least that much.
              if (live.busy < node.workers || live.queueLength < node.queueCapacity) {
                bad ||= `${node.id} dropped with only ${live.busy} busy and ${live.queueLength} queued over all its machines`;
              }
            } else if (live.busy !== node.workers || live.queueLength !== node.queueCapacity) {
              bad ||= `${node.id} dropped with ${live.busy}/${node.workers} busy and ${live.queueLength}/${node.queueCapacity} queued`;
            }
          },
        });
        sim.runUntil(scenario.duration);
        expect(bad).toBe('');
        const report = sim.report();
        expect(dropsSeen).toBe(report.nodes.reduce((a, n) => a + n.dropped, 0));
        if (dropsSeen > 0) runsWithDrops++;
        for (const [i, node] of scenario.nodes.entries()) {
          const unbounded = node.kind === 'server' || node.kind === 'database' ? node.queueCapacity === null : true;
          if (unbounded) expect(report.nodes[i]!.dropped, node.id).toBe(0);
        }
      }),
      { numRuns: 80 },
    );
    // The property is only worth something if drops happened: small queues
    // under random load overflow in roughly half of the systems.
    expect(runsWithDrops).toBeGreaterThan(10);
  });

  it('keeps every request accounted for when busy stations crash, restart and slow down', () => {
    let runsWithLost = 0;
    const busyStation = fc.record({
      rate: seconds(50, 400),
      load: seconds(0.5, 1.5),
      workers: fc.integer({ min: 1, max: 4 }),
      queueCapacity: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
      timeout: fc.option(seconds(0.01, 0.5), { nil: null }),
      retries: fc.integer({ min: 0, max: 2 }),
      database: fc.boolean(),
      faults: fc.array(
        fc.record({
          at: fc.integer({ min: 1, max: 99 }).map((k) => k / 50),
          onDatabase: fc.boolean(),
          action: fc.constantFrom('crash' as const, 'restart' as const, 'slow' as const, 'recover' as const),
          factor: seconds(1, 5),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    });
    fc.assert(
      fc.property(busyStation, slices, (b, stops) => {
        // Service time set so the server's load is b.load (0.5: half busy, 1.5: overloaded).
        const mean = (b.load * b.workers) / b.rate;
        const station = { workers: b.workers, queueCapacity: b.queueCapacity };
        const parsed = parseScenario({
          version: 1,
          seed: b.seed,
          duration: 2,
          nodes: [
            { id: 'users', kind: 'client', workload: { mode: 'open', rate: b.rate }, timeout: b.timeout, retries: { count: b.retries, backoff: 0.01, jitter: true } },
            { id: 'server', kind: 'server', ...station, serviceTime: { type: 'exponential', mean } },
            ...(b.database ? [{ id: 'db', kind: 'database' as const, ...station, readTime: { type: 'exponential' as const, mean }, writeTime: { type: 'constant' as const, value: mean } }] : []),
          ],
          links: [
            { id: 'users-server', from: 'users', to: 'server', latency: 0.001 },
            ...(b.database ? [{ id: 'server-db', from: 'server', to: 'db', latency: 0.001 }] : []),
          ],
          faults: b.faults.map((f) => ({ at: f.at, node: f.onDatabase && b.database ? 'db' : 'server', action: f.action, factor: f.factor })),
        });
        if (!parsed.ok) throw new Error(parsed.errors.join('; '));
        const scenario = parsed.scenario;
        const sim = createSimulation(scenario);
        for (const share of stops) {
          sim.runUntil(share * scenario.duration);
          const now = sim.snapshot();
          expect(now.sent).toBe(now.completed + now.failed + now.inFlight);
          for (const live of now.nodes.slice(1)) {
            expect(live.busy).toBeLessThanOrEqual(b.workers);
            if (live.down) expect(live.inSystem).toBe(0);
          }
        }
        const report = sim.report();
        let lostOrRefused = 0;
        for (const node of report.nodes.slice(1)) {
          const refused = node.refused ?? 0;
          const lost = node.lost ?? 0;
          lostOrRefused += refused + lost;
          if (lost > 0) runsWithLost++;
          expect(node.arrivals, node.id).toBe(node.served + node.dropped + refused + lost + node.inSystem);
        }
        // A crash fails requests with "node down", each once, when the news reaches the client.
        expect(report.totals.failures.nodeDown).toBeLessThanOrEqual(lostOrRefused);
        // And crashes are as deterministic as the rest.
        expect(JSON.stringify(report)).toBe(JSON.stringify(runScenario(scenario)));
      }),
      { numRuns: 60 },
    );
    // Worth something only if crashes caught requests inside the station.
    expect(runsWithLost).toBeGreaterThan(10);
  });

  it('never drops when a closed loop has no more users than workers + queue places', () => {
    const closedLoop = (users: number, workers: number, capacity: number): Scenario => {
      const parsed = parseScenario({
        version: 1,
        duration: 20,
        nodes: [
          { id: 'users', kind: 'client', workload: { mode: 'closed', users, thinkTime: { type: 'exponential', mean: 0.01 } } },
          { id: 'server', kind: 'server', workers, queueCapacity: capacity, serviceTime: { type: 'exponential', mean: 0.05 } },
        ],
        links: [{ id: 'users-server', from: 'users', to: 'server', latency: 0 }],
      });
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      return parsed.scenario;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1000 }), (workers, capacity, seed) => {
        // Without timeouts a user has at most one request in the system, so
        // workers + capacity users can never find the queue full.
        const report = runScenario(closedLoop(workers + capacity, workers, capacity), { seed, window: 0 });
        expect(report.nodes[1]!.dropped).toBe(0);
        expect(report.totals.failed).toBe(0);
        expect(report.totals.completed).toBeGreaterThan(0);
        // One user more, thinking 10 ms against 50 ms of service, soon finds it full.
        const crowded = runScenario(closedLoop(workers + capacity + 1, workers, capacity), { seed, window: 0 });
        expect(crowded.nodes[1]!.dropped).toBeGreaterThan(0);
      }),
      { numRuns: 30 },
    );
  });

  /*
   * Regression: a closed-loop client whose think time is identically zero
   * sends its next request at the instant the last one settled; if nothing on
   * the path takes time (no link, or zero latencies and zero service) the
   * clock never moves and runUntil never returns, hanging the worker or the
   * CLI. The schema now refuses such a think time; should one slip through,
   * a bounded stand-in for runUntil shows the clock stuck.
   */
  it('refuses, or gets past, a closed loop that would spin at one instant', () => {
    for (const thinkTime of [
      { type: 'constant', value: 0 },
      { type: 'uniform', min: 0, max: 0 },
    ] as const) {
      for (const links of [[], [{ id: 'users-server', from: 'users', to: 'server', latency: 0 }]]) {
        const parsed = parseScenario({
          version: 1,
          duration: 10,
          nodes: [
            { id: 'users', kind: 'client', workload: { mode: 'closed', users: 1, thinkTime } },
            { id: 'server', kind: 'server', workers: 1, serviceTime: { type: 'constant', value: 0 } },
          ],
          links,
        });
        if (!parsed.ok) {
          expect(parsed.errors.join('\n')).toMatch(/think ?time/i);
          continue;
        }
        const sim = createSimulation(parsed.scenario, { window: 0 });
        let events = 0;
        while (events < 1_000_000 && sim.peek() <= 10 && sim.step()) events++;
        expect(sim.now, `${links.length} links: ${events} events and the clock is still at ${sim.now}`).toBeGreaterThan(0);
      }
    }
  });
});
