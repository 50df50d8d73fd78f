/**
 * A machine's working set over time: the base it always uses plus what the
 * requests in it hold. Not a queue: nobody waits for memory; past RAM the
 * machine pages and its CPU work slows (demand.ts, pagingFactor).
 */
export class MemoryGauge {
  /** Megabytes in use now. */
  used: number;
  /** The largest working set since measurement began. */
  peak: number;
  private lastChange = 0;
  private area = 0;
  private measuredArea = 0;
  private measureStart = 0;

  constructor(base: number) {
    this.used = base;
    this.peak = base;
  }

  add(megabytes: number, time: number): void {
    this.advance(time);
    this.used += megabytes;
    if (this.used > this.peak) this.peak = this.used;
  }

  remove(megabytes: number, time: number): void {
    this.advance(time);
    this.used -= megabytes;
  }

  beginMeasurement(time: number): void {
    this.advance(time);
    this.measureStart = time;
    this.measuredArea = this.area;
    this.peak = this.used;
  }

  /** Time-averaged working set since measurement began, as at `time`. */
  mean(time: number): number {
    const span = time - this.measureStart;
    if (span <= 0) return this.used;
    const dt = time - this.lastChange;
    return (this.area + (dt > 0 ? this.used * dt : 0) - this.measuredArea) / span;
  }

  private advance(time: number): void {
    const dt = time - this.lastChange;
    if (dt > 0) {
      this.area += this.used * dt;
      this.lastChange = time;
    }
  }
}
