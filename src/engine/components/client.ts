import type { ClientNode } from '../../scenario/schema';
import { createKeySampler, createSampler, exponential, type Sampler } from '../distributions';
import { LatencyHistogram } from '../histogram';
import { RequestFlag } from '../request-pool';
import type { Rng } from '../rng';
import { failureReasonOf, Outcome, type OutcomeCode, type WindowNodeSample } from '../types';
import { type Component, EventKind, type SimContext } from '../component';
import { ClientConnections, connectionUser } from './client-connections';
import { queuelessReport } from './report-helpers';

const ARRIVAL = EventKind.timer0;
const THINK_DONE = EventKind.timer1;
const RETRY_SEND = EventKind.timer2;
const TIMEOUT = EventKind.timer3;

/**
 * Sends requests and settles them: open loop (Poisson arrivals) or closed
 * loop (users who think, send and wait). Owns timeouts and retries, and is
 * where end-to-end latency is measured.
 */
export class Client implements Component {
  readonly kind = 'client';
  readonly observesResponses = true;
  readonly id: string;
  readonly label: string;
  private readonly nextArrival: Sampler | null;
  private readonly think: Sampler | null;
  private readonly coin: Rng;
  private readonly jitter: Rng;
  private readonly pickAddress: Rng;
  private readonly pickKey: Sampler;
  private readonly pickType: Rng;
  /** Draws which requests carry no valid credentials (only when some do, so other runs' draws are unchanged). */
  private readonly credentials: Rng;
  /** Cumulative weights of the request mix, for drawing a type. */
  private readonly mixCdf: Float64Array;
  private readonly mixWrites: Uint8Array;
  private readonly typeOffset: number;
  private readonly connections: ClientConnections;
  private sent = 0;
  private completed = 0;
  private inFlight = 0;
  private measuredCompleted = 0;
  private windowSent = 0;
  private windowFailed = 0;
  private readonly latency = new LatencyHistogram();
  /** A live edit replaced or removed this client: it sends nothing new, and settles what it has out. */
  private retired = false;

  constructor(
    readonly index: number,
    private readonly node: ClientNode,
    private readonly ctx: SimContext,
  ) {
    this.id = node.id;
    this.label = node.label ?? node.id;
    const workload = node.workload;
    this.nextArrival = workload.mode === 'open' ? exponential(ctx.rng(index, 0), 1 / workload.rate) : null;
    this.think = workload.mode === 'closed' ? createSampler(ctx.rng(index, 1), workload.thinkTime) : null;
    this.coin = ctx.rng(index, 2);
    this.jitter = ctx.rng(index, 3);
    this.pickAddress = ctx.rng(index, 4);
    this.pickKey = createKeySampler(ctx.rng(index, 5), node.catalogue);
    this.pickType = ctx.rng(index, 6);
    this.credentials = ctx.rng(index, 9);
    let total = 0;
    this.mixCdf = Float64Array.from(node.mix, (t) => (total += t.weight));
    this.mixWrites = Uint8Array.from(node.mix, (t) => (t.method === 'GET' ? 0 : 1));
    this.typeOffset = ctx.requestTypeOffset(index);
    this.connections = new ClientConnections(node.connections, ctx.rng(index, 7));
  }

  start(time: number): void {
    const workload = this.node.workload;
    if (workload.mode === 'open') {
      this.ctx.schedule(this.index, ARRIVAL, 0, time + (this.nextArrival as Sampler)());
    } else {
      for (let user = 0; user < workload.users; user++) {
        this.ctx.schedule(this.index, THINK_DONE, user, time + (this.think as Sampler)());
      }
    }
  }

  handle(kind: number, arg: number, time: number): void {
    switch (kind) {
      case ARRIVAL:
        if (this.retired) return;
        this.launch(-1, time);
        this.ctx.schedule(this.index, ARRIVAL, 0, time + (this.nextArrival as Sampler)());
        return;
      case THINK_DONE:
        if (!this.retired) this.launch(arg, time);
        return;
      case RETRY_SEND:
        this.dispatch(arg, time);
        return;
      case TIMEOUT:
        if (!this.isSettled(arg)) this.settle(arg, Outcome.timeout, time);
        this.ctx.requests.release(arg);
        return;
      case EventKind.response:
        if (!this.isSettled(arg)) this.settle(arg, this.ctx.requests.outcome[arg] as OutcomeCode, time);
        this.ctx.requests.release(arg);
        return;
    }
  }

  /** Creates the first attempt of a request. */
  private launch(owner: number, time: number): void {
    const requests = this.ctx.requests;
    const request = this.ctx.newRequest();
    if (request < 0) {
      this.refuse();
      // A user whose request the engine could not take thinks and tries again.
      if (owner >= 0) this.ctx.schedule(this.index, THINK_DONE, owner, time + (this.think as Sampler)());
      return;
    }
    requests.client[request] = this.index;
    requests.owner[request] = owner;
    requests.attempt[request] = 1;
    // A closed-loop user keeps one address; open-loop arrivals come from anywhere in the population.
    requests.address[request] =
      owner >= 0 ? owner % this.node.addresses : Math.floor(this.pickAddress.next() * this.node.addresses);
    requests.key[request] = this.pickKey();
    const type = this.drawType();
    requests.requestType[request] = this.typeOffset + type;
    let flags = this.node.https ? RequestFlag.encrypted : 0;
    if (this.mixWrites[type] === 1 || (this.node.writeRatio > 0 && this.coin.next() < this.node.writeRatio)) flags |= RequestFlag.write;
    if (this.node.invalidCredentials > 0 && this.credentials.next() < this.node.invalidCredentials) flags |= RequestFlag.invalidCredentials;
    requests.flags[request] = flags;
    this.dispatch(request, time);
  }

