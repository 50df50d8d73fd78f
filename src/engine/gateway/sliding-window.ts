/**
 * Sliding-window logs, one per key: a request passes when fewer than `limit`
 * requests passed in the `window` seconds before it. Each key keeps the
 * times of its last `limit` admissions in a ring, so the check is exact and
 * its Retry-After is when the oldest of them leaves the window.
 */
export class SlidingWindows {
  private readonly times: Float64Array;
  /** Per key: index of the oldest admission in its ring, and how many are in it. */
  private readonly head: Int32Array;
  private readonly count: Int32Array;

  constructor(
    keys: number,
    private readonly limit: number,
    private readonly window: number,
  ) {
    this.times = new Float64Array(keys * limit);
    this.head = new Int32Array(keys);
    this.count = new Int32Array(keys);
  }

  /** Admits a request at `time`: 0 when it passes, else the seconds until a place frees (its Retry-After). */
  take(key: number, time: number): number {
    const inWindow = this.expire(key, time);
    const base = key * this.limit;
    const head = this.head[key] as number;
    if (inWindow < this.limit) {
      this.times[base + ((head + inWindow) % this.limit)] = time;
      this.count[key] = inWindow + 1;
      return 0;
    }
    return (this.times[base + head] as number) + this.window - time;
  }

  /** Places left in the window at `time` (expiring is exact, so reading it early changes no later decision). */
  level(key: number, time: number): number {
    return this.limit - this.expire(key, time);
  }

  /** Drops admissions that left the window by `time`; returns how many remain. */
  private expire(key: number, time: number): number {
    const base = key * this.limit;
    let head = this.head[key] as number;
    let count = this.count[key] as number;
    while (count > 0 && (this.times[base + head] as number) <= time - this.window) {
      head = (head + 1) % this.limit;
      count--;
    }
    this.head[key] = head;
    this.count[key] = count;
    return count;
  }
}
