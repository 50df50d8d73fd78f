import type { RankBucket } from './report';

const BUCKETS = 32;

/**
 * Read counters of a cache or CDN edge: hits, misses, stale reads, and hits
 * by popularity rank in buckets that double (rank 1, 2–3, 4–7, …) so a
 * catalogue of millions fits in a few dozen counters. Measurement counters
 * restart at the end of warm-up; window counters at each window close.
 */
export class CacheStats {
  hits = 0;
  misses = 0;
  staleReads = 0;
  maxStaleAge = 0;
  private windowHits = 0;
  private windowReads = 0;
  private readonly rankReads = new Float64Array(BUCKETS);
  private readonly rankHits = new Float64Array(BUCKETS);

  /** A read of catalogue item `item` (rank item + 1); `staleAge` ≥ 0 when the value served was stale. */
  read(item: number, hit: boolean, staleAge: number): void {
    // Bucket b holds ranks 2^b … 2^(b+1) − 1.
    const bucket = 31 - Math.clz32(item + 1);
    this.rankReads[bucket] = (this.rankReads[bucket] as number) + 1;
    this.windowReads++;
    if (hit) {
      this.hits++;
      this.windowHits++;
      this.rankHits[bucket] = (this.rankHits[bucket] as number) + 1;
      if (staleAge >= 0) {
        this.staleReads++;
        if (staleAge > this.maxStaleAge) this.maxStaleAge = staleAge;
      }
    } else this.misses++;
  }

  get hitRatio(): number {
    const reads = this.hits + this.misses;
    return reads > 0 ? this.hits / reads : 0;
  }

  beginMeasurement(): void {
    this.hits = 0;
    this.misses = 0;
    this.staleReads = 0;
    this.maxStaleAge = 0;
    this.rankReads.fill(0);
    this.rankHits.fill(0);
  }

  /** Hit ratio of the window's reads (null when none), and a fresh window to count in. */
  closeWindow(): number | null {
    const ratio = this.windowReads > 0 ? this.windowHits / this.windowReads : null;
    this.windowHits = 0;
    this.windowReads = 0;
    return ratio;
  }

  /** Buckets with reads; `theory[b]` is the expected hit ratio of bucket b, when known. */
  byRank(theory: readonly number[] = []): RankBucket[] {
    const buckets: RankBucket[] = [];
    for (let b = 0; b < BUCKETS; b++) {
      const reads = this.rankReads[b] as number;
      if (reads === 0) continue;
      const hits = this.rankHits[b] as number;
      buckets.push({ from: 2 ** b, to: 2 ** (b + 1) - 1, reads, hits, hitRatio: hits / reads, theory: theory[b] ?? null });
    }
    return buckets;
  }
}
