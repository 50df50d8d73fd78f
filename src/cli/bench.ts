/**
 * `npm run bench [-- --json] [-- --only <name part>]`: engine speed on fixed scenarios. Prints events
 * and simulated requests per wall-clock second and peak heap. A benchmark, not
 * a test: machines here are shared and noisy, so read the figures as a ratio
 * within one run rather than against a threshold.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createSimulation } from '../engine';
import { CallPolicySchema } from '../scenario/call-schema';
import { ConnectionPolicySchema, MeshSchema } from '../scenario/elastic-schema';
import { parseScenarioJson } from '../scenario/parse';
import { bareHeapRate, REFERENCE_HEAP_RATE } from './bench-reference';
import { benchSweep, formatSweepBench } from './bench-sweep';
import type { Distribution, Scenario, ScenarioNode } from '../scenario/schema';

interface BenchCase {
  name: string;
  file: string;
  /** Multiplies every rate (shortens every time) so a metrics window holds many requests. */
  speedUp?: number;
  /** Changes the scenario before it runs (e.g. another balancing algorithm). */
  modify?: (scenario: Scenario) => Scenario;
  /** Simulated seconds per timed run. */
  duration: number;
  target?: { eventsPerSecond?: number; requestsPerSecond?: number; messagesPerSecond?: number };
  /** Another case (by name) whose share of its yardstick this one's is printed beside, as a ratio. */
  compareWith?: string;
}

/** Every server's link to the database draws from a pool of 8 connections (one handshake per connection, then reused). */
function withPool(scenario: Scenario): Scenario {
  const connection = ConnectionPolicySchema.parse({ handshakeRoundTrips: 1, pool: { size: 8 } });
  return { ...scenario, links: scenario.links.map((link) => (link.to === 'db' ? { ...link, connection } : link)) };
}

/** A sidecar beside every server, under a mesh with the default hop costs and no policy. */
function withSidecars(scenario: Scenario): Scenario {
  return { ...scenario, mesh: MeshSchema.parse({}), nodes: scenario.nodes.map((node) => (node.kind === 'server' ? { ...node, sidecar: true } : node)) };
}

const CASES: BenchCase[] = [
  {
    name: 'M/M/1 at rho 0.8 (8,000/s into 10,000/s)',
    file: 'scenarios/mm1.json',
    speedUp: 1000,
    duration: 300,
    target: { eventsPerSecond: 5e6 },
  },
  {
    name: 'client -> LB -> 8 servers -> database',
    file: 'scenarios/bench-8-servers.json',
    duration: 400,
    target: { requestsPerSecond: 1e6 },
  },
  {
    name: 'the same with consistent hashing + health checks',
    file: 'scenarios/bench-8-servers.json',
    duration: 400,
    target: { requestsPerSecond: 1e6 },
    modify: (scenario) => ({
      ...scenario,
      nodes: scenario.nodes.map((node) =>
        node.kind === 'loadBalancer'
          ? {
              ...node,
              algorithm: 'consistentHash',
              healthCheck: { active: { interval: 1, timeout: 0.5, healthyThreshold: 2, unhealthyThreshold: 3 }, passive: null },
            }
          : node,
      ),
    }),
  },
  {
    name: 'producer -> queue -> 8 consumers',
    file: 'scenarios/bench-queue-8-consumers.json',
    duration: 400,
    target: { messagesPerSecond: 5e5 },
  },
  // web-tier.json sends 300 requests/s; × 10/3 makes it 1,000/s with the same utilizations.
  { name: 'one simulated hour at 1,000 req/s (memory)', file: 'scenarios/web-tier.json', speedUp: 10 / 3, duration: 3600 },
  // Same system with a full LRU cache of 1,000,000 entries evicting on every other read: compare with the 8-server case.
  { name: '8 servers -> 1M-entry LRU cache -> database', file: 'scenarios/bench-cache-million.json', duration: 400 },
  // The 8-server case with a machine behind each server (one disk operation and an answer sent per request):
  // each request visits CPU, disk, CPU and network queues, so compare its requests/s with that case.
  {
    name: 'the 8-server case with server resources (CPU, disk, network queues)',
    file: 'scenarios/bench-8-servers.json',
    duration: 400,
    modify: (scenario) => ({
      ...scenario,
      nodes: scenario.nodes.map((node) =>
        node.kind === 'server'
          ? {
              ...node,
              resources: {
                cores: node.workers,
                ramMB: 8192,
                workingSetMB: 1024,
                pagingSlowdown: 20,
                diskIops: 100_000,
                diskMBps: 1000,
                networkMbps: 10_000,
                batchSize: 1,
                compression: null,
                demands: [{ method: 'ANY', pathPrefix: '/', cpuFactor: 1, diskOps: 1, diskMB: 0, networkMB: 0.01, memoryMB: 1 }],
              },
            }
          : node,
      ),
    }),
  },
  // Every server's database call with a call policy (timeout, 2 retries, a budget, a breaker, a bulkhead). The servers' workers now
  // wait for the database, so the system itself changes (about half the requests are dropped): compare events per second, not requests.
  {
    name: 'the 8-server case with call policies on server -> database',
    file: 'scenarios/bench-8-servers.json',
    duration: 400,
    modify: (scenario) => ({
      ...scenario,
      links: scenario.links.map((link) =>
        link.to === 'db'
          ? { ...link, call: CallPolicySchema.parse({ timeout: 1, retries: { count: 2, backoff: 0.01, jitter: true }, budget: { percent: 10 }, breaker: {}, maxConcurrent: 64 }) }
          : link,
      ),
    }),
  },
  // Elastic membership (#17): a pool of 8 connections on each server -> database link (64 in all, so nothing waits long or is
  // refused), and a sidecar beside every server under a mesh with no policy (1 ms more per round trip, counted sidecar CPU).
  // The system itself is the plain case's, so each share of the yardstick is printed beside the plain case's.
  {
    name: 'the 8-server case with a connection pool on server -> database',
    file: 'scenarios/bench-8-servers.json',
    duration: 400,
    modify: withPool,
    compareWith: 'client -> LB -> 8 servers -> database',
  },
  {
    name: 'the 8-server case with sidecars in a mesh',
    file: 'scenarios/bench-8-servers.json',
    duration: 400,
    modify: withSidecars,
    compareWith: 'client -> LB -> 8 servers -> database',
  },
  {
    name: 'the 8-server case with a pool and sidecars',
    file: 'scenarios/bench-8-servers.json',
    duration: 400,
    modify: (scenario) => withSidecars(withPool(scenario)),
    compareWith: 'client -> LB -> 8 servers -> database',
  },
  // Auth, a token bucket and a route table per request: its share of the yardstick should stay near the plain case's.
  {
    name: 'client -> gateway (auth + bucket) -> 4 services',
    file: 'scenarios/bench-gateway.json',
    duration: 400,
    target: { requestsPerSecond: 5e5 },
    compareWith: 'client -> LB -> 8 servers -> database',
  },
];

