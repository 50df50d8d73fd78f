import { describe, expect, it } from 'vitest';
import type { CacheReport, CdnEdgeReport, CdnReport } from '../engine/types';
import { nodeDetailLines } from './format-node-details';
import { nodeReport } from './report-fixture';

/** An edge report; later fields (theory) are filled in so the fixture keeps up with the type. */
const edge = (fields: Omit<CdnEdgeReport, 'theory'>): CdnEdgeReport => ({ theory: null, ...fields }) as CdnEdgeReport;

const cacheReport = (fields: Partial<CacheReport> = {}): CacheReport => ({
  hits: 6010,
  misses: 3990,
  hitRatio: 0.601,
  staleReads: 0,
  staleRatio: 0,
  maxStaleAge: 0,
  writes: 0,
  lostWrites: 0,
  evictions: 3200,
  expirations: 0,
  bypassed: 0,
  entries: 10_000,
  dirty: 0,
  flushes: 0,
  flushedEntries: 0,
  hitRatioByRank: [],
  theory: 0.605,
  theoryModel: 'che',
  ...fields,
});

describe('nodeDetailLines', () => {
  it('prints nothing for a plain server', () => {
    expect(nodeDetailLines(nodeReport({ id: 'api', kind: 'server' }))).toEqual([]);
  });

  it('compares a cache hit ratio with theory and names the formula', () => {
    expect(nodeDetailLines(nodeReport({ id: 'cache', kind: 'cache', cache: cacheReport() }))).toEqual([
      '',
      'Cache cache: what it served',
      "  hit ratio 60.1% (theory 60.5%, Che's approximation): 6,010 hits, 3,990 misses after warm-up",
      '  whole run: 3,200 evictions · 0 expirations',
    ]);
  });

  it('shows staleness, write-back flushes, lost writes and bypasses only when they happened', () => {
    const cache = cacheReport({
      theory: null,
      theoryModel: null,
      staleReads: 120,
      staleRatio: 0.012,
      maxStaleAge: 0.0999,
      flushes: 40,
      flushedEntries: 3000,
      lostWrites: 285,
      bypassed: 1250,
    });
    expect(nodeDetailLines(nodeReport({ id: 'wb', kind: 'cache', cache })).slice(2)).toEqual([
      '  hit ratio 60.1%: 6,010 hits, 3,990 misses after warm-up',
      '  stale reads 120 (1.2% of reads), the oldest 99.9 ms after the write',
      '  whole run: 3,200 evictions · 0 expirations · 3,000 entries written back in 40 flushes · 285 lost writes · 1,250 requests bypassed it while down',
    ]);
  });

  it('shows how much a CDN kept off the origin, and each edge', () => {
    const cdn: CdnReport = {
      requests: 10_000,
      originRequests: 4500,
      requestOffload: 0.55,
      byteOffload: 0.52,
      bytesServed: 1e9,
      originBytes: 4.8e8,
      rejectedAtEdge: 200,
      privateRequests: 1000,
      edgeCpuSeconds: 0,
      edges: [
        edge({ name: 'Europe', rtt: 0.02, requests: 5000, hits: 3000, misses: 2000, hitRatio: 0.6 }),
        edge({ name: 'Asia', rtt: 0.08, requests: 5000, hits: 2500, misses: 2500, hitRatio: 0.5 }),
      ],
    };
    const lines = nodeDetailLines(nodeReport({ id: 'edge', kind: 'cdn', cache: cacheReport({ theory: null, theoryModel: null }), cdn }));
    expect(lines[1]).toBe('CDN edge: what it served');
    expect(lines.slice(4)).toEqual([
      '  kept off the origin: 55.0% of requests, 52.0% of bytes',
      '  200 requests rejected at the edge (401 unauthorized)',
      '  edge    rtt ms  requests  hit ratio',
      '  Europe    20.0     5,000      60.0%',
      '  Asia      80.0     5,000      50.0%',
    ]);
  });

  it('shows edge compute only when the edges resized, with their threads', () => {
    const cdn: CdnReport = {
      requests: 1000,
      originRequests: 500,
      requestOffload: 0.5,
      byteOffload: 0.5,
      bytesServed: 1e8,
      originBytes: 5e7,
      rejectedAtEdge: 0,
      privateRequests: 0,
      edgeCpuSeconds: 12,
      edgeWorkers: 2,
      edges: [edge({ name: 'EU', rtt: 0.02, requests: 1000, hits: 500, misses: 500, hitRatio: 0.5, computeUtilization: 0.8, computeQueue: 3, computeMeanWait: 0.02 })],
    };
    const lines = nodeDetailLines(nodeReport({ id: 'edge', kind: 'cdn', cache: cacheReport({ theory: null, theoryModel: null }), cdn }));
    expect(lines.slice(-2)).toEqual([
      '  edge  rtt ms  requests  hit ratio  compute busy (2 threads)  wait ms',
      '  EU      20.0     1,000      50.0%                     80.0%     20.0',
    ]);
  });

  it('prints a sharded, replicated database: stale reads, then each shard', () => {
    const database = {
      shards: 2,
      readReplicas: 1,
      replicaReads: 9000,
      staleReads: 300,
      staleRatio: 300 / 9000,
      maxStaleAge: 0.4,
      perShard: [
        { requests: 7000, reads: 6300, writes: 700, share: 0.7, primaryLoad: 0.9, replicaLoad: 0.5 },
        { requests: 3000, reads: 2700, writes: 300, share: 0.3, primaryLoad: 0.3, replicaLoad: 0.2 },
      ],
    };
    expect(nodeDetailLines(nodeReport({ id: 'db', kind: 'database', database }))).toEqual([
      '',
      'Database db: 2 shards, 1 read replica each',
      '  stale reads 300 of 9,000 replica reads (3.3%), the oldest 400 ms after its write',
      '  shard  requests  share  primary busy  replicas busy',
      '  1         7,000  70.0%         90.0%          50.0%',
      '  2         3,000  30.0%         30.0%          20.0%',
    ]);
    expect(nodeDetailLines(nodeReport({ id: 'db', kind: 'database', database: { ...database, shards: 1, readReplicas: 0 } }))).toEqual([]);
  });
});
