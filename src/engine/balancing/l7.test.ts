import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { runScenario } from '../simulation';
import { buildScenario } from '../testing/build-scenario';

const mix = [
  { method: 'GET', path: '/api/items', weight: 70 },
  { method: 'POST', path: '/api/cart', weight: 20 },
  { method: 'GET', path: '/static/logo.png', weight: 10 },
];

function web(balancer: Record<string, unknown>, https = false, addresses = 1000) {
  return buildScenario({
    duration: 200,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate: 100 }, mix, https, addresses },
      { id: 'lb', kind: 'loadBalancer', ...balancer },
      { id: 'api-1', kind: 'server', workers: 2, serviceTime: { type: 'exponential', mean: 0.005 }, tlsCost: 0.004 },
      { id: 'api-2', kind: 'server', workers: 2, serviceTime: { type: 'exponential', mean: 0.005 }, tlsCost: 0.004 },
      { id: 'static', kind: 'server', workers: 2, serviceTime: { type: 'exponential', mean: 0.002 }, tlsCost: 0.004 },
    ] as ScenarioInput['nodes'],
    links: [
      { id: 'in', from: 'users', to: 'lb' },
      { id: 'a1', from: 'lb', to: 'api-1' },
      { id: 'a2', from: 'lb', to: 'api-2' },
      { id: 'st', from: 'lb', to: 'static' },
    ],
  });
}

const node = (report: ReturnType<typeof runScenario>, id: string) => report.nodes.find((n) => n.id === id)!;

describe('L7 balancing', () => {
  it('routes by path prefix: /static to its pool, everything else to the servers no rule names', () => {
    const report = runScenario(web({ layer: 'L7', routes: [{ pathPrefix: '/static', targets: ['static'] }] }), { window: 0 });
    const staticShare = node(report, 'static').arrivals / report.totals.sent;
    expect(Math.abs(staticShare - 0.1)).toBeLessThan(0.015);
    const arrived = node(report, 'api-1').arrivals + node(report, 'api-2').arrivals + node(report, 'static').arrivals;
    expect(report.totals.sent - arrived).toBeLessThanOrEqual(report.totals.inFlight);
  });

  it('an L4 balancer without routes spreads every path over every server', () => {
    const report = runScenario(web({ layer: 'L4', preset: 'haproxyTcp' }), { window: 0 });
    expect(Math.abs(node(report, 'static').arrivals / report.totals.sent - 1 / 3)).toBeLessThan(0.01);
  });

  it('terminating TLS moves its CPU cost from the servers to the balancer', () => {
    const atServers = runScenario(web({ layer: 'L7' }, true), { window: 0 });
    const atBalancer = runScenario(web({ layer: 'L7', tlsTermination: true, tlsCost: 0.004, workers: 2 }, true), { window: 0 });
    const serverBusy = (r: typeof atServers) => ['api-1', 'api-2', 'static'].reduce((a, id) => a + node(r, id).utilization * 2, 0);
    // 100 requests/s × 4 ms of TLS = 0.4 busy cores move from the servers to the balancer.
    expect(serverBusy(atServers) - serverBusy(atBalancer)).toBeCloseTo(0.4, 1);
    expect(node(atBalancer, 'lb').utilization * 2).toBeCloseTo(0.4, 1);
    expect(node(atServers, 'lb').utilization).toBe(0);
  });

  it('a sticky cookie keeps each user on the server that first answered them', () => {
    // One user (one address): random balancing spreads them, a cookie pins them.
    const loose = runScenario(web({ layer: 'L7', algorithm: 'random' }, false, 1), { window: 0 });
    const sticky = runScenario(web({ layer: 'L7', stickySessions: true, algorithm: 'random' }, false, 1), { window: 0 });
    for (const t of node(loose, 'lb').targets!) expect(Math.abs(t.share - 1 / 3)).toBeLessThan(0.02);
    expect(Math.max(...node(sticky, 'lb').targets!.map((t) => t.share))).toBe(1);
  });
});

describe('L7 request rewriting', () => {
  /** edge rewrites /v2/… to /api/…; the inner balancer sends /api to its api pool and the rest elsewhere. */
  function chain(rewritePrefix: string | null) {
    return buildScenario({
      duration: 50,
      nodes: [
        { id: 'users', kind: 'client', workload: { mode: 'open', rate: 100 }, mix: [{ method: 'GET', path: '/v2/items', weight: 1 }] },
        { id: 'edge', kind: 'loadBalancer', routes: [{ pathPrefix: '/v2', targets: ['inner'], rewritePrefix }] },
        { id: 'inner', kind: 'loadBalancer', routes: [{ pathPrefix: '/api', targets: ['api'] }] },
        { id: 'api', kind: 'server', workers: 4, serviceTime: { type: 'exponential', mean: 0.005 } },
        { id: 'legacy', kind: 'server', workers: 4, serviceTime: { type: 'exponential', mean: 0.005 } },
      ] as ScenarioInput['nodes'],
      links: [
        { id: 'in', from: 'users', to: 'edge' },
        { id: 'e-i', from: 'edge', to: 'inner' },
        { id: 'i-a', from: 'inner', to: 'api' },
        { id: 'i-l', from: 'inner', to: 'legacy' },
      ],
    });
  }

  it('a rewritten path is what the next balancer matches', () => {
    const plain = runScenario(chain(null), { window: 0 });
    const rewritten = runScenario(chain('/api'), { window: 0 });
    expect(node(plain, 'api').arrivals).toBe(0);
    expect(node(plain, 'legacy').arrivals).toBeGreaterThan(4000);
    expect(node(rewritten, 'legacy').arrivals).toBe(0);
    expect(node(rewritten, 'api').arrivals).toBeGreaterThan(4000);
  });
});
