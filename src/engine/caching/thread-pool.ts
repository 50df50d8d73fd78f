import { StationStats } from '../components/station-stats';
import { RequestQueue } from '../request-queue';

/**
 * Threads that do a node's work: a cache's lookups (a Redis shard has one),
 * a CDN edge's compute. A job takes a free thread or waits in a FIFO queue
 * for one, so a node with few threads can become the bottleneck. The queue
 * is unbounded: a cache shard or an edge buffers work rather than refuse it.
 * The figures are a station's (utilization, queue, waits), in a StationStats.
 */
export class ThreadPool {
  busy = 0;
  readonly queue = new RequestQueue();
  readonly stats: StationStats;

  constructor(readonly workers: number) {
    this.stats = new StationStats(workers);
  }

  /** A job for `request` arrived: true if it may start now, false if it was queued. */
  arrive(request: number, time: number): boolean {
    this.stats.arrivals++;
    this.stats.advance(time, this.busy, this.queue.length);
    if (this.busy < this.workers) return true;
    this.queue.push(request);
    return false;
  }

  /** A job that arrived at `arrivedAt` takes a thread at `time`. */
  start(arrivedAt: number, time: number): void {
    this.stats.advance(time, this.busy, this.queue.length);
    this.busy++;
    this.stats.started(arrivedAt, time);
  }

  /** A job ended: returns the next request waiting for the thread (the caller starts it), or −1. */
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
