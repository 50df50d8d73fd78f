import { RequestQueue } from '../request-queue';

/**
 * One machine of a station: `workers` workers in front of a FIFO queue. A
 * station with replicas has one unit per replica; worker numbers are global
 * across the station (unit r owns workers r·c … r·c + c − 1), so a request's
 * worker number also says which unit holds it. Each machine crashes, slows
 * and counts on its own.
 */
export class ServiceUnit {
  busy = 0;
  readonly queue = new RequestQueue();
  /** Crashed and not yet restarted. */
  down = false;
  /** Service-time multiplier of a slow-down fault (1 = normal). */
  slowFactor = 1;
  /** Whole-run counts of this machine. */
  arrivals = 0;
  served = 0;
  dropped = 0;
  refused = 0;
  lost = 0;
  /** Busy worker-seconds since measurement began, accrued up to `lastChange`. */
  private busyArea = 0;
  private lastChange = 0;
  private measureStart = 0;
  /** Request on each of this unit's workers, or −1. */
  private readonly inService: Int32Array;
  /** When the request on each worker arrived (its own arrivedAt is overwritten if it calls out). */
  private readonly arrivedAt: Float64Array;
  private readonly free: Int32Array;
  private freeCount: number;

  constructor(
    readonly workers: number,
    private readonly firstWorker: number,
  ) {
    this.inService = new Int32Array(workers).fill(-1);
    this.arrivedAt = new Float64Array(workers);
    this.free = Int32Array.from({ length: workers }, (_, i) => workers - 1 - i);
    this.freeCount = workers;
  }

  /** Accrues busy time up to `time`; call before `busy` changes. */
  advance(time: number): void {
    if (time > this.lastChange) {
      this.busyArea += this.busy * (time - this.lastChange);
      this.lastChange = time;
    }
  }

  /** Measurement begins (end of warm-up): busy time counts from here. */
  beginMeasurement(time: number): void {
    this.advance(time);
    this.busyArea = 0;
    this.measureStart = time;
  }

  /**
   * Busy workers / workers since measurement began. It reads without accruing: a live view asked mid-run must not
   * split the busy-time sum, or a watched run would differ from a headless one in the last bits.
   */
  utilization(time: number): number {
    const area = time > this.lastChange ? this.busyArea + this.busy * (time - this.lastChange) : this.busyArea;
    const span = time - this.measureStart;
    return span > 0 ? area / (span * this.workers) : 0;
  }

  get idle(): boolean {
    return this.busy < this.workers;
  }

  /** Puts a request on a free worker; returns the worker's global number. */
  occupy(request: number, arrivedAt: number): number {
    const local = this.free[--this.freeCount] as number;
    this.inService[local] = request;
    this.arrivedAt[local] = arrivedAt;
    this.busy++;
    return this.firstWorker + local;
  }

  /** Frees a worker (global number). */
  vacate(worker: number): void {
    const local = worker - this.firstWorker;
    this.inService[local] = -1;
    this.free[this.freeCount++] = local;
    this.busy--;
  }

  arrivalOf(worker: number): number {
    return this.arrivedAt[worker - this.firstWorker] as number;
  }

  /** The global worker serving `request`, or −1. */
  workerOf(request: number): number {
    const local = this.inService.indexOf(request);
    return local < 0 ? -1 : this.firstWorker + local;
  }

  /** Empties the unit (a crash): returns the requests that were waiting, then those in service. */
  evict(): { waiting: number[]; serving: number[] } {
    const waiting: number[] = [];
    while (this.queue.length > 0) waiting.push(this.queue.shift());
    const serving: number[] = [];
    for (let local = 0; local < this.workers; local++) {
      const request = this.inService[local] as number;
      if (request >= 0) {
        serving.push(request);
        this.vacate(this.firstWorker + local);
      }
    }
    return { waiting, serving };
  }
}
