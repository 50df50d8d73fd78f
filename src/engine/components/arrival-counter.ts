/**
 * Arrivals at a node without workers (balancer, cache, CDN): in all, since
 * measurement began (end of warm-up), and in the open metrics window.
 */
export class ArrivalCounter {
  total = 0;
  private measured = 0;
  private inWindow = 0;
  measureStart = 0;

  count(time: number): void {
    this.total++;
    this.inWindow++;
    if (time >= this.measureStart) this.measured++;
  }

  beginMeasurement(time: number): void {
    this.measureStart = time;
    this.measured = 0;
  }

  /** Arrivals in the window that closes now; the next window starts from zero. */
  closeWindow(): number {
    const count = this.inWindow;
    this.inWindow = 0;
    return count;
  }

  /** Measured arrivals per second up to `time`. */
  throughput(time: number): number {
    const span = time - this.measureStart;
    return span > 0 ? this.measured / span : 0;
  }
}
