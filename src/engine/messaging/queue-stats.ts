import { emptyLatency } from '../components/report-helpers';
import { LatencyHistogram } from '../histogram';

/**
 * A queue's measured figures: time integrals of the backlog and of messages
 * in flight (advanced before each change), backlog waits per visit, ack and
 * enqueue → done latencies, and counts since measurement began and in the
 * current metrics window.
 */
export class QueueStats {
  private lastChange = 0;
  private backlogArea = 0;
  private leasedArea = 0;
  private measuredBacklogArea = 0;
  private measuredLeasedArea = 0;
  measureStart = 0;
  arrivals = 0;
  rejected = 0;
  deliveries = 0;
  redeliveries = 0;
  duplicates = 0;
  maxBacklog = 0;
  private measuredAccepted = 0;
  private measuredAcknowledged = 0;
  private visits = 0;
  private visitsWaited = 0;
  private waitSum = 0;
  windowAcknowledged = 0;
  windowRejected = 0;
  readonly ack = new LatencyHistogram();
  readonly endToEnd = new LatencyHistogram();
  readonly windowEndToEnd = new LatencyHistogram();

  /** Accrues the integrals up to `time` at the current counts; call before they change. */
  advance(time: number, backlog: number, leased: number): void {
    const dt = time - this.lastChange;
    if (dt > 0) {
      this.backlogArea += backlog * dt;
      this.leasedArea += leased * dt;
      this.lastChange = time;
    }
  }

  accepted(time: number): void {
    if (time >= this.measureStart) this.measuredAccepted++;
  }

  /** A stay in the backlog that began at `since` ended at `time`. */
  leftBacklog(since: number, time: number): void {
    if (time < this.measureStart) return;
    this.visits++;
    const wait = time - since;
    if (wait > 0) {
      this.visitsWaited++;
      this.waitSum += wait;
    }
  }

  /** A message accepted at `enqueuedAt` was acknowledged at `time`. */
  acknowledged(enqueuedAt: number, time: number): void {
    this.windowAcknowledged++;
    if (time >= this.measureStart) this.measuredAcknowledged++;
    if (enqueuedAt >= this.measureStart) this.endToEnd.record(time - enqueuedAt);
    this.windowEndToEnd.record(time - enqueuedAt);
  }

  beginMeasurement(time: number): void {
    this.measureStart = time;
    this.measuredBacklogArea = this.backlogArea;
    this.measuredLeasedArea = this.leasedArea;
    this.measuredAccepted = 0;
    this.measuredAcknowledged = 0;
    this.visits = 0;
    this.visitsWaited = 0;
    this.waitSum = 0;
    this.ack.reset();
    this.endToEnd.reset();
  }

  /** Time-averaged backlog over [start, time), for a window that began where the last one ended. */
  private windowBacklogArea = 0;
  windowBacklog(start: number, time: number): number {
    const area = this.backlogArea - this.windowBacklogArea;
    this.windowBacklogArea = this.backlogArea;
    return time > start ? area / (time - start) : 0;
  }

  /** The measured figures at `time`. */
  measured(time: number) {
    const span = time - this.measureStart;
    const backlog = this.backlogArea - this.measuredBacklogArea;
    const leased = this.leasedArea - this.measuredLeasedArea;
    return {
      meanBacklog: span > 0 ? backlog / span : 0,
      meanInSystem: span > 0 ? (backlog + leased) / span : 0,
      meanBacklogWait: this.visits > 0 ? this.waitSum / this.visits : 0,
      waitProbability: this.visits > 0 ? this.visitsWaited / this.visits : 0,
      inRate: span > 0 ? this.measuredAccepted / span : 0,
      outRate: span > 0 ? this.measuredAcknowledged / span : 0,
      ackLatency: this.ack.count > 0 ? this.ack.summary() : emptyLatency(),
      endToEnd: this.endToEnd.count > 0 ? this.endToEnd.summary() : emptyLatency(),
    };
  }
}