interface BenchResult {
  name: string;
  eventsPerSecond: number;
  requestsPerSecond: number;
  /** Messages acknowledged by message queues per wall-clock second (0 without queues). */
  messagesPerSecond: number;
  heapMB: number;
  simulatedSeconds: number;
  wallSeconds: number;
  /** Mean number of events waiting in the scheduler during the run. */
  pendingEvents: number;
  /** Hold operations per second of a bare heap of that size, measured just after the case. */
  bareHeapEventsPerSecond: number;
}

function load(file: string): Scenario {
  const parsed = parseScenarioJson(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join('; ')}`);
  return parsed.scenario;
}

/** The same system with every rate × k: ρ and the shape of every distribution are unchanged. */
function speedUp(scenario: Scenario, k: number): Scenario {
  const scale = (d: Distribution): Distribution => {
    switch (d.type) {
      case 'exponential':
      case 'lognormal':
        return { ...d, mean: d.mean / k };
      case 'constant':
        return { ...d, value: d.value / k };
      case 'uniform':
        return { ...d, min: d.min / k, max: d.max / k };
    }
  };
  const nodes = scenario.nodes.map((node): ScenarioNode => {
    switch (node.kind) {
      case 'client':
        return node.workload.mode === 'open'
          ? { ...node, workload: { ...node.workload, rate: node.workload.rate * k } }
          : { ...node, workload: { ...node.workload, thinkTime: scale(node.workload.thinkTime) } };
      case 'server':
        return { ...node, serviceTime: scale(node.serviceTime) };
      case 'database':
        return { ...node, readTime: scale(node.readTime), writeTime: scale(node.writeTime) };
      default:
        return node;
    }
  });
  return { ...scenario, nodes, links: scenario.links.map((l) => ({ ...l, latency: l.latency / k })) };
}

function runCase(bench: BenchCase): BenchResult {
  const loaded = load(bench.file);
  const modified = bench.modify ? bench.modify(loaded) : loaded;
  const scenario = { ...speedUp(modified, bench.speedUp ?? 1), duration: bench.duration, warmup: 0 };
  // Warm the JIT on a short run first so the timed run measures steady state.
  createSimulation({ ...scenario, duration: bench.duration / 20 }).runUntil(bench.duration / 20);
  const sim = createSimulation(scenario);
  const slices = 200;
  let peakHeap = process.memoryUsage().heapUsed;
  let pending = 0;
  const start = performance.now();
  for (let i = 1; i <= slices; i++) {
    sim.runUntil((bench.duration * i) / slices);
    pending += sim.pendingEvents;
    if (i % 20 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const wallSeconds = (performance.now() - start) / 1000;
  const report = sim.report();
  const pendingEvents = Math.max(1, Math.round(pending / slices));
  return {
    name: bench.name,
    eventsPerSecond: sim.events / wallSeconds,
    requestsPerSecond: (report.totals.completed + report.totals.failed) / wallSeconds,
    messagesPerSecond: report.nodes.reduce((sum, node) => sum + (node.messaging?.acknowledged ?? 0), 0) / wallSeconds,
    heapMB: peakHeap / 2 ** 20,
    simulatedSeconds: bench.duration,
    wallSeconds,
    pendingEvents,
    bareHeapEventsPerSecond: bareHeapRate(pendingEvents, 0.5),
  };
}

// `--only <text>` (repeatable) runs the cases whose names contain one of the texts, so two can be compared side by side
// quickly; `--sweep-only` runs only the sweep.
const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, only: { type: 'string', multiple: true }, 'sweep-only': { type: 'boolean', default: false } },
});
const chosen = values.only?.length ? CASES.filter((bench) => values.only?.some((text) => bench.name.includes(text))) : CASES;
const results = (values['sweep-only'] ? [] : chosen).map((bench) => {
  if (!values.json) process.stderr.write(`running ${bench.name}…\n`);
  return { bench, result: runCase(bench) };
});
/** How fast a bare heap of the case's size runs here, next to the machine the targets were written for (1 = as fast). */
const machineFactor = (result: BenchResult) => result.bareHeapEventsPerSecond / REFERENCE_HEAP_RATE;

if (values.json) {
  const cases = results.map(({ result }) => ({
    name: result.name,
    eventsPerSecond: Math.round(result.eventsPerSecond),
    requestsPerSecond: Math.round(result.requestsPerSecond),
    messagesPerSecond: Math.round(result.messagesPerSecond),
    heapMB: Math.round(result.heapMB * 10) / 10,
    pendingEvents: result.pendingEvents,
    bareHeapEventsPerSecond: Math.round(result.bareHeapEventsPerSecond),
  }));
  const sweep = await benchSweep();
  process.stdout.write(`${JSON.stringify({ cases, sweep, referenceHeapEventsPerSecond: REFERENCE_HEAP_RATE }, null, 2)}\n`);
} else {
  const millions = (n: number) => `${(n / 1e6).toFixed(2)} M/s`;
  for (const { bench, result } of results) {
    // Each target also scaled by a bare heap's speed here (same size), so a slow or busy machine reads fairly.
    const factor = machineFactor(result);
    const target = (n: number, what: string) => `target ≥ ${millions(n)} ${what}, ${millions(n * factor)} here`;
    const targets = [
      bench.target?.eventsPerSecond ? target(bench.target.eventsPerSecond, 'events') : '',
      bench.target?.requestsPerSecond ? target(bench.target.requestsPerSecond, 'requests') : '',
      bench.target?.messagesPerSecond ? target(bench.target.messagesPerSecond, 'messages') : '',
    ].filter(Boolean);
    const messages = result.messagesPerSecond > 0 ? `  messages ${millions(result.messagesPerSecond).padStart(10)}` : '';
    console.log(
      `${result.name.padEnd(44)} events ${millions(result.eventsPerSecond).padStart(10)}  requests ${millions(result.requestsPerSecond).padStart(10)}${messages}  peak heap ${result.heapMB.toFixed(1).padStart(6)} MB  (${result.simulatedSeconds} simulated s in ${result.wallSeconds.toFixed(2)} s)${targets.length ? `  [${targets.join(', ')}]` : ''}`,
    );
    console.log(
      `${''.padEnd(44)} yardstick: a bare heap holding ${result.pendingEvents} events does ${millions(result.bareHeapEventsPerSecond)} here (× ${factor.toFixed(2)} of the ${millions(REFERENCE_HEAP_RATE)} the targets assume); the engine runs at ${((100 * result.eventsPerSecond) / result.bareHeapEventsPerSecond).toFixed(0)} % of it`,
    );
    const other = results.find((r) => r.result.name === bench.compareWith)?.result;
    if (other) {
      // Requests per bare-heap hold operation: how much simulation each case gets from the same machine, this run.
      const share = (r: BenchResult) => r.requestsPerSecond / r.bareHeapEventsPerSecond;
      console.log(
        `${''.padEnd(44)} share of its yardstick: ${(100 * share(result)).toFixed(2)} % (requests per bare-heap operation); "${other.name}": ${(100 * share(other)).toFixed(2)} %; ratio ${(share(result) / share(other)).toFixed(3)}`,
      );
    }
  }
  process.stderr.write('running the sweep on 1 and 2 threads…\n');
  console.log(formatSweepBench(await benchSweep()));
}
