import type { MessageQueueNode } from '../../scenario/schema';
import { type Component, EventKind, type SimContext } from '../component';
import { RequestFlag } from '../request-pool';
import { type LiveNode, type NodeReportOf, Outcome, type OutcomeCode, type WindowNodeSample } from '../types';
import { ConsumerPool, RECONNECT_S } from './consumers';
import { scales } from '../elastic/group-size';
import type { QueueFigures } from './figures';
import { IntDeque } from './int-deque';
import { LeaseState, Leases } from './leases';
import { MessageState, MessageStore } from './message-store';
import { type QueueState, queueFigures, queueLive, queueReport } from './queue-report';
import { QueueStats } from './queue-stats';

const VISIBILITY = EventKind.timer0;
const DISPATCH = EventKind.timer1;
/** When the engine had no room for a delivery, the queue tries again this much later. */
const RETRY_S = 0.001;

/**
 * A message queue. A producer's request ends here: the message is stored,
 * the producer acknowledged after `ackLatency`. Consumers (the servers the
 * queue links to) pull from the backlog, each holding at most `prefetch`
 * unacknowledged deliveries. A delivery travels as a request of its own, from
 * the queue to the consumer and back; one that fails, or is not answered
 * within the visibility timeout, makes the message visible again at the
 * front of the backlog, so delivery is at least once. After `maxDeliveries`
 * failed deliveries the message is dead-lettered.
 */
export class MessageQueue implements Component {
  readonly kind = 'messageQueue';
  readonly observesResponses = false;
  readonly label: string;
  readonly messages = new MessageStore();
  private readonly leases = new Leases();
  private readonly backlog = new IntDeque();
  readonly stats = new QueueStats();
  private consumers = new ConsumerPool([], 1);
  private readonly capacity: number;
  /** When the one pending visibility timer fires (Infinity: none). */
  private timerAt = Number.POSITIVE_INFINITY;
  private dispatchAt = Number.POSITIVE_INFINITY;

  constructor(
    readonly index: number,
    private readonly node: MessageQueueNode,
    private readonly ctx: SimContext,
  ) {
    this.label = node.label ?? node.id;
    this.capacity = node.capacity ?? Number.POSITIVE_INFINITY;
  }

  get id(): string {
    return this.node.id;
  }

  start(): void {
    const links = this.ctx.outgoing(this.index).filter((link) => this.ctx.kindOf(link.to) === 'server');
    this.consumers = new ConsumerPool(links, this.node.prefetch, (link) => (scales(this.ctx.nodes[link.to]) ? this.ctx.membershipOf(link.to) : null));
    // A consumer instance that starts serving opens its connection and pulls at once.
    for (const consumer of this.consumers.consumers) {
      consumer.group?.subscribe((_instance, serving, time) => {
        if (serving) this.wakeAt(time);
      });
    }
  }

  /** Messages waiting for a consumer: what a consuming group's backlog policy tracks. */
  get waiting(): number {
    return this.messages.waiting;
  }

  handle(kind: number, arg: number, time: number): void {
    if (kind === EventKind.arrive) this.arrive(arg, time);
    else if (kind === EventKind.response) this.answered(arg, time);
    else if (kind === VISIBILITY) this.expireLeases(time);
    else if (kind === DISPATCH) {
      this.dispatchAt = Number.POSITIVE_INFINITY;
      this.dispatch(time);
    }
  }

  /** A producer's request: store the message, or refuse it when the backlog is full. */
  private arrive(request: number, time: number): void {
    const { requests } = this.ctx;
    const messages = this.messages;
    this.stats.arrivals++;
    this.dropExpired(time);
    if (messages.waiting >= this.capacity) {
      this.stats.rejected++;
      this.stats.windowRejected++;
      this.ctx.respond(request, Outcome.backlogFull, time);
      return;
    }
    this.advance(time);
    const message = messages.create(time);
    messages.key[message] = requests.key[request] as number;
    messages.requestType[message] = requests.requestType[request] as number;
    messages.address[message] = requests.address[request] as number;
    messages.write[message] = (requests.flags[request] as number) & RequestFlag.write;
    messages.hold(message);
    this.backlog.pushBack(message);
    this.stats.accepted(time);
    if (messages.waiting > this.stats.maxBacklog) this.stats.maxBacklog = messages.waiting;
    // The ack leaves after the store's latency: nothing can happen to it before, so it is sent now, dated then (one event fewer).
    this.acknowledgeProducer(request, time + this.node.ackLatency);
    this.dispatch(time);
  }

