import { RequestQueue } from '../request-queue';

/**
 * One resource of a machine (its cores, its disk, its network card) as a
 * queueing station of its own: `servers` units in front of a FIFO queue. A
 * request holds a unit for its visit; one that finds them all busy waits, so
 * the saturated resource's queue is where the time goes. It keeps the
 * operational figures: busy time B, completed visits C and the time integral
 * of the queue, over the whole run and since measurement began.
 */
export class ResourceQueue {
  busy = 0;
  private readonly queue = new RequestQueue();
  private lastChange = 0;
  private busyArea = 0;
  private queueArea = 0;
  private measuredBusyArea = 0;
  private measuredQueueArea = 0;
  private measureStart = 0;
  /** Visits completed since measurement began. */
  visits = 0;

  constructor(readonly servers: number) {}

  get waiting(): number {
    return this.queue.length;
  }

  /** A request asks for a unit at `time`: true when it got one (the caller times its visit), false when it waits. */
  enter(request: number, time: number): boolean {
    this.advance(time);
    if (this.busy < this.servers) {
      this.busy++;
      return true;
    }
    this.queue.push(request);
    return false;
  }

  /** A visit ended at `time`: the unit goes to the next request waiting (returned, to be timed by the caller), or −1. */
  leave(time: number): number {
    this.advance(time);
    if (time >= this.measureStart) this.visits++;
    if (this.queue.length > 0) return this.queue.shift();
    this.busy--;
    return -1;
  }

  /** Empties the queue (a crash) and returns who waited; visits in progress end when their events come. */
  clear(time: number): number[] {
    this.advance(time);
    const waiting: number[] = [];
    while (this.queue.length > 0) waiting.push(this.queue.shift());
    return waiting;
  }

  private advance(time: number): void {
    const dt = time - this.lastChange;
    if (dt > 0) {
      this.busyArea += this.busy * dt;
      this.queueArea += this.queue.length * dt;
      this.lastChange = time;
    }
  }

  beginMeasurement(time: number): void {
    this.advance(time);
    this.measureStart = time;
    this.measuredBusyArea = this.busyArea;
    this.measuredQueueArea = this.queueArea;
    this.visits = 0;
  }

  /** Busy unit-seconds since measurement began, as at `time` (read without advancing, so a live look changes no sum). */
  busyTime(time: number): number {
    const dt = time - this.lastChange;
    return this.busyArea + (dt > 0 ? this.busy * dt : 0) - this.measuredBusyArea;
  }

  /** Time-averaged requests waiting since measurement began, as at `time`. */
  meanQueue(time: number): number {
    const span = time - this.measureStart;
    if (span <= 0) return 0;
    const dt = time - this.lastChange;
    return (this.queueArea + (dt > 0 ? this.queue.length * dt : 0) - this.measuredQueueArea) / span;
  }

  /** Busy units / units since measurement began, as at `time`. */
  utilization(time: number): number {
    const span = time - this.measureStart;
    return span > 0 ? this.busyTime(time) / (span * this.servers) : 0;
  }
}
