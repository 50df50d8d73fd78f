import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import { type Distribution, LoadBalancingAlgorithmSchema, type Scenario, type ScenarioInput } from '../scenario/schema';
import { createSimulation, runScenario } from './index';
import { Outcome, type OutcomeCode, type TraceSink } from './types';

/*
 * Invariants over small random systems: client(s) → (load balancer) →
 * servers → (database), with random rates, workers, queue capacities,
 * service times, link latencies (zero included, so events tie), hop limits,
 * timeouts and retries; the balancer uses any of the algorithms, with or
 * without its own processing time and health checks, clients may use HTTPS,
 * and servers and the database may crash, restart, slow down and recover.
 */

const seconds = (min: number, max: number) => fc.double({ min, max, noNaN: true });

const distribution: fc.Arbitrary<Distribution> = fc.oneof(
  fc.record({ type: fc.constant('exponential' as const), mean: seconds(1e-4, 0.05) }),
  fc.record({ type: fc.constant('constant' as const), value: seconds(0, 0.05) }),
  fc.tuple(seconds(0, 0.05), seconds(0, 0.05)).map(([a, b]) => ({ type: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
  fc.record({ type: fc.constant('lognormal' as const), mean: seconds(1e-4, 0.05), cv: seconds(0.1, 3) }),
);

// Think times stay positive: with zero think, zero service and zero latency a
// closed loop would cycle forever at one instant.
const thinkTime: fc.Arbitrary<Distribution> = fc.oneof(
  fc.record({ type: fc.constant('exponential' as const), mean: seconds(1e-3, 0.2) }),
  fc.record({ type: fc.constant('constant' as const), value: seconds(1e-3, 0.2) }),
);

const client = fc.record({
  https: fc.boolean(),
  workload: fc.oneof(
    fc.record({ mode: fc.constant('open' as const), rate: seconds(1, 400) }),
    fc.record({ mode: fc.constant('closed' as const), users: fc.integer({ min: 1, max: 20 }), thinkTime }),
  ),
  timeout: fc.option(seconds(0.005, 0.3), { nil: null }),
  retries: fc.record({ count: fc.integer({ min: 0, max: 2 }), backoff: seconds(0, 0.05), jitter: fc.boolean() }),
  writeRatio: seconds(0, 1),
});

const stationFields = {
  workers: fc.integer({ min: 1, max: 4 }),
  queueCapacity: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
};
const server = fc.record({ ...stationFields, serviceTime: distribution });
const database = fc.record({ ...stationFields, readTime: distribution, writeTime: distribution });

const balancer = fc.record({
  algorithm: fc.constantFrom(...LoadBalancingAlgorithmSchema.options),
  overhead: fc.oneof(fc.constant(0), seconds(0, 0.002)),
  workers: fc.integer({ min: 1, max: 4 }),
  tlsTermination: fc.boolean(),
  healthCheck: fc.record({
    active: fc.option(
      fc.record({
        interval: seconds(0.05, 0.5),
        timeout: seconds(0.01, 0.2),
        healthyThreshold: fc.integer({ min: 1, max: 3 }),
        unhealthyThreshold: fc.integer({ min: 1, max: 3 }),
      }),
      { nil: null },
    ),
    passive: fc.option(fc.record({ consecutiveFailures: fc.integer({ min: 1, max: 5 }), cooloff: seconds(0.05, 1) }), { nil: null }),
  }),
});

interface SystemOptions {
  /** Smallest link latency; above zero, no two hops of one response leave at the same instant. */
  minLatency?: number;
}

/** A random small system as a validated scenario. */
function system(options: SystemOptions = {}): fc.Arbitrary<Scenario> {
  const latency = seconds(options.minLatency ?? 0, 0.01);
  return fc
    .record({
      clients: fc.array(client, { minLength: 1, maxLength: 2 }),
      balancer: fc.option(balancer, { nil: null }),
      servers: fc.array(fc.record({ node: server, latency, weight: seconds(0.1, 5), dbLatency: latency }), { minLength: 1, maxLength: 4 }),
      database: fc.option(database, { nil: null }),
      clientLatency: latency,
      hopLimit: fc.oneof(fc.constant(16), fc.integer({ min: 1, max: 4 })),
      duration: seconds(0.5, 3),
      warmupShare: seconds(0, 0.5),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      faults: fc.array(
        fc.record({
          // Whole percents: fast-check's doubles favour 0, which would crash every node before any traffic.
          atShare: fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
          target: fc.nat(),
          action: fc.constantFrom('crash' as const, 'restart' as const, 'slow' as const, 'recover' as const),
          factor: seconds(1, 10),
        }),
        { maxLength: 4 },
      ),
    })
    .map((s) => {
      const nodes: ScenarioInput['nodes'] = [];
      const links: ScenarioInput['links'] = [];
      const link = (from: string, to: string, latency: number, weight = 1): void => {
        links.push({ id: `${from}-${to}`, from, to, latency, weight });
      };
      const clients = s.clients.map((c, i) => ({ id: `client-${i}`, kind: 'client' as const, ...c }));
      const servers = s.servers.map((srv, j) => ({ id: `server-${j}`, kind: 'server' as const, ...srv.node }));
      nodes.push(...clients);
      if (s.balancer) nodes.push({ id: 'lb', kind: 'loadBalancer', ...s.balancer });
      nodes.push(...servers);
      if (s.database) nodes.push({ id: 'db', kind: 'database', ...s.database });
      for (const c of clients) {
        if (s.balancer) link(c.id, 'lb', s.clientLatency);
        else for (const [j, srv] of s.servers.entries()) link(c.id, `server-${j}`, srv.latency, srv.weight);
      }
      for (const [j, srv] of s.servers.entries()) {
        if (s.balancer) link('lb', `server-${j}`, srv.latency);
        if (s.database) link(`server-${j}`, 'db', srv.dbLatency);
      }
      const parsed = parseScenario({
        version: 1,
        name: 'random system',
        seed: s.seed,
        duration: s.duration,
        warmup: s.duration * s.warmupShare,
        hopLimit: s.hopLimit,
        nodes,
        links,
        faults: s.faults.map((f) => {
          const stations = [...servers.map((srv) => srv.id), ...(s.database ? ['db'] : [])];
          return { at: f.atShare * s.duration, node: stations[f.target % stations.length]!, action: f.action, factor: f.factor };
        }),
      });
      if (!parsed.ok) throw new Error(`the arbitrary built an invalid scenario: ${parsed.errors.join('; ')}`);
      return parsed.scenario;
    });
}

/** Times in (0, 1], sorted: where to stop the clock, as shares of the duration. */
const slices = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }).map((xs) => [...xs, 1].sort((a, b) => a - b));

const isStation = (kind: string) => kind === 'server' || kind === 'database';

describe('engine properties over random systems', () => {
  it('conserves requests at every moment: sent = completed + failed + in flight', () => {
    fc.assert(
      fc.property(system(), slices, (scenario, stops) => {
        const sim = createSimulation(scenario);
        for (const share of stops) {
          const time = share * scenario.duration;
          sim.runUntil(time);
          expect(sim.now).toBe(time);
          const s = sim.snapshot();
          expect(s.sent).toBe(s.completed + s.failed + s.inFlight);
          expect(s.inFlight).toBeGreaterThanOrEqual(0);
          expect(s.failed).toBe(Object.values(s.failures).reduce((a, b) => a + b, 0));
          for (const [i, node] of scenario.nodes.entries()) {
            if (node.kind !== 'server' && node.kind !== 'database') continue;
            const live = s.nodes[i]!;
            expect(live.inSystem).toBe(live.busy + live.queueLength);
            expect(live.busy).toBeLessThanOrEqual(node.workers);
            expect(live.queueLength).toBeLessThanOrEqual(node.queueCapacity ?? Number.POSITIVE_INFINITY);
            // Work-conserving: nobody waits while a worker is idle.
            if (live.queueLength > 0) expect(live.busy).toBe(node.workers);
          }
        }
        const report = sim.report();
        const clients = report.nodes.filter((n) => n.kind === 'client');
        expect(report.totals.sent).toBe(clients.reduce((a, n) => a + n.arrivals, 0));
        expect(report.totals.completed).toBe(clients.reduce((a, n) => a + n.served, 0));
        expect(report.totals.inFlight).toBe(clients.reduce((a, n) => a + n.inSystem, 0));
        // Each station: every arrival was served, dropped, or is still inside.
        for (const node of report.nodes) {
          // Refused (arrived while crashed) and lost (inside when it crashed) come from faults.
          const failedHere = node.dropped + (node.refused ?? 0) + (node.lost ?? 0);
          if (isStation(node.kind)) expect(node.arrivals, node.id).toBe(node.served + failedHere + node.inSystem);
        }
        // A drop reaches its client as a "queue full" failure, unless still travelling back.
        const dropped = report.nodes.reduce((a, n) => a + n.dropped, 0);
        expect(report.totals.failures.queueFull).toBeLessThanOrEqual(dropped);
      }),
      { numRuns: 80 },
    );
  });

  it('is fixed by its seed: same seed, same report, however the run is sliced', () => {
    fc.assert(
      fc.property(system(), slices, (scenario, stops) => {
        const whole = JSON.stringify(runScenario(scenario));
        expect(JSON.stringify(runScenario(scenario))).toBe(whole);
        // The worker runs in slices; slicing must not change a single draw.
        const sliced = createSimulation(scenario);
        for (const share of stops) sliced.runUntil(share * scenario.duration);
        expect(JSON.stringify(sliced.report())).toBe(whole);
        // Nor must watching it: a trace sink sees hops but changes nothing.
        const traced = createSimulation(scenario, { trace: { hop: () => {} } });
        traced.runUntil(scenario.duration);
        expect(JSON.stringify(traced.report())).toBe(whole);
        // Nor must stepping one event at a time.
        const stepped = createSimulation(scenario);
        while (stepped.peek() <= scenario.duration) stepped.step();
        stepped.runUntil(scenario.duration);
        expect(JSON.stringify(stepped.report())).toBe(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('gives different request times for a different seed', () => {
    /** When open-loop clients sent their requests: Poisson, so random. */
    const departures = (scenario: Scenario, seed: number): number[] => {
      const open = new Set(scenario.nodes.filter((n) => n.kind === 'client' && n.workload.mode === 'open').map((n) => n.id));
      const fromOpen = scenario.links.map((link) => open.has(link.from));
      const times: number[] = [];
      const trace: TraceSink = {
        hop(link, depart, _arrive, _outcome, reverse) {
          if (!reverse && fromOpen[link]) times.push(depart);
        },
      };
      createSimulation(scenario, { seed, window: 0, trace }).runUntil(scenario.duration);
      return times;
    };
    fc.assert(
      fc.property(system(), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (scenario, other) => {
        fc.pre(other !== scenario.seed && scenario.nodes.some((n) => n.kind === 'client' && n.workload.mode === 'open'));
        const a = departures(scenario, scenario.seed);
        // Poisson arrivals at ≥ 1/s over ≥ 0.5 s may send nothing; then there is nothing to compare.
        fc.pre(a.length > 0);
        expect(departures(scenario, other)).not.toEqual(a);
        expect(runScenario(scenario, { seed: other }).seed).toBe(other);
      }),
      { numRuns: 40 },
    );
  });

  it('never moves time backwards, and every hop takes exactly its link latency', () => {
    fc.assert(
      fc.property(system(), (scenario) => {
        const sim = createSimulation(scenario);
        let bad = '';
        const sink: TraceSink = {
          hop(link, depart, arrive) {
            const latency = scenario.links[link]?.latency;
            if (latency === undefined) bad ||= `hop on unknown link ${link}`;
            else if (depart < sim.now) bad ||= `hop departs at ${depart}, before now ${sim.now}`;
            else if (arrive !== depart + latency) bad ||= `hop on ${scenario.links[link]?.id} takes ${arrive - depart}, not ${latency}`;
          },
        };
        sim.setTrace(sink);
        let last = sim.now;
        while (sim.peek() <= scenario.duration) {
          const next = sim.peek();
          if (next < last) bad ||= `next event at ${next}, before now ${last}`;
          if (!sim.step()) bad ||= 'step() found no event although peek() named one';
          if (sim.now !== next) bad ||= `step() moved the clock to ${sim.now}, not to the peeked ${next}`;
          last = sim.now;
        }
        expect(bad).toBe('');
        sim.runUntil(scenario.duration);
        expect(sim.now).toBe(scenario.duration);
        // The windows tile time: each starts where the last ended.
        const windows = sim.windowsSince(0);
        expect(windows).toHaveLength(Math.floor(scenario.duration));
        windows.forEach((w, i) => {
          expect(w.start).toBe(i === 0 ? 0 : windows[i - 1]!.end);
          expect(w.end).toBeGreaterThan(w.start);
        });
      }),
      { numRuns: 60 },
    );
  });

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
            else if (live.busy !== node.workers || live.queueLength !== node.queueCapacity) {
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
