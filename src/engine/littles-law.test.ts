import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from './index';
import { buildScenario } from './testing/build-scenario';
import type { NodeReport } from './types';

/*
 * Little's law, L = λW, for each node, the links and the whole system.
 *
 * It is a sample-path law and needs no statistics: it holds on every run up to
 * the requests cut by the edges of the measured window, and the tolerances
 * are stated from that.
 */

describe("Little's law on client → load balancer → 3 servers → database", () => {
  const rate = 150;
  const warmup = 100;
  const duration = 1100;
  const links = { clientToBalancer: 0.02, balancerToServer: 0.0005, serverToDatabase: 0.001 };
  const servers = ['app-1', 'app-2', 'app-3'];
  const scenario = buildScenario({
    name: 'web tier',
    duration,
    warmup,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate }, writeRatio: 0.25 },
      { id: 'lb', kind: 'loadBalancer' },
      ...servers.map((id) => ({
        id,
        kind: 'server' as const,
        workers: 2,
        serviceTime: { type: 'lognormal' as const, mean: 0.024, cv: 1 },
      })),
      {
        id: 'db',
        kind: 'database',
        workers: 2,
        readTime: { type: 'exponential', mean: 0.004 },
        writeTime: { type: 'exponential', mean: 0.008 },
      },
    ],
    links: [
      { id: 'users-lb', from: 'users', to: 'lb', latency: links.clientToBalancer },
      ...servers.map((id) => ({ id: `lb-${id}`, from: 'lb', to: id, latency: links.balancerToServer })),
      ...servers.map((id) => ({ id: `${id}-db`, from: id, to: 'db', latency: links.serverToDatabase })),
    ],
  });
  const roundTrip = 2 * (links.clientToBalancer + links.balancerToServer + links.serverToDatabase);

  it('holds for each node, for the links and for the whole system (≈150,000 requests)', () => {
    const sim = createSimulation(scenario, { seed: 7, window: 0 });
    sim.runUntil(warmup);
    // Time-average of requests in flight, exactly: the count is constant between events.
    let inFlight = sim.inFlight;
    let last = sim.now;
    let area = 0;
    while (sim.peek() <= duration) {
      sim.step();
      area += inFlight * (sim.now - last);
      last = sim.now;
      inFlight = sim.inFlight;
    }
    area += inFlight * (duration - last);
    sim.runUntil(duration);
    const report = sim.report();
    expect(report.totals.failed).toBe(0);

    // Little's law is a sample-path identity: L and λW differ only by the
    // requests in the node when measurement starts and ends, a few out of
    // ~150,000, so a 1% tolerance is loose for the law and tight for a bug
    // (counting the warm-up, or only the queue, shifts a figure by far more).
    const stations = report.nodes.filter((n) => n.kind === 'server' || n.kind === 'database');
    expect(stations).toHaveLength(4);
    for (const node of stations) {
      expect(node.meanInSystem, `${node.id}: L = ${node.meanInSystem}, λW = ${node.throughput * node.latency.mean}`).toBeGreaterThan(0);
      expect(Math.abs(node.meanInSystem - node.throughput * node.latency.mean) / node.meanInSystem, node.id).toBeLessThan(0.01);
    }
    // Round robin splits the load evenly, and every request visits the database.
    const db = stations.find((n) => n.id === 'db') as NodeReport;
    for (const node of stations) if (node !== db) expect(Math.abs(node.throughput - rate / 3) / (rate / 3)).toBeLessThan(0.02);
    expect(Math.abs(db.throughput - rate) / rate).toBeLessThan(0.02);

    // The whole system: time-averaged in flight = throughput × end-to-end mean latency.
    const systemL = area / (duration - warmup);
    const X = report.totals.throughput;
    const W = report.totals.latency.mean;
    expect(Math.abs(systemL - X * W) / systemL).toBeLessThan(0.01);

    // The parts add up: in flight = in the nodes + on the links, where each
    // request spends the round trip on links (Little's law for the links).
    const inNodes = stations.reduce((sum, n) => sum + n.meanInSystem, 0);
    expect(Math.abs(systemL - (inNodes + X * roundTrip)) / systemL).toBeLessThan(0.01);

    // End-to-end latency = the links' round trip + the server's time + the database's time.
    const servedByServers = stations.filter((n) => n !== db).reduce((sum, n) => sum + n.throughput, 0);
    const serverTime = stations.filter((n) => n !== db).reduce((sum, n) => sum + n.throughput * n.latency.mean, 0) / servedByServers;
    expect(Math.abs(W - (roundTrip + serverTime + db.latency.mean)) / W).toBeLessThan(0.005);
  });
});

describe("Little's law at a load balancer that spends CPU on each request", () => {
  /*
   * A balancer with an overhead (or TLS termination) has workers and a
   * waiting line, and reports them like a station. Here 1,000 requests/s on
   * 2 workers at 1.5 ms each keep it 75% busy: about 1.5 requests are in
   * service on average and, as in M/D/2, many wait.
   */
  it('reports its requests in system, its latency and its wait, consistently with L = λW', () => {
    const overhead = 0.0015;
    const workers = 2;
    const scenario = buildScenario({
      name: 'busy balancer',
      duration: 220,
      warmup: 20,
      nodes: [
        { id: 'users', kind: 'client', workload: { mode: 'open', rate: 1000 } },
        { id: 'lb', kind: 'loadBalancer', overhead, workers },
        { id: 'app', kind: 'server', workers: 4, serviceTime: { type: 'exponential', mean: 0.002 } },
      ],
      links: [
        { id: 'users-lb', from: 'users', to: 'lb', latency: 0.001 },
        { id: 'lb-app', from: 'lb', to: 'app', latency: 0.001 },
      ],
    });
    const report = runScenario(scenario, { seed: 11, window: 0 });
    const lb = report.nodes.find((n) => n.id === 'lb') as NodeReport;
    const app = report.nodes.find((n) => n.id === 'app') as NodeReport;
    expect(Math.abs(lb.utilization - 0.75)).toBeLessThan(0.01);
    // In service alone there are utilization × workers requests; waiting ones come on top.
    expect(lb.meanInSystem).toBeGreaterThanOrEqual(lb.utilization * workers);
    expect(lb.latency.mean).toBeGreaterThanOrEqual(overhead);
    expect(lb.waitProbability).toBeGreaterThan(0);
    expect(Math.abs(lb.meanInSystem - lb.throughput * lb.latency.mean) / lb.meanInSystem).toBeLessThan(0.01);
    // End to end = links both ways + the balancer's time + the server's time.
    const expected = 2 * (0.001 + 0.001) + lb.latency.mean + app.latency.mean;
    expect(Math.abs(report.totals.latency.mean - expected) / expected).toBeLessThan(0.005);
  });
});
