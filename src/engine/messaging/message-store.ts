/**
 * The messages a queue holds, as parallel typed arrays indexed by a message
 * id that is reused once nothing refers to it. A message is created when a
 * producer's request is accepted (that request then ends at the ack) and
 * lives on its own: in the backlog, out on deliveries, and finally in one
 * of three end states. The counters by state make conservation a sum:
 * accepted = acknowledged + deadLettered + expired + waiting + leased.
 */

/** Where a message is. */
export const MessageState = {
  free: 0,
  /** In the backlog, visible to consumers. */
  waiting: 1,
  /** Delivered, hidden until acknowledged or its visibility timeout ends. */
  leased: 2,
  /** Processed and acknowledged: an end state. */
  acknowledged: 3,
  /** Given up after too many failed deliveries: an end state. */
  deadLettered: 4,
  /** Dropped for waiting longer than the queue's maximum age: an end state. */
  expired: 5,
} as const;

export class MessageStore {
  state = new Uint8Array(64);
  /** When the message was accepted (for enqueue → done latency and its age). */
  enqueuedAt = new Float64Array(64);
  /** When it last entered the backlog (for the backlog wait). */
  visibleSince = new Float64Array(64);
  /** Failed deliveries so far. */
  failures = new Int32Array(64);
  /** Backlog entries and leases that still name it; the id is reused when none do and it has ended. */
  holders = new Int32Array(64);
  /** What the producer's request carried, so each delivery asks the consumer the same thing. */
  key = new Int32Array(64);
  requestType = new Int32Array(64);
  address = new Int32Array(64);
  write = new Uint8Array(64);
  private free: number[] = [];
  private used = 0;

  accepted = 0;
  waiting = 0;
  leased = 0;
  acknowledged = 0;
  deadLettered = 0;
  expired = 0;

  /** A new message, waiting, with no holder yet. */
  create(time: number): number {
    let id = this.free.pop();
    if (id === undefined) {
      if (this.used === this.state.length) this.grow();
      id = this.used++;
    }
    this.state[id] = MessageState.waiting;
    this.enqueuedAt[id] = time;
    this.visibleSince[id] = time;
    this.failures[id] = 0;
    this.holders[id] = 0;
    this.accepted++;
    this.waiting++;
    return id;
  }

  /** Moves a message to `next`, keeping the counters by state. */
  move(id: number, next: (typeof MessageState)[keyof typeof MessageState]): void {
    this.count(this.state[id] as number, -1);
    this.count(next, 1);
    this.state[id] = next;
  }

  /** Whether the message has reached an end state. */
  ended(id: number): boolean {
    return (this.state[id] as number) >= MessageState.acknowledged;
  }

  hold(id: number): void {
    this.holders[id] = (this.holders[id] as number) + 1;
  }

  /** Drops one holder; an ended message with none left frees its id. */
  unhold(id: number): void {
    const left = (this.holders[id] as number) - 1;
    this.holders[id] = left;
    if (left === 0 && this.ended(id)) {
      this.state[id] = MessageState.free;
      this.free.push(id);
    }
  }

  /** Ids in use now (the memory test checks this stays bounded). */
  get live(): number {
    return this.used - this.free.length;
  }

  private count(state: number, delta: number): void {
    switch (state) {
      case MessageState.waiting:
        this.waiting += delta;
        return;
      case MessageState.leased:
        this.leased += delta;
        return;
      case MessageState.acknowledged:
        this.acknowledged += delta;
        return;
      case MessageState.deadLettered:
        this.deadLettered += delta;
        return;
      case MessageState.expired:
        this.expired += delta;
        return;
    }
  }

  private grow(): void {
    const size = this.state.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const fresh = make(size);
      fresh.set(old);
      return fresh;
    };
    this.state = grown(this.state, (n) => new Uint8Array(n));
    this.enqueuedAt = grown(this.enqueuedAt, (n) => new Float64Array(n));
    this.visibleSince = grown(this.visibleSince, (n) => new Float64Array(n));
    this.failures = grown(this.failures, (n) => new Int32Array(n));
    this.holders = grown(this.holders, (n) => new Int32Array(n));
    this.key = grown(this.key, (n) => new Int32Array(n));
    this.requestType = grown(this.requestType, (n) => new Int32Array(n));
    this.address = grown(this.address, (n) => new Int32Array(n));
    this.write = grown(this.write, (n) => new Uint8Array(n));
  }
}
