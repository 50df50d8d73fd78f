import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { QueueingStation } from '../components/queueing-station';
import { EventKind } from '../component';
import { runScenario } from '../index';
import { RequestFlag } from '../request-pool';
import { buildScenario } from '../testing/build-scenario';
import { seconds } from '../testing/arbitrary-systems';
import type { NodeReportOf, Report } from '../types';

type NodeInput = ScenarioInput['nodes'][number];

const gatewayOf = (report: Report) => report.nodes.find((n) => n.id === 'gw') as NodeReportOf<'gateway'>;

describe('a request without valid credentials', () => {
  afterEach(() => vi.restoreAllMocks());

  it('never reaches a backend, whatever the auth mode, limit, routes and timing (property)', () => {
    // Every arrival at a server is inspected; the auth service is the one server that must see bad tokens.
    const seen: { node: string; invalid: boolean }[] = [];
    const original = QueueingStation.prototype.handle;
    vi.spyOn(QueueingStation.prototype, 'handle').mockImplementation(function (this: QueueingStation, kind, request, time) {
      if (kind === EventKind.arrive) {
        const flags = (this as unknown as { ctx: { requests: { flags: Uint8Array } } }).ctx.requests.flags[request] as number;
        seen.push({ node: this.id, invalid: (flags & RequestFlag.invalidCredentials) !== 0 });
      }
      original.call(this, kind, request, time);
    });
    fc.assert(
      fc.property(
        fc.record({
          rate: seconds(10, 300),
          invalid: seconds(0.01, 1),
          mode: fc.constantFrom('local' as const, 'service' as const),
          cacheTtl: seconds(0, 2),
          fanOut: fc.integer({ min: 1, max: 3 }),
          retries: fc.integer({ min: 0, max: 2 }),
          limit: fc.constantFrom('none' as const, 'tokenBucket' as const, 'slidingWindow' as const),
          latency: seconds(0, 0.01),
          seed: fc.integer({ min: 0, max: 2 ** 31 }),
        }),
        (p) => {
          seen.length = 0;
          const backends = Array.from({ length: p.fanOut }, (_, i) => `svc-${i}`);
          const report = runScenario(
            buildScenario({
              duration: 2,
              seed: p.seed,
              nodes: [
                { id: 'users', kind: 'client', workload: { mode: 'open', rate: p.rate }, invalidCredentials: p.invalid, retries: { count: p.retries, backoff: 0.01, jitter: true } },
                {
                  id: 'gw',
                  kind: 'gateway',
                  auth: { mode: p.mode, service: p.mode === 'service' ? 'auth' : null, cacheTtl: p.cacheTtl },
                  rateLimit: { policy: p.limit, rate: 100, burst: 5, limit: 50, window: 0.5 },
                  routes: [{ pathPrefix: '/', services: backends }],
                },
                { id: 'auth', kind: 'server', workers: 4, queueCapacity: 10, serviceTime: { type: 'exponential', mean: 0.002 } },
                ...backends.map((id): NodeInput => ({ id, kind: 'server', workers: 4, queueCapacity: 20, serviceTime: { type: 'exponential', mean: 0.005 } })),
              ],
              links: [
                { id: 'in', from: 'users', to: 'gw', latency: p.latency },
                { id: 'to-auth', from: 'gw', to: 'auth', latency: p.latency },
                ...backends.map((id) => ({ id: `to-${id}`, from: 'gw', to: id, latency: p.latency })),
              ],
            }),
          );
          expect(seen.filter((s) => s.node !== 'auth' && s.invalid)).toEqual([]);
          // The property is not empty: bad tokens did arrive, and were answered 401.
          if (gatewayOf(report).gateway.admitted * p.invalid > 10) expect(report.totals.failures.unauthorized).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('per-tenant rate limits', () => {
  it('raising one tenant’s rate never lowers another tenant’s admitted rate (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          rates: fc.array(seconds(5, 200), { minLength: 2, maxLength: 4 }),
          raise: seconds(1.1, 20),
          policy: fc.constantFrom('tokenBucket' as const, 'slidingWindow' as const),
          limitRate: seconds(10, 100),
          burst: fc.integer({ min: 1, max: 20 }),
          seed: fc.integer({ min: 0, max: 2 ** 31 }),
        }),
        (p) => {
          const run = (rates: number[]) => {
            const tenants = rates.map((rate, i): NodeInput => ({ id: `tenant-${i}`, kind: 'client', workload: { mode: 'open', rate } }));
            const report = runScenario(
              buildScenario({
                duration: 5,
                seed: p.seed,
                nodes: [
                  ...tenants,
                  {
                    id: 'gw',
                    kind: 'gateway',
                    queueCapacity: null,
                    rateLimit: { policy: p.policy, scope: 'perClient', rate: p.limitRate, burst: p.burst, limit: Math.round(p.limitRate), window: 1 },
                  },
                  { id: 'api', kind: 'server', workers: 8, queueCapacity: null, serviceTime: { type: 'exponential', mean: 0.002 } },
                ],
                links: [...tenants.map((t) => ({ id: `${t.id}-in`, from: t.id, to: 'gw', latency: 0.001 })), { id: 'on', from: 'gw', to: 'api', latency: 0.001 }],
              }),
            );
            return gatewayOf(report).gateway.limiter?.admitted ?? [];
          };
          const before = run(p.rates);
          const after = run(p.rates.map((rate, i) => (i === 0 ? rate * p.raise : rate)));
          for (let i = 1; i < p.rates.length; i++) expect(after[i]).toBeGreaterThanOrEqual(before[i] as number);
        },
      ),
      { numRuns: 30 },
    );
  });
});
