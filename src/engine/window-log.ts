import type { ClientTotals, Component } from './component';
import type { WindowSample } from './types';

/**
 * The metrics windows of a run (what charts draw): closes one at each tick of the window clock
 * (system figures and every node's) and keeps the last `maxWindows`, so a long
 * run holds a bounded history however long it goes.
 */
export class WindowLog {
  private start = 0;
  private completedBefore = 0;
  private failedBefore = 0;
  private closed = 0;
  private readonly kept: WindowSample[] = [];

  constructor(private readonly maxWindows: number) {}

  /** Closes the window [start, now) and opens the next. */
  close(now: number, totals: ClientTotals, components: readonly Component[]): void {
    const start = this.start;
    const completed = totals.completed - this.completedBefore;
    const sample: WindowSample = {
      start,
      end: now,
      completed,
      failed: totals.failed - this.failedBefore,
      throughput: completed / (now - start),
      p50: totals.windowLatency.percentile(50),
      p95: totals.windowLatency.percentile(95),
      p99: totals.windowLatency.percentile(99),
      nodes: components.map((c) => c.closeWindow(start, now)),
    };
    totals.windowLatency.reset();
    this.completedBefore = totals.completed;
    this.failedBefore = totals.failed;
    this.start = now;
    this.closed++;
    this.kept.push(sample);
    // Trim in batches so keeping the last maxWindows costs O(1) per closed window on average.
    if (this.kept.length >= 2 * this.maxWindows) this.kept.splice(0, this.kept.length - this.maxWindows);
  }

  /** Windows closed since the run began. */
  get count(): number {
    return this.closed;
  }

  /** The windows numbered `from` onwards that are still kept. */
  since(from: number): WindowSample[] {
    const kept = Math.min(this.kept.length, this.maxWindows);
    const firstKept = this.closed - kept;
    return this.kept.slice(this.kept.length - kept + Math.max(from - firstKept, 0));
  }
}
