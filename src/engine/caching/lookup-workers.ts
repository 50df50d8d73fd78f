import { StationStats } from '../components/station-stats';
import { RequestQueue } from '../request-queue';

/**
 * The threads a cache does its lookups on (a Redis shard has one). A lookup
 * takes a free thread or waits in a FIFO queue for one, so a cache with few
 * threads can become the bottleneck. The queue is unbounded: a cache shard
 * buffers commands rather than refuse them. The figures are a station's
 * (utilization, queue, waits), kept in a StationStats.
 */
export class LookupWorkers {
  busy = 0;
  readonly queue = new RequestQueue();
  readonly stats: StationStats;

  constructor(readonly workers: number) {
    this.stats = new StationStats(workers);
  }

  /** A lookup for `request` arrived: true if it may start now, false if it was queued. */
  arrive(request: number, time: number): boolean {
    this.stats.arrivals++;
    this.stats.advance(time, this.busy, this.queue.length);
    if (this.busy < this.workers) return true;
    this.queue.push(request);
    return false;
  }

  /** A lookup that arrived at `arrivedAt` takes a thread at `time`. */
  start(arrivedAt: number, time: number): void {
    this.stats.advance(time, this.busy, this.queue.length);
    this.busy++;
    this.stats.started(arrivedAt, time);
  }

  /** A lookup ended: returns the next request waiting for the thread (the caller starts it), or −1. */
  finish(arrivedAt: number, time: number): number {
    this.stats.advance(time, this.busy, this.queue.length);
    this.busy--;
    this.stats.finished(arrivedAt, time);
    return this.queue.length > 0 ? this.queue.shift() : -1;
  }

  /** Takes every waiting request out (a crash): the caller sends them on. */
  drain(time: number): number[] {
    this.stats.advance(time, this.busy, this.queue.length);
    const waiting: number[] = [];
    while (this.queue.length > 0) waiting.push(this.queue.shift());
    return waiting;
  }
}