  /** The message is stored at `time`: the producer's request completes. */
  private acknowledgeProducer(request: number, time: number): void {
    const sentAt = this.ctx.requests.sentAt[request] as number;
    if (sentAt >= this.stats.measureStart) this.stats.ack.record(time + this.ctx.pathLatency(request) - sentAt);
    this.ctx.respond(request, Outcome.ok, time);
  }

  /** Hands waiting messages to consumers with room, oldest first. */
  private dispatch(time: number): void {
    const { messages, backlog } = this;
    while (backlog.length > 0) {
      const message = backlog.peekFront();
      if (messages.state[message] !== MessageState.waiting) {
        // Acknowledged by an earlier, late delivery while it waited here.
        backlog.popFront();
        messages.unhold(message);
        continue;
      }
      if (this.tooOld(message, time)) {
        this.expire(message, time);
        continue;
      }
      const consumer = this.consumers.pick(time);
      if (consumer < 0) {
        // No one can take it now. A consumer may be paused past the wake-up that brought us here (a second
        // refusal moved its reconnect later): wake again when it reconnects, or the backlog waits forever.
        const reconnect = this.consumers.nextReconnect(time);
        if (reconnect !== Number.POSITIVE_INFINITY) this.wakeAt(reconnect);
        return;
      }
      const slot = this.ctx.newRequest();
      if (slot < 0) {
        this.wakeAt(time + RETRY_S);
        return;
      }
      backlog.popFront();
      this.deliver(message, consumer, slot, time);
    }
  }

  private deliver(message: number, consumer: number, slot: number, time: number): void {
    const { messages, stats } = this;
    const requests = this.ctx.requests;
    this.advance(time);
    stats.leftBacklog(messages.visibleSince[message] as number, time);
    messages.move(message, MessageState.leased);
    requests.client[slot] = this.index;
    requests.owner[slot] = -1;
    requests.attempt[slot] = (messages.failures[message] as number) + 1;
    requests.address[slot] = messages.address[message] as number;
    requests.key[slot] = messages.key[message] as number;
    requests.requestType[slot] = messages.requestType[message] as number;
    requests.flags[slot] = messages.write[message] as number;
    requests.sentAt[slot] = time;
    // The backlog's hold on the message passes to the lease.
    this.leases.open(slot, message, consumer, time + this.node.visibilityTimeout);
    if (this.timerAt === Number.POSITIVE_INFINITY) this.armTimer();
    const target = this.consumers.at(consumer);
    target.held++;
    stats.deliveries++;
    this.ctx.send(slot, target.link, time);
  }

  /** A delivery came back from its consumer. */
  private answered(slot: number, time: number): void {
    const { leases, messages } = this;
    const requests = this.ctx.requests;
    const lease = leases.of(slot);
    const message = leases.message[lease] as number;
    const consumer = this.consumers.at(leases.consumer[lease] as number);
    const outcome = requests.outcome[slot] as OutcomeCode;
    requests.release(slot);
    consumer.held--;
    const wasOutstanding = leases.state[lease] === LeaseState.outstanding;
    if (outcome === Outcome.ok) this.processed(message, time);
    else {
      // A consumer that was down has dropped its connection: it pulls again once back.
      if (outcome === Outcome.nodeDown) {
        consumer.pausedUntil = time + RECONNECT_S;
        this.wakeAt(consumer.pausedUntil);
      }
      // A consumer that was down never got to work on it: the message goes back without a failure counted against it.
      if (wasOutstanding) this.deliveryFailed(message, time, outcome !== Outcome.nodeDown);
    }
    if (wasOutstanding) leases.state[lease] = LeaseState.answered;
    else {
      // Expired earlier: it left the deadline list then, and ends now.
      leases.release(lease);
      messages.unhold(message);
    }
    this.dropAnsweredLeases();
    this.dispatch(time);
  }

  /** A consumer processed the message: the first time acknowledges it, later times are duplicates. */
  private processed(message: number, time: number): void {
    const { messages } = this;
    const state = messages.state[message];
    if (state === MessageState.acknowledged) {
      this.stats.duplicates++;
      return;
    }
    // Dead-lettered or dropped already: the late work counts nowhere (it is neither lost nor a second success).
    if (messages.ended(message)) return;
    this.advance(time);
    if (state === MessageState.waiting) this.stats.leftBacklog(messages.visibleSince[message] as number, time);
    messages.move(message, MessageState.acknowledged);
    this.stats.acknowledged(messages.enqueuedAt[message] as number, time);
  }

  /** A delivery failed or timed out: offer the message again, or dead-letter it after too many failures that `counts`. */
  private deliveryFailed(message: number, time: number, counts = true): void {
    const { messages } = this;
    if (messages.state[message] !== MessageState.leased) return;
    this.advance(time);
    const failures = (messages.failures[message] as number) + (counts ? 1 : 0);
    messages.failures[message] = failures;
    if (failures >= this.node.maxDeliveries) {
      messages.move(message, MessageState.deadLettered);
      return;
    }
    this.stats.redeliveries++;
    messages.move(message, MessageState.waiting);
    messages.visibleSince[message] = time;
    messages.hold(message);
    this.backlog.pushFront(message);
  }

