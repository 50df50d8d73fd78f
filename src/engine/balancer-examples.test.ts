import { beforeAll, describe, expect, it } from 'vitest';
import { buildHashRing, ringOwner } from './balancing/consistent-hash';
import { hashAddress } from './balancing/hashing';
import { createSimulation } from './index';
import { loadExample, nodeOf, runExample, sharesOf } from './testing/examples';
import type { Report, WindowSample } from './types';

/*
 * The write-ups of the balancer examples without a test of their own
 * (engine/write-up-checks.ts). Each runs once, headless, with its own seed;
 * "seed-1" figures are the docs' table's and are asserted at the precision
 * it prints them.
 */

describe('lb-sinkhole.json: least connections keeps choosing the crashed server', () => {
  let report: Report;
  let windows: WindowSample[];
  beforeAll(() => {
    const scenario = loadExample('lb-sinkhole.json');
    const sim = createSimulation(scenario);
    sim.runUntil(scenario.duration);
    report = sim.report();
    windows = sim.windowsSince(0);
  });
  const during = (from: number, to: number) => windows.filter((w) => w.start >= from && w.start < to);

  it('keeps each server half busy before the crash (300/s × 20 ms over 12 workers)', () => {
    // Servers are nodes 2, 3, 4; 20 windows of about 100 requests each.
    for (const n of [2, 3, 4]) {
      const busy = during(0, 20).reduce((sum, w) => sum + w.nodes[n]!.utilization, 0) / 20;
      expect(Math.abs(busy - 0.5)).toBeLessThan(0.05);
    }
  });

  it('while app-2 is down about two requests in three fail, and the healthy servers get less work than before', () => {
    const down = during(21, 60);
    const failed = down.reduce((sum, w) => sum + w.failed, 0);
    const settled = down.reduce((sum, w) => sum + w.failed + w.completed, 0);
    expect(Math.abs(failed / settled - 2 / 3)).toBeLessThan(0.06);
    for (const n of [2, 4]) {
      const before = during(0, 20).reduce((sum, w) => sum + w.nodes[n]!.served, 0) / 20;
      const after = down.reduce((sum, w) => sum + w.nodes[n]!.served, 0) / down.length;
      expect(after).toBeLessThan(before * 0.8);
    }
  });

  it('seed-1: app-2 gets 47% of all requests, 7,883 fail with nodeDown (29%), throughput 215/s', () => {
    expect(sharesOf(report, 'lb')['app-2']).toBeCloseTo(0.47, 2);
    expect(report.totals.failures.nodeDown).toBe(7883);
    expect(report.totals.failed).toBe(7883);
    expect(Math.round((report.totals.failed / report.totals.sent) * 100)).toBe(29);
    expect(Math.round(report.totals.throughput)).toBe(215);
  });
});

describe('lb-health-checks.json: probes and passive ejection keep the crashed server out', () => {
  let report: Report;
  beforeAll(() => {
    report = runExample(loadExample('lb-health-checks.json'));
  });

  it('ejects app-2 within a few hundredths of a second, the probes keep it out, it rejoins about 1.7 s after the restart', () => {
    const timeline = nodeOf(report, 'lb').healthTimeline ?? [];
    const [ejected, probed, rejoined] = timeline;
    expect(ejected).toMatchObject({ target: 'app-2', eligible: false, out: 'ejected' });
    expect(ejected!.time - 20).toBeLessThan(0.05);
    expect(probed).toMatchObject({ target: 'app-2', eligible: false, out: 'probes' });
    expect(rejoined).toMatchObject({ target: 'app-2', eligible: true });
    expect(rejoined!.time - 60).toBeCloseTo(1.7, 1);
    expect(timeline).toHaveLength(3);
  });

  it('only 5 requests fail, and the other two servers carry the load at about 62% busy', () => {
    expect(report.totals.failed).toBe(5);
    for (const id of ['app-1', 'app-3']) expect(Math.round(nodeOf(report, id).utilization * 100)).toBe(62);
  });
});

