import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { createSimulation, runScenario } from '../index';
import { buildScenario } from '../testing/build-scenario';
import type { NodeReport, Report } from '../types';

/** users → CDN → origin server; warm-up 0 so whole-run and measured counts agree. */
function cdnInFront(cdn: Record<string, unknown>, options: { duration?: number; faults?: ScenarioInput['faults'] } = {}) {
  return buildScenario({
    duration: options.duration ?? 20,
    warmup: 0,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate: 1000 }, catalogue: { items: 2000, popularity: { type: 'zipf', alpha: 1 } } },
      { id: 'cdn', kind: 'cdn', capacity: 200, ...cdn },
      { id: 'origin', kind: 'server', workers: 64, serviceTime: { type: 'constant', value: 0.01 } },
    ] as ScenarioInput['nodes'],
    links: [
      { id: 'in', from: 'users', to: 'cdn', latency: 0 },
      { id: 'to-origin', from: 'cdn', to: 'origin', latency: 0.02 },
    ],
    faults: options.faults,
  });
}

const node = (report: Report, id: string) => report.nodes.find((n) => n.id === id) as NodeReport;
const figures = (report: Report) => {
  const { cdn, cache } = node(report, 'cdn');
  if (!cdn || !cache) throw new Error('the CDN has no figures');
  return { cdn, cache };
};

describe('CDN node', () => {
  // The default CDN at the default seed: two tests below read the same run.
  let plain: Report;
  beforeAll(() => {
    plain = runScenario(cdnInFront({}));
  });

  it('offloads origin: the requests that never reach it are the hits, and bytes are counted apart', () => {
    const report = plain;
    const { cdn, cache } = figures(report);
    expect(cdn.originRequests).toBe(cache.misses);
    // Misses of the last 20 ms are still crossing the link to origin at the end (about 7).
    expect(cdn.originRequests - node(report, 'origin').arrivals).toBeGreaterThanOrEqual(0);
    expect(cdn.originRequests - node(report, 'origin').arrivals).toBeLessThan(20);
    expect(cdn.requestOffload).toBeCloseTo(cache.hitRatio, 2);
    expect(cdn.requestOffload).toBeGreaterThan(0.5);
    // Items have sizes of their own, so the byte share differs from the request share.
    expect(cdn.byteOffload).toBeGreaterThan(0.3);
    expect(cdn.byteOffload).not.toBeCloseTo(cdn.requestOffload, 4);
    expect(cdn.edges).toHaveLength(3);
    for (const edge of cdn.edges) expect(edge.requests).toBeGreaterThan(4000);
  });

  it('sends private, no-cache routes to origin every time and caches only public ones', () => {
    const { cdn, cache } = figures(runScenario(cdnInFront({ privateShare: 0.3 })));
    expect(cdn.privateRequests).toBeGreaterThan(1000);
    expect(cdn.originRequests).toBe(cdn.privateRequests + cache.misses);
    const allPrivate = figures(runScenario(cdnInFront({ privateShare: 1 })));
    expect(allPrivate.cdn.requestOffload).toBe(0);
    expect(allPrivate.cache.entries).toBe(0);
  });

  it('expires public entries after max-age', () => {
    const short = figures(runScenario(cdnInFront({ maxAge: 0.05 })));
    const long = figures(runScenario(cdnInFront({ maxAge: 300 })));
    expect(short.cache.expirations).toBeGreaterThan(1000);
    expect(short.cdn.requestOffload).toBeLessThan(long.cdn.requestOffload - 0.1);
  });

  it('rejects a share of requests at the edge with the auth check, and origin never sees them', () => {
    const report = runScenario(cdnInFront({ authRejectShare: 0.2 }));
    const { cdn, cache } = figures(report);
    expect(Math.abs(cdn.rejectedAtEdge / cdn.requests - 0.2)).toBeLessThan(0.01);
    expect(cdn.originRequests).toBe(cache.misses);
    expect(cache.hits + cache.misses + cdn.rejectedAtEdge).toBe(cdn.requests);
    // A rejection is a 401: the attempt fails as unauthorized, it is not a completed request.
    expect(report.totals.failures.unauthorized).toBe(cdn.rejectedAtEdge);
    expect(report.totals.completed + report.totals.failed + report.totals.inFlight).toBe(report.totals.sent);
    expect(report.totals.completed).toBeLessThan(report.totals.sent - cdn.rejectedAtEdge + 1);
  });

  it('resizes on a few edge threads: one thread at ρ = 0.8 queues as M/D/1 (Wq = ρ/(2μ(1−ρ)) = 20 ms)', () => {
    // Push mode with room for the whole catalogue: every request is a hit and every item an image, so the
    // one edge's single thread sees Poisson arrivals at 80/s and 10 ms of work each.
    const one = buildScenario({
      duration: 500,
      warmup: 20,
      nodes: [
        { id: 'users', kind: 'client', workload: { mode: 'open', rate: 80 }, catalogue: { items: 50, popularity: { type: 'uniform' } } },
        { id: 'cdn', kind: 'cdn', mode: 'push', capacity: 50, edges: [{ name: 'only', rtt: 0 }], resizeShare: 1, resizeTime: 0.01, edgeWorkers: 1 },
        { id: 'origin', kind: 'server', workers: 4, serviceTime: { type: 'constant', value: 0.01 } },
      ] as ScenarioInput['nodes'],
      links: [
        { id: 'in', from: 'users', to: 'cdn', latency: 0 },
        { id: 'to-origin', from: 'cdn', to: 'origin', latency: 0 },
      ],
    });
    const edge = figures(runScenario(one)).cdn.edges[0]!;
    // 38,000 resizes after warm-up: ρ within a percent, the mean wait within about 10%.
    expect(Math.abs((edge.computeUtilization ?? 0) - 0.8)).toBeLessThan(0.015);
    expect(Math.abs((edge.computeMeanWait ?? 0) - 0.02) / 0.02).toBeLessThan(0.12);
    const plenty = figures(runScenario({ ...one, nodes: one.nodes.map((n) => (n.kind === 'cdn' ? { ...n, edgeWorkers: 8 } : n)) })).cdn.edges[0]!;
    expect(plenty.computeMeanWait ?? 1).toBeLessThan(0.0005);
  });

  it('charges edge CPU and latency for image resizes', () => {
    const resized = runScenario(cdnInFront({ resizeShare: 0.5, resizeTime: 0.02 }));
    expect(figures(plain).cdn.edgeCpuSeconds).toBe(0);
    expect(figures(resized).cdn.edgeCpuSeconds).toBeGreaterThan(0.02 * 0.3 * figures(resized).cdn.requests);
    expect(resized.totals.latency.mean).toBeGreaterThan(plain.totals.latency.mean + 0.005);
  });

  it('gives each edge its own round trip: users of a far edge wait at least its RTT', () => {
    const report = runScenario(cdnInFront({ edges: [{ name: 'far', rtt: 0.15 }] }));
    expect(report.totals.latency.p50).toBeGreaterThanOrEqual(0.15);
    const near = runScenario(cdnInFront({ edges: [{ name: 'near', rtt: 0.01 }] }));
    expect(near.totals.latency.p50).toBeLessThan(0.05);
  });

  it('push: the popular items are on every edge from the start; a miss is served by origin and not stored', () => {
    const sim = createSimulation(cdnInFront({ mode: 'push' }, { duration: 5 }));
    sim.runUntil(1);
    const first = figures(sim.report());
    expect(first.cache.entries).toBe(3 * 200);
    sim.runUntil(5);
    const later = figures(sim.report());
    expect(later.cache.entries).toBe(3 * 200);
    expect(later.cache.evictions).toBe(0);
    // From the first second, the hit ratio is that of the top 200 items (about 0.65 for Zipf(1) over 2,000).
    expect(sim.windowsSince(0)[0]?.nodes[1]?.hitRatio).toBeGreaterThan(0.6);
  });

  it('a purge (flush) leaves every edge cold', () => {
    const sim = createSimulation(cdnInFront({}, { duration: 10, faults: [{ at: 5, node: 'cdn', action: 'flush' }] }), { window: 0.5 });
    sim.runUntil(5.001);
    expect(figures(sim.report()).cache.entries).toBeLessThan(10);
    sim.runUntil(10);
    const windows = sim.windowsSince(0);
    const at = windows.findIndex((w) => w.start >= 5 - 1e-6);
    expect(windows[at]?.nodes[2]?.served as number).toBeGreaterThan(1.5 * (windows[at - 1]?.nodes[2]?.served as number));
  });
});