  /** Takes answered leases off the front of the deadline list. */
  private dropAnsweredLeases(): void {
    const { leases, messages } = this;
    const list = leases.byDeadline;
    while (list.length > 0 && leases.state[list.peekFront()] === LeaseState.answered) {
      const lease = list.popFront();
      messages.unhold(leases.message[lease] as number);
      leases.release(lease);
    }
  }

  /** The visibility timer: leases past their deadline expire, and the timer moves to the next one. */
  private expireLeases(time: number): void {
    const { leases } = this;
    const list = leases.byDeadline;
    this.timerAt = Number.POSITIVE_INFINITY;
    this.dropAnsweredLeases();
    while (list.length > 0 && (leases.deadline[list.peekFront()] as number) <= time) {
      const lease = list.popFront();
      leases.state[lease] = LeaseState.expired;
      this.deliveryFailed(leases.message[lease] as number, time);
      this.dropAnsweredLeases();
    }
    this.armTimer();
    this.dispatch(time);
  }

  private armTimer(): void {
    const list = this.leases.byDeadline;
    if (list.length === 0) return;
    this.timerAt = this.leases.deadline[list.peekFront()] as number;
    this.ctx.schedule(this.index, VISIBILITY, 0, this.timerAt);
  }

  /** Schedules a dispatch at `time` unless one is due sooner. */
  private wakeAt(time: number): void {
    if (time >= this.dispatchAt) return;
    this.dispatchAt = time;
    this.ctx.schedule(this.index, DISPATCH, 0, time);
  }

  private tooOld(message: number, time: number): boolean {
    const maxAge = this.node.maxAge;
    return maxAge !== null && time - (this.messages.enqueuedAt[message] as number) > maxAge;
  }

  /** Drops the message at the front of the backlog for its age. */
  private expire(message: number, time: number): void {
    this.advance(time);
    this.backlog.popFront();
    this.stats.leftBacklog(this.messages.visibleSince[message] as number, time);
    this.messages.move(message, MessageState.expired);
    this.messages.unhold(message);
  }

  /** Drops messages at the front that are past the maximum age, so the backlog's age stays bounded. */
  private dropExpired(time: number): void {
    if (this.node.maxAge === null) return;
    const { backlog, messages } = this;
    while (backlog.length > 0) {
      const message = backlog.peekFront();
      if (messages.state[message] !== MessageState.waiting) {
        backlog.popFront();
        messages.unhold(message);
      } else if (this.tooOld(message, time)) this.expire(message, time);
      else return;
    }
  }

  /** Seconds the oldest waiting message has waited at `time`. */
  oldestAge(time: number): number {
    const { backlog, messages } = this;
    for (let i = 0; i < backlog.length; i++) {
      const message = backlog.at(i);
      if (messages.state[message] === MessageState.waiting) return time - (messages.enqueuedAt[message] as number);
    }
    return 0;
  }

  private advance(time: number): void {
    this.stats.advance(time, this.messages.waiting, this.messages.leased);
  }

  beginMeasurement(time: number): void {
    this.advance(time);
    this.stats.beginMeasurement(time);
  }

  closeWindow(start: number, time: number): WindowNodeSample {
    this.advance(time);
    const { stats } = this;
    const sample = {
      utilization: 0,
      queueLength: stats.windowBacklog(start, time),
      p99: stats.windowEndToEnd.percentile(99),
      served: stats.windowAcknowledged,
      dropped: stats.windowRejected,
      backlog: this.messages.waiting,
      oldestAge: this.oldestAge(time),
    };
    stats.windowEndToEnd.reset();
    stats.windowAcknowledged = 0;
    stats.windowRejected = 0;
    return sample;
  }

  private state(time: number): QueueState {
    this.advance(time);
    return { id: this.id, label: this.label, messages: this.messages, stats: this.stats, oldestAge: this.oldestAge(time) };
  }

  /** The queue's own figures at `time`. */
  figures(time: number): QueueFigures {
    return queueFigures(this.state(time), time);
  }

  report(time: number): NodeReportOf<'messageQueue'> {
    return queueReport(this.state(time), time);
  }

  live(): LiveNode {
    // Read-only: a live frame must not advance the integrals the report adds up.
    const now = this.ctx.scheduler.now;
    return queueLive({ id: this.id, label: this.label, messages: this.messages, stats: this.stats, oldestAge: this.oldestAge(now) });
  }
}
