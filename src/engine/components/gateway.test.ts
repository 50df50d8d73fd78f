import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { runScenario } from '../index';
import { buildScenario } from '../testing/build-scenario';
import type { NodeReportOf, Report } from '../types';

type NodeInput = ScenarioInput['nodes'][number];

/** client(s) → gateway → services, zero link latency and no gateway CPU unless a test sets it. */
function behindGateway(options: {
  clients: NodeInput[];
  gateway: Record<string, unknown>;
  services: NodeInput[];
  duration: number;
  seed?: number;
}) {
  const free = { overhead: 0, tlsTermination: false, workers: 64, queueCapacity: null };
  return buildScenario({
    duration: options.duration,
    warmup: 0,
    seed: options.seed ?? 1,
    nodes: [...options.clients, { id: 'gw', kind: 'gateway', ...free, ...options.gateway } as NodeInput, ...options.services],
    links: [
      ...options.clients.map((c) => ({ id: `${c.id}-in`, from: c.id, to: 'gw', latency: 0 })),
      ...options.services.map((s) => ({ id: `to-${s.id}`, from: 'gw', to: s.id, latency: 0 })),
    ],
  });
}

const openClient = (id: string, rate: number, extra: object = {}): NodeInput => ({ id, kind: 'client', workload: { mode: 'open', rate }, ...extra });
const service = (id: string, mean: number, workers = 4096): NodeInput => ({ id, kind: 'server', workers, serviceTime: { type: 'exponential', mean } });
const gatewayOf = (report: Report) => report.nodes.find((n) => n.id === 'gw') as NodeReportOf<'gateway'>;

describe('token bucket at the gateway', () => {
  // λ above and below r; 1000 simulated seconds, 50,000 to 200,000 arrivals.
  const cases = [
    { lambda: 200, rate: 100 },
    { lambda: 50, rate: 100 },
  ];
  const reports: Report[] = [];
  beforeAll(() => {
    for (const { lambda, rate } of cases) {
      reports.push(
        runScenario(
          behindGateway({
            clients: [openClient('users', lambda)],
            gateway: { rateLimit: { policy: 'tokenBucket', rate, burst: 10 } },
            services: [service('api', 0.001)],
            duration: 1000,
          }),
        ),
      );
    }
  });

  it('admits min(λ, r) a second over a long run, within 2 %', () => {
    cases.forEach(({ lambda, rate }, i) => {
      const g = gatewayOf(reports[i] as Report).gateway;
      const admittedRate = g.admitted / 1000;
      expect(Math.abs(admittedRate / Math.min(lambda, rate) - 1)).toBeLessThan(0.02);
      expect(g.admitted + g.throttled).toBe(gatewayOf(reports[i] as Report).arrivals);
    });
  });

  it('answers the rest 429: the totals count them as throttled', () => {
    const report = reports[0] as Report;
    expect(report.totals.failures.throttled).toBe(gatewayOf(report).gateway.throttled);
    expect(report.totals.failures.throttled).toBeGreaterThan(90_000);
  });
});

describe('Retry-After', () => {
  // One user who sends every 10 ms against one token a second: nearly every request is throttled once.
  const oneUser = (honour: boolean) =>
    runScenario(
      behindGateway({
        clients: [
          {
            id: 'users',
            kind: 'client',
            workload: { mode: 'closed', users: 1, thinkTime: { type: 'constant', value: 0.01 } },
            retries: { count: 3, backoff: 0.001, jitter: false, honourRetryAfter: honour },
          },
        ],
        gateway: { rateLimit: { policy: 'tokenBucket', rate: 1, burst: 1 } },
        services: [service('api', 0.001)],
        duration: 100,
      }),
    );

  it('a client that honours it waits that long, so its one retry passes', () => {
    const report = oneUser(true);
    // Every throttled attempt was retried once, and that retry got the token.
    expect(report.totals.retries).toBe(report.totals.failures.throttled);
    expect(report.totals.completed).toBeGreaterThan(95);
  });

  it('a client that only backs off spends its retries inside the wait and gives up', () => {
    const report = oneUser(false);
    // Requests given up: failed attempts not followed by a retry. About 100 a second.
    expect(report.totals.failures.throttled - report.totals.retries).toBeGreaterThan(5000);
  });
});