describe('CDN theory', () => {
  it("pull with no max-age: each edge's hit ratio is near Che over the public items", () => {
    const report = runScenario({ ...cdnInFront({ maxAge: null, privateShare: 0.2 }, { duration: 60 }), warmup: 20 });
    const { cdn, cache } = figures(report);
    expect(cache.theoryModel).toBe('che');
    for (const edge of cdn.edges) {
      expect(edge.theory).toBe(cache.theory);
      // About 10,000 public reads per edge after warm-up: standard error ≈ 0.005.
      expect(Math.abs(edge.hitRatio - (cache.theory as number))).toBeLessThan(0.025);
    }
  });

  it('push: the hit ratio is the top-C sum of the public items from the first window, per edge', () => {
    const sim = createSimulation(cdnInFront({ mode: 'push' }, { duration: 10 }));
    sim.runUntil(10);
    const { cache } = figures(sim.report());
    expect(cache.theoryModel).toBe('topC');
    expect(Math.abs(cache.hitRatio - (cache.theory as number))).toBeLessThan(0.02);
    const first = sim.windowsSince(0)[0]?.nodes[1]?.edgeHitRatios as number[];
    expect(first).toHaveLength(3);
    for (const ratio of first) expect(Math.abs(ratio - (cache.theory as number))).toBeLessThan(0.06);
  });
});
