import { beforeAll, describe, expect, it } from 'vitest';
import { buildHashRing, ringOwner } from './balancing/consistent-hash';
import { hashAddress } from './balancing/hashing';
import { loadExample, nodeOf, runExample, sharesOf, withNode } from './testing/examples';
import type { DatabaseFigures, Report } from './types';

/*
 * The write-ups of the data-tier examples (engine/write-up-checks.ts), each
 * run once headless with its own seed, plus the variants they tell the
 * reader to try. "Seed-1" figures are the docs' table's, asserted at the
 * precision it prints them; the rest within a few standard errors.
 */

const dbOf = (report: Report): DatabaseFigures => nodeOf(report, 'db').database as DatabaseFigures;

describe('cache-shards.json: a router hashes keys onto three cache shards', () => {
  let byKey: Report;
  let byAddress: Report;
  beforeAll(() => {
    const scenario = loadExample('cache-shards.json');
    byKey = runExample(scenario);
    byAddress = runExample(withNode(scenario, 'lb', { hashKey: 'address' }));
  });
  const cache = (report: Report, id: string) => nodeOf(report, id).cache!;

  it('each shard holds only its own items: nearly every read hits once warm (seed-1: 100%, 91.6% against theory 91.7%, 100%)', () => {
    expect(cache(byKey, 'shard-1').hitRatio).toBeGreaterThan(0.999);
    expect(cache(byKey, 'shard-2').hitRatio).toBeCloseTo(0.916, 3);
    expect(cache(byKey, 'shard-2').theory).toBeCloseTo(0.917, 3);
    expect(cache(byKey, 'shard-3').hitRatio).toBeGreaterThan(0.999);
  });

  it('seed-1: shards get 31.3%, 36.5%, 32.2% of the keys; the database is almost idle, 2.3% busy', () => {
    const shares = sharesOf(byKey, 'lb');
    expect(shares['shard-1']).toBeCloseTo(0.313, 3);
    expect(shares['shard-2']).toBeCloseTo(0.365, 3);
    expect(shares['shard-3']).toBeCloseTo(0.322, 3);
    expect(Math.round(nodeOf(byKey, 'db').utilization * 1000) / 10).toBe(2.3);
  });

  it('hashing the client address instead: the hit ratio falls to about a third, about 400 misses a second keep the database about half busy (seed-1: 50.5%, 33.3%)', () => {
    for (const id of ['shard-1', 'shard-2', 'shard-3']) expect(Math.abs(cache(byAddress, id).hitRatio - 1 / 3)).toBeLessThan(0.01);
    const db = nodeOf(byAddress, 'db');
    expect(Math.abs(db.throughput - 400)).toBeLessThan(10);
    expect(Math.round(db.utilization * 1000) / 10).toBe(50.5);
    const hits = ['shard-1', 'shard-2', 'shard-3'].reduce((sum, id) => sum + cache(byAddress, id).hits, 0);
    const reads = ['shard-1', 'shard-2', 'shard-3'].reduce((sum, id) => sum + cache(byAddress, id).hits + cache(byAddress, id).misses, 0);
    expect(Math.round((hits / reads) * 1000) / 10).toBe(33.3);
  });

  it('a fourth shard moves only about a quarter of the keys', () => {
    const three = buildHashRing(['shard-1', 'shard-2', 'shard-3'], 100);
    const four = buildHashRing(['shard-1', 'shard-2', 'shard-3', 'shard-4'], 100);
    let moved = 0;
    for (let key = 0; key < 3000; key++) if (ringOwner(three, hashAddress(key)) !== ringOwner(four, hashAddress(key))) moved++;
    expect(Math.abs(moved / 3000 - 1 / 4)).toBeLessThan(0.06);
  });
});