describe('consistent-hash-pool.json: 10,000 addresses on a ring of 100 virtual nodes per server', () => {
  let report: Report;
  beforeAll(() => {
    report = runExample(loadExample('consistent-hash-pool.json'));
  });

  it('seed-1: shares 23.4% to 27.8%', () => {
    const shares = Object.values(sharesOf(report, 'lb'));
    expect(Math.min(...shares)).toBeCloseTo(0.234, 3);
    expect(Math.max(...shares)).toBeCloseTo(0.278, 3);
  });

  it('keeps every client on one server: a server sees only its own addresses', () => {
    const ring = buildHashRing(['cache-1', 'cache-2', 'cache-3', 'cache-4'], 100);
    const owned = [0, 0, 0, 0];
    for (let address = 0; address < 10_000; address++) owned[ringOwner(ring, hashAddress(address))]!++;
    // Requests come from addresses drawn uniformly: each server's share is its addresses' share (24,000 requests, sd 0.3 points).
    const shares = sharesOf(report, 'lb');
    for (const [i, count] of owned.entries()) expect(Math.abs((shares[`cache-${i + 1}`] as number) - count / 10_000)).toBeLessThan(0.01);
  });

  it('a fifth server takes about 1/5 of the keys, all from the others and all to itself; mod-n hashing would move about 4/5', () => {
    const four = buildHashRing(['cache-1', 'cache-2', 'cache-3', 'cache-4'], 100);
    const five = buildHashRing(['cache-1', 'cache-2', 'cache-3', 'cache-4', 'cache-5'], 100);
    let moved = 0;
    let movedElsewhere = 0;
    let movedByMod = 0;
    for (let address = 0; address < 10_000; address++) {
      const hash = hashAddress(address);
      const before = ringOwner(four, hash);
      const after = ringOwner(five, hash);
      if (before !== after) {
        moved++;
        if (after !== 4) movedElsewhere++;
      }
      if (hash % 4 !== hash % 5) movedByMod++;
    }
    expect(Math.abs(moved / 10_000 - 1 / 5)).toBeLessThan(0.05);
    expect(movedElsewhere).toBe(0);
    expect(Math.abs(movedByMod / 10_000 - 4 / 5)).toBeLessThan(0.02);
  });

  it('with 5 virtual nodes the shares are less even', () => {
    const spread = (virtualNodes: number) => {
      const ring = buildHashRing(['cache-1', 'cache-2', 'cache-3', 'cache-4'], virtualNodes);
      const owned = [0, 0, 0, 0];
      for (let address = 0; address < 10_000; address++) owned[ringOwner(ring, hashAddress(address))]!++;
      return (Math.max(...owned) - Math.min(...owned)) / 10_000;
    };
    expect(spread(5)).toBeGreaterThan(spread(100));
  });
});

describe('l7-routing-tls.json: TLS terminated at the balancer, routes by path', () => {
  let report: Report;
  beforeAll(() => {
    report = runExample(loadExample('l7-routing-tls.json'));
  });

  it('the balancer spends 0.5 ms a request on 4 cores: about 5% busy (seed-1: 5.1%)', () => {
    // 400 × 0.0005 / 4 = 0.05.
    expect(Math.round(nodeOf(report, 'lb').utilization * 1000) / 10).toBe(5.1);
  });

  it('routes /static/ to the file server (seed-1: 9.6% of requests) and /api/ to the two API servers', () => {
    const shares = sharesOf(report, 'lb');
    expect(shares.static).toBeCloseTo(0.096, 3);
    expect((shares['api-1'] as number) + (shares['api-2'] as number)).toBeCloseTo(0.904, 3);
  });

  it('API servers about 56% busy (theory 0.56: 360/s × 25 ms over 2 × 8 workers, no TLS; seed-1: 57%), paying no TLS cost', () => {
    for (const id of ['api-1', 'api-2']) {
      const busy = nodeOf(report, id).utilization;
      expect(Math.round(busy * 100)).toBe(57);
      // Had they decrypted, 0.5 ms more per request would add 180 × 0.0005 / 8 ≈ 1.1 points.
      expect(Math.abs(busy - 0.5625)).toBeLessThan(0.01);
    }
  });
});
