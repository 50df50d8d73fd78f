import fc from 'fast-check';
import { parseScenario } from '../../scenario/parse';
import { CACHE_STRATEGIES, EVICTION_POLICIES } from '../../scenario/cache-schema';
import { type Distribution, LoadBalancingAlgorithmSchema, type NodeKind, type Scenario, type ScenarioInput } from '../../scenario/schema';

/*
 * Random small systems for the engine's property tests: client(s) → (load
 * balancer) → servers → (database), with random rates, workers, queue
 * capacities, service times, link latencies (zero included, so events tie),
 * hop limits, timeouts and retries; the balancer uses any of the algorithms,
 * with or without its own processing time and health checks, clients may use
 * HTTPS, and servers and the database may crash, restart, slow down and
 * recover. Only tests import this module (it pulls in fast-check).
 */

/** A duration in seconds between min and max. */
export const seconds = (min: number, max: number) => fc.double({ min, max, noNaN: true });

/** Any of the service-time distributions, with means up to 50 ms. */
export const distribution: fc.Arbitrary<Distribution> = fc.oneof(
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

/** A client: open or closed workload, with or without HTTPS, timeout and retries. */
export const client = fc.record({
  https: fc.boolean(),
  workload: fc.oneof(
    fc.record({ mode: fc.constant('open' as const), rate: seconds(1, 400) }),
    fc.record({ mode: fc.constant('closed' as const), users: fc.integer({ min: 1, max: 20 }), thinkTime }),
  ),
  timeout: fc.option(seconds(0.005, 0.3), { nil: null }),
  retries: fc.record({ count: fc.integer({ min: 0, max: 2 }), backoff: seconds(0, 0.05), jitter: fc.boolean(), honourRetryAfter: fc.boolean() }),
  writeRatio: seconds(0, 1),
  invalidCredentials: fc.oneof(fc.constant(0), seconds(0, 1)),
});

const stationFields = {
  workers: fc.integer({ min: 1, max: 4 }),
  queueCapacity: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
};
/** A machine behind a server: few cores, a slow disk, memory that may page, batching and compression. */
const resources = fc.record({
  cores: fc.integer({ min: 1, max: 4 }),
  ramMB: seconds(100, 1000),
  workingSetMB: seconds(0, 1000),
  pagingSlowdown: seconds(1, 20),
  diskIops: seconds(50, 5000),
  diskMBps: seconds(10, 500),
  networkMbps: seconds(10, 1000),
  batchSize: fc.integer({ min: 1, max: 4 }),
  compression: fc.option(fc.record({ ratio: seconds(1, 5), cpuPerMB: seconds(0, 0.01) }), { nil: null }),
  demands: fc.array(
    fc.record({
      method: fc.constantFrom('ANY' as const, 'GET' as const, 'POST' as const),
      pathPrefix: fc.constantFrom('/', '/api'),
      cpuFactor: seconds(0, 3),
      diskOps: seconds(0, 3),
      diskMB: seconds(0, 0.5),
      networkMB: seconds(0, 0.5),
      memoryMB: seconds(0, 200),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});
/** A server with any service-time distribution, with or without a machine's resources. */
export const server = fc.record({ ...stationFields, serviceTime: distribution, resources: fc.option(resources, { nil: undefined, freq: 3 }) });
/** A database with its own read and write times. */
export const database = fc.record({
  ...stationFields,
  readTime: distribution,
  writeTime: distribution,
  shards: fc.integer({ min: 1, max: 3 }),
  readReplicas: fc.integer({ min: 0, max: 2 }),
  replicationLag: distribution,
  maxConnections: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
});

/** A load balancer: any algorithm, with or without overhead, TLS termination and health checks. */
export const balancer = fc.record({
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

/** A session store: workers, a queue and a lookup time. */
export const sessionStore = fc.record({ ...stationFields, serviceTime: distribution });

/** A parallel job: N up to 8, any serial fraction, a little contention and coherency. */
export const parallelJob = fc.record({
  workers: fc.integer({ min: 1, max: 8 }),
  queueCapacity: stationFields.queueCapacity,
  workTime: fc.oneof(
    fc.record({ type: fc.constant('exponential' as const), mean: seconds(1e-4, 0.05) }),
    fc.record({ type: fc.constant('constant' as const), value: seconds(1e-4, 0.05) }),
  ),
  serialFraction: seconds(0, 1),
  contention: seconds(0, 0.2),
  coherency: seconds(0, 0.05),
});

/** A cache with any eviction policy, strategy and invalidation; TTL-only eviction gets a TTL. */
export const cache = fc
  .record({
    capacity: fc.integer({ min: 1, max: 50 }),
    eviction: fc.constantFrom(...EVICTION_POLICIES),
    ttl: fc.option(seconds(0.01, 2), { nil: null }),
    hitTime: seconds(0, 0.002),
    missTime: seconds(0, 0.002),
    strategy: fc.constantFrom(...CACHE_STRATEGIES),
    invalidation: fc.oneof(
      fc.constant({ type: 'ttl' as const }),
      fc.record({ type: fc.constant('event' as const), delay: seconds(0, 0.1) }),
      fc.constant({ type: 'version' as const }),
    ),
    flushInterval: seconds(0.05, 1),
    workers: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  })
  .map((c) => (c.eviction === 'ttl' && c.ttl === null ? { ...c, ttl: 0.5 } : c));

/** A CDN: one to three edges, pull or push, with or without max-age, private responses, auth rejects and resizing. */
export const cdn = fc.record({
  edges: fc.array(fc.record({ rtt: seconds(0, 0.05), weight: seconds(0.1, 3) }), { minLength: 1, maxLength: 3 }).map((edges) => edges.map((e, i) => ({ name: `edge ${i}`, ...e }))),
  mode: fc.constantFrom('pull' as const, 'push' as const),
  capacity: fc.integer({ min: 1, max: 50 }),
  maxAge: fc.option(seconds(0.05, 2), { nil: null }),
  privateShare: seconds(0, 1),
  authRejectShare: seconds(0, 0.5),
  resizeShare: seconds(0, 1),
  edgeWorkers: fc.integer({ min: 1, max: 4 }),
});

/** A message queue: any ack latency, capacity, prefetch, visibility timeout, delivery limit and age bound. */
export const messageQueue = fc.record({
  ackLatency: seconds(0, 0.01),
  capacity: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
  prefetch: fc.integer({ min: 1, max: 4 }),
  visibilityTimeout: seconds(0.005, 1),
  maxDeliveries: fc.integer({ min: 1, max: 5 }),
  maxAge: fc.option(seconds(0.05, 2), { nil: null }),
});

/** A topic: any ack latency. */
export const topic = fc.record({ ackLatency: seconds(0, 0.01) });

/**
 * An API gateway in front of the node "back": no routes (straight on), one
 * route to it, or a composed route calling it several times with a quorum
 * and a timeout; any auth mode ("back" doubles as the auth service) and any
 * rate limit. Clients send a share of requests without valid credentials.
 */
export const gateway = fc
  .record({
    workers: fc.integer({ min: 1, max: 8 }),
    queueCapacity: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
    overhead: seconds(0, 0.002),
    tlsTermination: fc.boolean(),
    transformCostPerKB: seconds(0, 0.0005),
    auth: fc.record({ mode: fc.constantFrom('none' as const, 'local' as const, 'service' as const), checkCost: seconds(0, 0.001), cacheTtl: seconds(0, 1) }),
    rateLimit: fc.record({
      policy: fc.constantFrom('none' as const, 'tokenBucket' as const, 'slidingWindow' as const),
      scope: fc.constantFrom('global' as const, 'perClient' as const, 'perRoute' as const),
      rate: seconds(1, 200),
      burst: fc.integer({ min: 1, max: 20 }),
      limit: fc.integer({ min: 1, max: 50 }),
      window: seconds(0.05, 1),
    }),
    fanOut: fc.integer({ min: 0, max: 3 }),
    quorum: fc.integer({ min: 1, max: 3 }),
    timeout: fc.option(seconds(0.005, 0.2), { nil: null }),
  })
  .map(({ fanOut, quorum, timeout, auth, ...g }) => ({
    ...g,
    auth: { ...auth, service: auth.mode === 'service' ? 'back' : null },
    routes:
      fanOut === 0
        ? []
        : [{ pathPrefix: '/', services: Array.from({ length: fanOut }, () => 'back'), quorum: Math.min(quorum, fanOut), timeout }],
  }));

/** A service registry: any mode, TTL, resolvers, heartbeat timeout and look-up cost. */
export const registry = fc.record({
  mode: fc.constantFrom('clientSide' as const, 'serverSide' as const, 'dns' as const),
  ttl: seconds(0, 1),
  resolvers: fc.integer({ min: 1, max: 4 }),
  heartbeatTimeout: seconds(0, 1),
  lookupLatency: seconds(0, 0.01),
});

/** A connection pooler: few server connections, a client-connection limit, with or without a wait timeout. */
export const pooler = fc.record({
  maxClientConnections: fc.integer({ min: 1, max: 50 }),
  serverConnections: fc.integer({ min: 1, max: 4 }),
  waitTimeout: fc.option(seconds(0.001, 0.5), { nil: null }),
  overhead: seconds(0, 0.002),
});

/** A link's connection policy: a handshake of any length and TLS cost, a new connection per call or a pool with any timeouts. */
export const connection = fc.record({
  handshakeRoundTrips: fc.integer({ min: 0, max: 3 }),
  tlsCpu: seconds(0, 0.002),
  pool: fc.option(
    fc.record({
      size: fc.integer({ min: 1, max: 6 }),
      idleTimeout: fc.option(seconds(0.001, 1), { nil: null }),
      waitTimeout: fc.option(seconds(0.001, 0.5), { nil: null }),
    }),
    { nil: null },
  ),
});

/**
 * Each node kind's random fields, for the property tests that put every kind
 * into a system: a kind added to the schema fails the type-check here until
 * the tests can build one.
 */
export const KIND_ARBITRARIES: { readonly [K in NodeKind]: fc.Arbitrary<object> } = {
  client,
  loadBalancer: balancer,
  server,
  database,
  cache,
  cdn,
  sessionStore,
  messageQueue,
  topic,
  parallelJob,
  gateway,
  registry,
  pooler,
};

export interface SystemOptions {
  /** Smallest link latency; above zero, no two hops of one response leave at the same instant. */
  minLatency?: number;
}

/** A random small system as a validated scenario. */
export function system(options: SystemOptions = {}): fc.Arbitrary<Scenario> {
  const latency = seconds(options.minLatency ?? 0, 0.01);
  return fc
    .record({
      clients: fc.array(client, { minLength: 1, maxLength: 2 }),
      balancer: fc.option(balancer, { nil: null }),
      servers: fc.array(
        fc.record({ node: server, latency, weight: seconds(0.1, 5), dbLatency: latency, dbConnection: fc.option(connection, { nil: undefined }) }),
        { minLength: 1, maxLength: 4 },
      ),
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
      const link = (from: string, to: string, latency: number, weight = 1, connection?: ScenarioInput['links'][number]['connection']): void => {
        links.push({ id: `${from}-${to}`, from, to, latency, weight, ...(connection && { connection }) });
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
        if (s.database) link(`server-${j}`, 'db', srv.dbLatency, 1, srv.dbConnection);
      }
      const parsed = parseScenario({
        version: 4,
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
export const slices = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }).map((xs) => [...xs, 1].sort((a, b) => a - b));
