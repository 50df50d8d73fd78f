/**
 * Sends frames to the page no faster than it takes them: at most one frame
 * in flight and one per `minIntervalMs`. A frame is built only when it is
 * sent, so everything that happened in between (windows, particles, the
 * latest snapshot) merges into it instead of queueing up.
 */
export class FrameBatcher {
  private inFlight = false;
  private pending = false;
  private lastSent = Number.NEGATIVE_INFINITY;

  /**
   * @param send delivers one frame; its promise settles when the page has taken it.
   * @param clock wall milliseconds.
   */
  constructor(
    private readonly send: () => unknown,
    private readonly clock: () => number,
    private readonly minIntervalMs = 16,
  ) {}

  /** Sends now if allowed; `force` skips the interval (pause, step, finish) but still waits for the page. */
  flush(force = false): void {
    if (this.inFlight) {
      if (force) this.pending = true;
      return;
    }
    if (!force && this.clock() - this.lastSent < this.minIntervalMs) return;
    this.inFlight = true;
    this.pending = false;
    this.lastSent = this.clock();
    const settled = () => {
      this.inFlight = false;
      if (this.pending) this.flush(true);
    };
    Promise.resolve(this.send()).then(settled, settled);
  }

  /** True while the page has not yet taken the last frame. */
  get busy(): boolean {
    return this.inFlight;
  }
}
