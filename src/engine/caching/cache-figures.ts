import type { CacheStats } from './cache-stats';
import type { CacheReport } from './report';
import type { HitRatioTheory } from './theory';

/** A cache report from read counters and its theory, with every count not given set to 0. */
export function cacheFigures(stats: CacheStats, theory: HitRatioTheory | null, counts: Partial<CacheReport>): CacheReport {
  const reads = stats.hits + stats.misses;
  return {
    hits: stats.hits,
    misses: stats.misses,
    hitRatio: stats.hitRatio,
    staleReads: stats.staleReads,
    staleRatio: reads > 0 ? stats.staleReads / reads : 0,
    maxStaleAge: stats.maxStaleAge,
    writes: 0,
    lostWrites: 0,
    evictions: 0,
    expirations: 0,
    bypassed: 0,
    entries: 0,
    dirty: 0,
    flushes: 0,
    flushedEntries: 0,
    hitRatioByRank: stats.byRank(theory?.byRank),
    theory: theory?.hitRatio ?? null,
    theoryModel: theory?.model ?? null,
    ...counts,
  };
}