describe('authentication at the edge', () => {
  it('answers requests without valid credentials 401; the totals and the gateway count them', () => {
    const report = runScenario(
      behindGateway({
        clients: [openClient('users', 200, { invalidCredentials: 0.25 })],
        gateway: { auth: { mode: 'local', checkCost: 0.0001 } },
        services: [service('api', 0.001)],
        duration: 50,
      }),
    );
    const g = gatewayOf(report).gateway;
    expect(report.totals.failures.unauthorized).toBe(g.unauthorized);
    expect(g.unauthorized / report.totals.sent).toBeGreaterThan(0.23);
    expect(g.unauthorized / report.totals.sent).toBeLessThan(0.27);
    // With no link latency a request is answered 401, still at the gateway, or has reached the service.
    const api = report.nodes.find((n) => n.id === 'api');
    expect(api?.arrivals).toBe(report.totals.sent - g.unauthorized - gatewayOf(report).inSystem);
  });

  it('with an auth service, calls it once per token until the cache entry expires', () => {
    const report = runScenario(
      behindGateway({
        clients: [openClient('users', 500, { addresses: 50 })],
        gateway: { auth: { mode: 'service', service: 'auth', cacheTtl: 1000 } },
        services: [service('api', 0.001), service('auth', 0.002)],
        duration: 20,
      }),
    );
    const g = gatewayOf(report).gateway;
    // 50 users' tokens, each checked once; a request that came while its token's first check was out is checked too.
    expect(g.authCalls).toBeGreaterThanOrEqual(50);
    expect(g.authCalls).toBeLessThan(80);
    expect(report.nodes.find((n) => n.id === 'auth')?.arrivals).toBe(g.authCalls);
    expect(g.tokenCacheHits).toBe(report.totals.sent - g.authCalls);
  });
});

describe('composition', () => {
  const mu = 10;
  const harmonic = (k: number) => Array.from({ length: k }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
  const composed = (k: number, quorum: number | null = null) =>
    runScenario(
      behindGateway({
        clients: [openClient('users', 50)],
        gateway: {
          routes: [{ pathPrefix: '/', services: Array.from({ length: k }, (_, i) => `s${i}`), quorum }],
        },
        services: Array.from({ length: k }, (_, i) => service(`s${i}`, 1 / mu)),
        duration: 600,
      }),
    );

  it.each([1, 3, 10])('k = %i exponential services in parallel: mean latency H_k/μ within 3 %', (k) => {
    // 30,000 answers; the max of k exponentials has a CV below 1, so the standard error is under 0.6 %.
    const report = composed(k);
    expect(Math.abs(report.totals.latency.mean / (harmonic(k) / mu) - 1)).toBeLessThan(0.03);
  });

  it('a quorum of 1 of 3 answers with the fastest: mean 1/(3μ) within 3 %', () => {
    const report = composed(3, 1);
    expect(Math.abs(report.totals.latency.mean / (1 / (3 * mu)) - 1)).toBeLessThan(0.03);
  });

  it('a route timeout answers 504 (timeout) when the services are slower', () => {
    const report = runScenario(
      behindGateway({
        clients: [openClient('users', 20)],
        gateway: { routes: [{ pathPrefix: '/', services: ['slow'], timeout: 0.1 }] },
        services: [{ id: 'slow', kind: 'server', workers: 100, serviceTime: { type: 'constant', value: 0.2 } }],
        duration: 20,
      }),
    );
    expect(report.totals.completed).toBe(0);
    expect(report.totals.failures.timeout).toBe(gatewayOf(report).gateway.timeouts);
    expect(report.totals.failures.timeout).toBeGreaterThan(300);
  });
});

describe('the gateway as the bottleneck', () => {
  it('its workers and queue: 1 worker at 5 ms a request and 100 a second is M/D/1 at ρ = 0.5', () => {
    const report = runScenario(
      behindGateway({
        clients: [openClient('users', 100)],
        gateway: { workers: 1, overhead: 0.005 },
        services: [service('api', 0.0001)],
        duration: 500,
      }),
    );
    const g = gatewayOf(report);
    expect(g.utilization).toBeCloseTo(0.5, 1);
    // M/D/1: Wq = ρ S / (2 (1 − ρ)) = 2.5 ms.
    expect(g.meanWait).toBeGreaterThan(0.0022);
    expect(g.meanWait).toBeLessThan(0.0028);
  });
});

describe('gateways that call each other in a cycle', () => {
  it('stop at the hop limit of the whole chain instead of calling for ever', () => {
    const report = runScenario(
      buildScenario({
        duration: 2,
        nodes: [
          openClient('users', 20),
          { id: 'gw-a', kind: 'gateway', overhead: 0, tlsTermination: false, routes: [{ services: ['gw-b'], timeout: 10 }] },
          { id: 'gw-b', kind: 'gateway', overhead: 0, tlsTermination: false, routes: [{ services: ['gw-a'], timeout: 10 }] },
        ],
        links: [
          { id: 'in', from: 'users', to: 'gw-a', latency: 0 },
          { id: 'ab', from: 'gw-a', to: 'gw-b', latency: 0 },
          { id: 'ba', from: 'gw-b', to: 'gw-a', latency: 0 },
        ],
      }),
    );
    expect(report.totals.sent).toBeGreaterThan(20);
    expect(report.totals.failures.hopLimit).toBe(report.totals.sent - report.totals.inFlight);
  });
});
