import { describe, expect, it } from 'vitest';
import type { DatabaseFigures } from '../../engine/types';
import { databaseRows } from './database-view';

const figures: DatabaseFigures = {
  shards: 2,
  readReplicas: 1,
  replicaReads: 1000,
  staleReads: 32,
  staleRatio: 0.032,
  maxStaleAge: 0.25,
  perShard: [
    { requests: 700, reads: 650, writes: 50, share: 0.7, primaryLoad: 0.9, replicaLoad: 0.4 },
    { requests: 300, reads: 280, writes: 20, share: 0.3, primaryLoad: 0.2, replicaLoad: 0.1 },
  ],
};

describe('the database view', () => {
  it('shows stale reads, then each shard with its load, the hot one marked', () => {
    const { rows } = databaseRows(figures);
    expect(rows.map((r) => r.label)).toEqual(['Stale reads (replication lag)', 'Shard 1: primary 90 % busy', 'Shard 2: primary 20 % busy']);
    expect(rows[0]?.value).toBe('32 (3.2 %)');
    expect(rows[0]?.detail).toContain('the oldest 250 ms after its write');
    expect(rows[1]?.alarm).toBe(true);
    expect(rows[2]?.alarm).toBe(false);
    expect(rows[1]?.detail).toContain('replicas 40 % busy');
  });

  it('leaves stale reads out without replicas, and says when figures come before a run', () => {
    expect(databaseRows({ ...figures, readReplicas: 0 }).rows[0]?.label).toBe('Shard 1: primary 90 % busy');
    expect(databaseRows(null)).toEqual({ rows: [], emptyText: 'Shards and replicas: when the run starts' });
  });
});
