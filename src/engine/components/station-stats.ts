import { LatencyHistogram } from '../histogram';
import type { WindowNodeSample } from '../types';
import { emptyLatency } from './report-helpers';

/**
 * The figures of a queueing station: counts, time integrals of busy workers
 * and queue length (advanced at every change), waits and latencies — over the
 * whole run, since measurement began (end of warm-up), and in the current
 * metrics window (its counters reset each time it closes).
 */
export class StationStats {
  private lastChange = 0;
  private busyArea = 0;
  private queueArea = 0;
  private measuredBusyArea = 0;
  private measuredQueueArea = 0;
  private windowBusyArea = 0;
  private windowQueueArea = 0;
  /**
   * A scaling group's workers change during the run: utilization is then busy
   * worker-seconds over the worker-seconds of the instances that could work
   * (serving or draining), not over every slot. Fixed groups keep the plain
   * quotient, bit for bit.
   */
  private elastic = false;
  private capacity: number;
  private capacityArea = 0;
  private measuredCapacityArea = 0;
  private windowCapacityArea = 0;
  measureStart = 0;
  arrivals = 0;
  served = 0;
  dropped = 0;
  refused = 0;
  lost = 0;
  private measuredServed = 0;
  private measuredWaits = 0;
  private measuredWaited = 0;
  private measuredWaitSum = 0;
  private windowServed = 0;
  private windowDropped = 0;
  private readonly latency = new LatencyHistogram();
  private readonly windowLatency = new LatencyHistogram();

  constructor(private readonly workers: number) {
    this.capacity = workers;
  }

  /** Workers that can work from now on (a scaling group's serving and draining instances); accrue first with advance. */
  setCapacity(workers: number): void {
    this.elastic = true;
    this.capacity = workers;
  }

  /** Accrues the integrals up to `time` at the current busy and queued counts; call before they change. */
  advance(time: number, busy: number, queued: number): void {
    const dt = time - this.lastChange;
    if (dt > 0) {
      this.busyArea += busy * dt;
      this.queueArea += queued * dt;
      if (this.elastic) this.capacityArea += this.capacity * dt;
      this.lastChange = time;
    }
  }

  drop(): void {
    this.dropped++;
    this.windowDropped++;
  }

  refuse(): void {
    this.refused++;
    this.windowDropped++;
  }

  /** A request arrived at `arrivedAt` starts service at `time`. */
  started(arrivedAt: number, time: number): void {
    if (arrivedAt < this.measureStart) return;
    const wait = time - arrivedAt;
    this.measuredWaits++;
    if (wait > 0) {
      this.measuredWaited++;
      this.measuredWaitSum += wait;
    }
  }

  finished(arrivedAt: number, time: number): void {
    this.served++;
    this.windowServed++;
    if (arrivedAt >= this.measureStart) {
      this.measuredServed++;
      this.latency.record(time - arrivedAt);
    }
    this.windowLatency.record(time - arrivedAt);
  }

  beginMeasurement(time: number): void {
    this.measureStart = time;
    this.measuredBusyArea = this.busyArea;
    this.measuredQueueArea = this.queueArea;
    this.measuredCapacityArea = this.capacityArea;
    this.measuredServed = 0;
    this.measuredWaits = 0;
    this.measuredWaited = 0;
    this.measuredWaitSum = 0;
    this.latency.reset();
  }

  closeWindow(start: number, time: number): WindowNodeSample {
    const width = time - start;
    const busy = this.busyArea - this.windowBusyArea;
    const queue = this.queueArea - this.windowQueueArea;
    const capacity = this.elastic ? this.capacityArea - this.windowCapacityArea : width * this.workers;
    this.windowBusyArea = this.busyArea;
    this.windowQueueArea = this.queueArea;
    this.windowCapacityArea = this.capacityArea;
    const sample = {
      utilization: capacity > 0 ? busy / capacity : 0,
      queueLength: width > 0 ? queue / width : 0,
      p99: this.windowLatency.percentile(99),
      served: this.windowServed,
      dropped: this.windowDropped,
    };
    this.windowLatency.reset();
    this.windowServed = 0;
    this.windowDropped = 0;
    return sample;
  }

  /**
   * Busy workers / workers since measurement began, as the report would give
   * it at `time` with `busy` workers busy now. It reads the integrals without
   * advancing them: a live frame must not change the sums the report adds up,
   * or runs watched in the browser would drift from headless ones.
   */
  utilizationAt(time: number, busy: number): number {
    const measured = time - this.measureStart;
    if (measured <= 0) return 0;
    const dt = time - this.lastChange;
    const area = dt > 0 ? this.busyArea + busy * dt : this.busyArea;
    if (this.elastic) {
      const capacity = this.capacityArea + (dt > 0 ? this.capacity * dt : 0) - this.measuredCapacityArea;
      return capacity > 0 ? (area - this.measuredBusyArea) / capacity : 0;
    }
    return (area - this.measuredBusyArea) / (measured * this.workers);
  }

  /** Busy worker-seconds since the run began, read at `time` with `busy` workers busy now, without accruing. */
  busyWorkerSeconds(time: number, busy: number): number {
    const dt = time - this.lastChange;
    return dt > 0 ? this.busyArea + busy * dt : this.busyArea;
  }

  private ratio(part: number, whole: number): number {
    return whole > 0 ? part / whole : 0;
  }

  /** Mean queue wait of requests measured so far, seconds. */
  get meanWait(): number {
    return this.measuredWaits > 0 ? this.measuredWaitSum / this.measuredWaits : 0;
  }

  /** The measured figures of a NodeReport. */
  measured(time: number) {
    const measured = time - this.measureStart;
    const busy = this.busyArea - this.measuredBusyArea;
    const queue = this.queueArea - this.measuredQueueArea;
    return {
      throughput: measured > 0 ? this.measuredServed / measured : 0,
      utilization: this.elastic ? this.ratio(busy, this.capacityArea - this.measuredCapacityArea) : measured > 0 ? busy / (measured * this.workers) : 0,
      meanQueueLength: measured > 0 ? queue / measured : 0,
      meanInSystem: measured > 0 ? (busy + queue) / measured : 0,
      waitProbability: this.measuredWaits > 0 ? this.measuredWaited / this.measuredWaits : 0,
      meanWait: this.measuredWaits > 0 ? this.measuredWaitSum / this.measuredWaits : 0,
      latency: this.latency.count > 0 ? this.latency.summary() : emptyLatency(),
    };
  }
}