  private drawType(): number {
    const cdf = this.mixCdf;
    if (cdf.length === 1) return 0;
    const u = this.pickType.next() * (cdf[cdf.length - 1] as number);
    let i = 0;
    while (i < cdf.length - 1 && (cdf[i] as number) <= u) i++;
    return i;
  }

  private dispatch(request: number, time: number): void {
    const { requests, totals } = this.ctx;
    requests.sentAt[request] = time;
    const user = connectionUser(this.index, requests.owner[request] as number, requests.address[request] as number);
    requests.flags[request] = (requests.flags[request] as number) | this.connections.flagsFor(user, time);
    this.sent++;
    this.windowSent++;
    this.inFlight++;
    totals.sent++;
    totals.inFlight++;
    if (this.node.timeout !== null) {
      requests.refs[request] = (requests.refs[request] as number) + 1;
      this.ctx.schedule(this.index, TIMEOUT, request, time + this.node.timeout);
    }
    this.ctx.forward(request, this.index, time);
  }

  /**
   * The engine is full: count an attempt sent and failed with "engine limit"
   * at once. It takes no slot and crosses no link, so memory stays within the
   * budget however fast requests come; conservation still holds.
   */
  private refuse(): void {
    const totals = this.ctx.totals;
    this.sent++;
    this.windowSent++;
    this.windowFailed++;
    totals.sent++;
    totals.failed++;
    totals.failures.engineLimit++;
  }

  private isSettled(request: number): boolean {
    return ((this.ctx.requests.flags[request] as number) & RequestFlag.settled) !== 0;
  }

  private settle(request: number, outcome: OutcomeCode, time: number): void {
    const { requests, totals } = this.ctx;
    requests.flags[request] = (requests.flags[request] as number) | RequestFlag.settled;
    this.inFlight--;
    totals.inFlight--;
    if (outcome === Outcome.ok) {
      this.completed++;
      totals.completed++;
      if (time >= this.ctx.measureFrom) {
        totals.measuredCompleted++;
        this.measuredCompleted++;
      }
      const sentAt = requests.sentAt[request] as number;
      const latency = time - sentAt;
      totals.windowLatency.record(latency);
      if (sentAt >= this.ctx.measureFrom) {
        this.latency.record(latency);
        totals.latency.record(latency);
      }
    } else {
      this.windowFailed++;
      totals.failed++;
      totals.failures[failureReasonOf(outcome)]++;
      const transient =
        outcome === Outcome.queueFull ||
        outcome === Outcome.timeout ||
        outcome === Outcome.nodeDown ||
        outcome === Outcome.removed ||
        outcome === Outcome.throttled;
      if (transient && this.retry(request, time)) return;
    }
    const owner = requests.owner[request] as number;
    if (owner >= 0) this.ctx.schedule(this.index, THINK_DONE, owner, time + (this.think as Sampler)());
  }

  /** Schedules the next attempt after an exponential backoff; false when none is left. */
  private retry(failed: number, time: number): boolean {
    const requests = this.ctx.requests;
    const attempt = requests.attempt[failed] as number;
    const policy = this.node.retries;
    if (attempt > policy.count) return false;
    const next = this.ctx.newRequest();
    if (next < 0) {
      // The retry is an attempt the engine cannot take: it fails at once, and the request ends here.
      this.ctx.totals.retries++;
      this.refuse();
      return false;
    }
    requests.client[next] = this.index;
    requests.owner[next] = requests.owner[failed] as number;
    requests.attempt[next] = attempt + 1;
    requests.address[next] = requests.address[failed] as number;
    requests.key[next] = requests.key[failed] as number;
    requests.requestType[next] = requests.requestType[failed] as number;
    const carried = (requests.flags[failed] as number) & (RequestFlag.write | RequestFlag.invalidCredentials);
    requests.flags[next] = (this.node.https ? RequestFlag.encrypted : 0) | carried;
    const backoff = policy.backoff * 2 ** (attempt - 1);
    let delay = policy.jitter ? backoff * this.jitter.next() : backoff;
    // A 429 says how long to wait; a client that honours it waits at least that long.
    if (policy.honourRetryAfter && requests.outcome[failed] === Outcome.throttled) delay = Math.max(delay, requests.arrivedAt[failed] as number);
    this.ctx.totals.retries++;
    this.ctx.schedule(this.index, RETRY_SEND, next, time + delay);
    return true;
  }

  retire(): void {
    this.retired = true;
  }

  beginMeasurement(): void {
    this.latency.reset();
    this.measuredCompleted = 0;
  }

  closeWindow(): WindowNodeSample {
    const sample = { utilization: 0, queueLength: 0, p99: 0, served: this.windowSent, dropped: this.windowFailed };
    this.windowSent = 0;
    this.windowFailed = 0;
    return sample;
  }

  report(time: number) {
    const measured = Math.max(time - this.ctx.measureFrom, 0);
    return queuelessReport({
      id: this.id,
      kind: this.kind,
      label: this.label,
      arrivals: this.sent,
      served: this.completed,
      throughput: measured > 0 ? this.measuredCompleted / measured : 0,
      latency: this.latency,
      inSystem: this.inFlight,
    });
  }

  live() {
    return { busy: 0, queueLength: 0, inSystem: this.inFlight, workers: 0 };
  }
}
