import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { exponential } from '../distributions';
import { createRng } from '../rng';
import { runScenario } from '../simulation';
import { buildScenario } from '../testing/build-scenario';
import type { DatabaseFigures, Report } from '../types';
import { ReplicaRead, ReplicationLag } from './replication-lag';

/** client → database with one read replica; instant services and links, so commits and reads happen at arrival instants (Poisson). */
function replicated(options: { rate: number; writeRatio: number; lagMean: number; items?: number; duration: number; shards?: number; readReplicas?: number }) {
  return buildScenario({
    duration: options.duration,
    seed: 7,
    nodes: [
      {
        id: 'users',
        kind: 'client',
        workload: { mode: 'open', rate: options.rate },
        writeRatio: options.writeRatio,
        catalogue: { items: options.items ?? 1, popularity: { type: 'uniform' } },
      },
      {
        id: 'db',
        kind: 'database',
        workers: 64,
        readTime: { type: 'constant', value: 0 },
        writeTime: { type: 'constant', value: 0 },
        shards: options.shards ?? 1,
        readReplicas: options.readReplicas ?? 1,
        replicationLag: { type: 'exponential', mean: options.lagMean },
      },
    ] as ScenarioInput['nodes'],
    links: [{ id: 'in', from: 'users', to: 'db', latency: 0 }],
  });
}

const dbOf = (report: Report): DatabaseFigures => report.nodes.find((n) => n.id === 'db')?.database as DatabaseFigures;

describe('a read on a lagging replica', () => {
  it('made τ after a write is stale with probability e^(−τ/m) for exponential lag of mean m', () => {
    // 20,000 independent writes per τ: a proportion's sd is at most 0.0035, so ±0.015 is over 4 sd.
    const m = 0.1;
    for (const tau of [0.01, 0.05, 0.1, 0.3]) {
      const lag = new ReplicationLag(1, exponential(createRng(11), m));
      let stale = 0;
      for (let item = 0; item < 20_000; item++) {
        lag.commit(item, 0);
        if (lag.read(item, 1, tau) === ReplicaRead.stale) stale++;
      }
      expect(Math.abs(stale / 20_000 - Math.exp(-tau / m))).toBeLessThan(0.015);
    }
  });

  it('is never stale for the primary, nor for an item never written', () => {
    const lag = new ReplicationLag(2, () => 1);
    expect(lag.read(5, 1, 0)).toBe(ReplicaRead.fresh);
    lag.commit(5, 10);
    expect(lag.read(5, 1, 10.5)).toBe(ReplicaRead.stale);
    expect(lag.lastStaleAge).toBeCloseTo(0.5, 12);
    expect(lag.read(5, 2, 11)).toBe(ReplicaRead.fresh);
  });

  describe('with Poisson writes at rate w and Poisson reads, in a run', () => {
    /*
     * Closed form: reads are Poisson, so they see time averages (PASTA). At a
     * read, the time A since the item's last write is exponential with rate w
     * (the backward recurrence time of a Poisson process), and the newest
     * write has reached the replica iff its lag L ≤ A. With L exponential of
     * mean m: P(stale) = P(L > A) = ∫ w e^(−w a) e^(−a/m) da = w·m / (1 + w·m).
     */
    const cases = [
      { w: 5, m: 0.1 },
      { w: 2, m: 0.02 },
      { w: 5, m: 0.4 },
    ];
    const reports: Report[] = [];
    beforeAll(() => {
      // 200 requests/s for 1,000 s: about 5,000 writes at w = 5 (2,000 at w = 2); reads between two writes
      // share one lag, so writes are the samples: the stale share's sd is about 0.006 (at w = 5), and ±0.02 is over 3 sd.
      for (const { w, m } of cases) reports.push(runScenario(replicated({ rate: 200, writeRatio: w / 200, lagMean: m, duration: 1000 }), { window: 0 }));
    });

    it.each(cases.map((c, i) => [c.w, c.m, i]))('w = %d/s, m = %d s: stale share near w·m/(1 + w·m), within 0.02', (w, m, i) => {
      const db = dbOf(reports[i] as Report);
      const expected = (w * m) / (1 + w * m);
      expect(db.replicaReads).toBeGreaterThan(150_000);
      expect(Math.abs(db.staleRatio - expected)).toBeLessThan(0.02);
      expect(db.maxStaleAge).toBeGreaterThan(0);
    });
  });

  it('a plain database (one shard, no replicas) serves everything on its one machine and reports no data-tier figures', () => {
    const report = runScenario(replicated({ rate: 200, writeRatio: 0.05, lagMean: 0.1, duration: 50, readReplicas: 0 }), { window: 0 });
    const db = report.nodes.find((n) => n.id === 'db')!;
    expect(db.database).toBeUndefined();
    expect(db.replicas).toBe(1);
    expect(report.totals.completed).toBeGreaterThan(9000);
  });
});

describe('sharding by key', () => {
  function sharded(popularity: { type: 'uniform' } | { type: 'zipf'; alpha: number }) {
    return buildScenario({
      duration: 300,
      warmup: 10,
      seed: 3,
      nodes: [
        { id: 'users', kind: 'client', workload: { mode: 'open', rate: 400 }, catalogue: { items: 10_000, popularity } },
        {
          id: 'db',
          kind: 'database',
          workers: 4,
          readTime: { type: 'exponential', mean: 0.02 },
          writeTime: { type: 'exponential', mean: 0.02 },
          shards: 4,
        },
      ] as ScenarioInput['nodes'],
      links: [{ id: 'in', from: 'users', to: 'db', latency: 0 }],
    });
  }

  it('splits a uniform catalogue evenly: each shard a quarter of the requests, ρ = 100 × 0.02 / 4 = 0.5', () => {
    const report = runScenario(sharded({ type: 'uniform' }), { window: 0 });
    const db = dbOf(report);
    expect(db.perShard).toHaveLength(4);
    // 116,000 requests: a share's sd is about 0.0013; the hash splits 10,000 keys within a percent or so.
    for (const shard of db.perShard) {
      expect(Math.abs(shard.share - 0.25)).toBeLessThan(0.02);
      expect(Math.abs(shard.primaryLoad - 0.5)).toBeLessThan(0.05);
    }
    // The station's own utilization is the mean of its four machines.
    expect(Math.abs(report.nodes.find((n) => n.id === 'db')!.utilization - 0.5)).toBeLessThan(0.02);
  });

  it('with Zipf keys the shard holding the hottest items carries more than its quarter', () => {
    const db = dbOf(runScenario(sharded({ type: 'zipf', alpha: 1.2 }), { window: 0 }));
    const shares = db.perShard.map((s) => s.share);
    // Item 0 alone takes about 1/ζ(1.2) of 10,000 items ≈ 22% of the requests.
    expect(Math.max(...shares)).toBeGreaterThan(0.35);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});
