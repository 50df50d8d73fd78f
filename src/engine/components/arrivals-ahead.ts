/**
 * Arrivals a node has already acted on but that, in simulated time, have not
 * happened yet: a cut-through load balancer routes a request when it is sent
 * to it, not when it gets there, and keeps the arrival time and its pick here
 * so its counters still move at the true arrival time. Arrival times enter in
 * non-decreasing order (one incoming link, one latency), so this is a FIFO
 * ring of (time, pick) pairs.
 */
export class ArrivalsAhead {
  private times = new Float64Array(64);
  private picks = new Int32Array(64);
  private head = 0;
  length = 0;

  push(time: number, pick: number): void {
    if (this.length === this.times.length) this.grow();
    const at = (this.head + this.length) & (this.times.length - 1);
    this.times[at] = time;
    this.picks[at] = pick;
    this.length++;
  }

  /** Time of the oldest arrival; call only when length > 0. */
  get firstTime(): number {
    return this.times[this.head] as number;
  }

  /** Removes the oldest arrival and returns its pick; call only when length > 0. */
  shift(): number {
    const pick = this.picks[this.head] as number;
    this.head = (this.head + 1) & (this.times.length - 1);
    this.length--;
    return pick;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    const picks = new Int32Array(size);
    for (let i = 0; i < this.length; i++) {
      const from = (this.head + i) & (this.times.length - 1);
      times[i] = this.times[from] as number;
      picks[i] = this.picks[from] as number;
    }
    this.times = times;
    this.picks = picks;
    this.head = 0;
  }
}
