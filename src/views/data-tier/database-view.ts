/** A sharded or replicated database: its stale reads, and each shard's share of requests and load. */
import type { DatabaseFigures } from '../../engine/types';
import { createFigureRows, type FigureRowsData, formatCount, formatShare } from '../cache/cache-figure-rows';
import type { Chart } from '../charts/time-series-chart';

/** "250 ms", "4.6 s". */
const formatAge = (seconds: number) => (seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${Math.round(seconds * 10) / 10} s`);

/** The rows the view shows for `database` (null before the run has figures). */
export function databaseRows(database: DatabaseFigures | null): FigureRowsData {
  if (!database) return { rows: [], emptyText: 'Shards and replicas: when the run starts' };
  const stale =
    database.readReplicas > 0
      ? [
          {
            label: 'Stale reads (replication lag)',
            value: `${formatCount(database.staleReads)} (${formatShare(database.staleRatio)})`,
            detail: `of ${formatCount(database.replicaReads)} replica reads; the oldest ${formatAge(database.maxStaleAge)} after its write`,
            share: database.staleRatio,
          },
        ]
      : [];
  const shards = database.perShard.map((shard, s) => ({
    label: database.shards > 1 ? `Shard ${s + 1}: primary ${formatShare(shard.primaryLoad)} busy` : `Primary ${formatShare(shard.primaryLoad)} busy`,
    value: `${formatShare(shard.share)} of requests`,
    detail: `${formatCount(shard.reads)} reads, ${formatCount(shard.writes)} writes${database.readReplicas > 0 ? `; replicas ${formatShare(shard.replicaLoad)} busy` : ''}`,
    share: Math.min(1, shard.primaryLoad),
    alarm: shard.primaryLoad >= 0.85,
  }));
  return { emptyText: '', rows: [...stale, ...shards] };
}

/** Draws a database's shards and stale reads into `svg`. */
export function createDatabaseView(svg: SVGSVGElement): Chart<DatabaseFigures | null> {
  const rows = createFigureRows(svg);
  return { ...rows, update: (database) => rows.update(databaseRows(database)) };
}
