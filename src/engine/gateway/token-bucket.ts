/**
 * Token buckets, one per key: each holds up to `burst` tokens and gains
 * `rate` a second; a request that finds a whole token takes it and passes.
 * A bucket is refilled lazily, when it is next asked, so an idle key costs
 * nothing. Every bucket starts full.
 */
export class TokenBuckets {
  private readonly tokens: Float64Array;
  private readonly last: Float64Array;

  constructor(
    keys: number,
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = new Float64Array(keys).fill(burst);
    this.last = new Float64Array(keys);
  }

  /** Takes a token for a request at `time`: 0 when it passes, else the seconds until a token will be there (its Retry-After). */
  take(key: number, time: number): number {
    const level = this.refill(key, time);
    if (level >= 1) {
      this.tokens[key] = level - 1;
      return 0;
    }
    return (1 - level) / this.rate;
  }

  /**
   * Tokens in the bucket at `time`, read without storing the refill: a live
   * frame must not change the sums later decisions add up (a refill split in
   * two rounds differently), or a watched run would drift from a headless one.
   */
  level(key: number, time: number): number {
    const elapsed = time - (this.last[key] as number);
    const level = this.tokens[key] as number;
    return elapsed > 0 ? Math.min(this.burst, level + elapsed * this.rate) : level;
  }

  private refill(key: number, time: number): number {
    const elapsed = time - (this.last[key] as number);
    let level = this.tokens[key] as number;
    if (elapsed > 0) {
      level = Math.min(this.burst, level + elapsed * this.rate);
      this.tokens[key] = level;
      this.last[key] = time;
    }
    return level;
  }
}
