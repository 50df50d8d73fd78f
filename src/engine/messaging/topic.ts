import type { TopicNode } from '../../scenario/schema';
import { queuelessReport } from '../components/report-helpers';
import { type Component, EventKind, type RuntimeLink, type SimContext } from '../component';
import { LatencyHistogram } from '../histogram';
import { RequestFlag } from '../request-pool';
import { type LiveNode, type NodeReportOf, Outcome, type WindowNodeSample } from '../types';
import type { TopicFigures } from './figures';

/**
 * A pub/sub topic. A published request ends here: the publisher is
 * acknowledged after `ackLatency`, and a copy of the message goes to every
 * node the topic links to (its subscribers: queues or servers), each copy a
 * request of its own whose answer comes back to the topic. Copies are sent
 * once; a subscriber that needs them kept should be a queue.
 */
export class Topic implements Component {
  readonly kind = 'topic';
  readonly observesResponses = false;
  readonly label: string;
  private subscribers: readonly RuntimeLink[] = [];
  private published = 0;
  private copies = 0;
  private delivered = 0;
  private failed = 0;
  private inFlight = 0;
  private measuredPublished = 0;
  private measureStart = 0;
  private windowPublished = 0;
  private windowFailed = 0;
  /** What a publisher waited for its acknowledgement (measured). */
  private readonly ack = new LatencyHistogram();

  constructor(
    readonly index: number,
    private readonly node: TopicNode,
    private readonly ctx: SimContext,
  ) {
    this.label = node.label ?? node.id;
  }

  get id(): string {
    return this.node.id;
  }

  start(): void {
    this.subscribers = this.ctx.outgoing(this.index);
  }

  handle(kind: number, arg: number, time: number): void {
    if (kind === EventKind.arrive) this.publish(arg, time);
    else if (kind === EventKind.response) this.copyAnswered(arg);
  }

  private publish(request: number, time: number): void {
    this.published++;
    this.windowPublished++;
    if (time >= this.measureStart) this.measuredPublished++;
    const requests = this.ctx.requests;
    for (const link of this.subscribers) {
      this.copies++;
      const copy = this.ctx.newRequest();
      if (copy < 0) {
        // The engine is full: this subscriber misses the message.
        this.failed++;
        this.windowFailed++;
        continue;
      }
      this.inFlight++;
      requests.client[copy] = this.index;
      requests.owner[copy] = -1;
      requests.attempt[copy] = 1;
      requests.address[copy] = requests.address[request] as number;
      requests.key[copy] = requests.key[request] as number;
      requests.requestType[copy] = requests.requestType[request] as number;
      requests.flags[copy] = (requests.flags[request] as number) & RequestFlag.write;
      requests.sentAt[copy] = time;
      this.ctx.send(copy, link, time);
    }
    // Sent now, dated when the message is stored: nothing can happen to the ack in between (one event fewer).
    this.acknowledge(request, time + this.node.ackLatency);
  }

  private acknowledge(request: number, time: number): void {
    const sentAt = this.ctx.requests.sentAt[request] as number;
    if (sentAt >= this.measureStart) this.ack.record(time + this.ctx.pathLatency(request) - sentAt);
    this.ctx.respond(request, Outcome.ok, time);
  }

  private copyAnswered(copy: number): void {
    const requests = this.ctx.requests;
    this.inFlight--;
    if (requests.outcome[copy] === Outcome.ok) this.delivered++;
    else {
      this.failed++;
      this.windowFailed++;
    }
    requests.release(copy);
  }

  beginMeasurement(time: number): void {
    this.measureStart = time;
    this.measuredPublished = 0;
    this.ack.reset();
  }

  closeWindow(): WindowNodeSample {
    const sample = { utilization: 0, queueLength: 0, p99: 0, served: this.windowPublished, dropped: this.windowFailed };
    this.windowPublished = 0;
    this.windowFailed = 0;
    return sample;
  }

  /** The topic's own figures. */
  figures(): TopicFigures {
    return {
      published: this.published,
      subscribers: this.subscribers.length,
      copies: this.copies,
      delivered: this.delivered,
      failed: this.failed,
      inFlight: this.inFlight,
    };
  }

  report(time: number): NodeReportOf<'topic'> {
    const span = Math.max(time - this.measureStart, 0);
    return {
      ...queuelessReport({
        id: this.id,
        kind: this.kind,
        label: this.label,
        arrivals: this.published,
        served: this.published,
        throughput: span > 0 ? this.measuredPublished / span : 0,
        latency: this.ack,
        inSystem: this.inFlight,
      }),
      topic: this.figures(),
    };
  }

  live(): LiveNode {
    return { busy: 0, queueLength: 0, inSystem: this.inFlight, workers: 0, topic: this.figures() };
  }
}