describe('db-read-replicas.json: reads on two replicas, some of them stale', () => {
  let report: Report;
  let noReplicas: Report;
  let shortLag: Report;
  beforeAll(() => {
    const scenario = loadExample('db-read-replicas.json');
    report = runExample(scenario);
    noReplicas = runExample(withNode(scenario, 'db', { readReplicas: 0 }));
    shortLag = runExample(withNode(scenario, 'db', { replicationLag: { type: 'exponential', mean: 0.05 } }));
  });

  it('each replica serves 225 reads a second, about 45% busy (225 × 0.008 / 4); the primary about 19% (50 × 0.015 / 4)', () => {
    const shard = dbOf(report).perShard[0]!;
    // 280 s after warm-up: 126,000 reads; the loads are known to about half a point.
    expect(Math.abs(shard.reads / 2 / 280 - 225)).toBeLessThan(3);
    expect(Math.abs(shard.writes / 280 - 50)).toBeLessThan(1.5);
    expect(Math.round(shard.replicaLoad * 100)).toBe(45);
    expect(Math.round(shard.primaryLoad * 100)).toBe(19);
    expect(nodeOf(report, 'db').utilization).toBeCloseTo((0.45 * 2 + 0.19) / 3, 2);
  });

  it('with no replicas the primary takes 450 reads and 50 writes a second, 4.35 s of work on 4 workers (ρ ≈ 1.09): 100% busy, its queue growing', () => {
    expect((450 * 0.008 + 50 * 0.015) / 4).toBeCloseTo(1.09, 2);
    const db = nodeOf(noReplicas, 'db');
    expect(db.utilization).toBeGreaterThan(0.999);
    // (500 − 460) a second for 300 s: thousands waiting by the end.
    expect(db.inSystem).toBeGreaterThan(5000);
    // One machine: no replica reads, so none stale (and no data-tier figures to report).
    expect(nodeOf(noReplicas, 'db').database).toBeUndefined();
  });

  it('about 11% of replica reads are stale: w·m/(1 + w·m) = 0.125/1.125 = 0.111 with w = 0.25 writes/s per item (seed-1: 11.2%)', () => {
    const expected = (0.25 * 0.5) / (1 + 0.25 * 0.5);
    expect(expected).toBeCloseTo(0.111, 3);
    const db = dbOf(report);
    expect(Math.round(db.staleRatio * 1000) / 10).toBe(11.2);
    // About 14,000 writes are the samples: the stale share's sd is under half a point.
    expect(Math.abs(db.staleRatio - expected)).toBeLessThan(0.01);
  });

  it('a lag of 50 ms leaves about 1.2% stale (theory 1.23%)', () => {
    expect(((0.25 * 0.05) / (1 + 0.25 * 0.05)) * 100).toBeCloseTo(1.23, 2);
    expect(Math.round(dbOf(shortLag).staleRatio * 1000) / 10).toBe(1.2);
  });
});

describe('db-shards-hot-key.json: four shards by key, Zipf popularity', () => {
  let report: Report;
  let uniform: Report;
  beforeAll(() => {
    const scenario = loadExample('db-shards-hot-key.json');
    report = runExample(scenario);
    uniform = runExample(withNode(scenario, 'users', { catalogue: { items: 100_000, popularity: { type: 'uniform' } } }));
  });

  it('spread evenly the shards would be 82.5% busy: 1,200 × 5.5 ms over 8 workers (0.0055 s of work a request)', () => {
    expect(0.9 * 0.005 + 0.1 * 0.01).toBeCloseTo(0.0055, 6);
    expect((1200 * 0.0055) / 8).toBeCloseTo(0.825, 6);
    const shards = dbOf(uniform).perShard;
    for (const shard of shards) {
      expect(Math.abs(shard.share - 0.25)).toBeLessThan(0.01);
      expect(Math.round(shard.primaryLoad * 100)).toBeGreaterThanOrEqual(82);
      expect(Math.round(shard.primaryLoad * 100)).toBeLessThanOrEqual(83);
    }
    // Uniform: the queues stay short, p99 near 120 ms (seed-1: 117 ms).
    expect(Math.round(uniform.totals.latency.p99 * 1000)).toBe(117);
  });

  it('the hottest item takes about 8% of requests (1/H(100,000)), its shard about 31% (0.08 + 0.92/4)', () => {
    let harmonic = 0;
    for (let k = 1; k <= 100_000; k++) harmonic += 1 / k;
    expect(1 / harmonic).toBeCloseTo(0.08, 2);
    expect(0.08 + 0.92 / 4).toBeCloseTo(0.31, 2);
    const shares = dbOf(report).perShard.map((shard) => Math.round(shard.share * 1000) / 10);
    expect(shares).toEqual([31.5, 22.5, 20.8, 25.2]);
  });

  it('that shard is 100% busy and its p99 climbs to seconds (seed-1: 12.4 s); the others run at about 70 to 85% (69–83%)', () => {
    const loads = dbOf(report).perShard.map((shard) => Math.round(shard.primaryLoad * 100));
    expect(loads[0]).toBe(100);
    expect(loads.slice(1).sort()).toEqual([69, 74, 83]);
    expect(report.totals.latency.p99).toBeCloseTo(12.4, 1);
  });
});
