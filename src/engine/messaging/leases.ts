import { IntDeque } from './int-deque';

/** Where a delivery (a lease on a message) is. */
export const LeaseState = {
  free: 0,
  /** Out at a consumer, within its visibility timeout. */
  outstanding: 1,
  /** Answered; waits in the deadline list until it reaches the front. */
  answered: 2,
  /** Its visibility timeout ended first; the answer is still to come. */
  expired: 3,
} as const;

/**
 * The deliveries out at consumers. Every lease gets the same visibility
 * timeout, so deadlines come in delivery order: one list in that order and
 * one pending timer for its front replace a timer event per delivery.
 * A lease is found from the request slot its delivery travels in.
 */
export class Leases {
  state = new Uint8Array(64);
  message = new Int32Array(64);
  consumer = new Int32Array(64);
  deadline = new Float64Array(64);
  /** Lease of each request slot (only meaningful for slots carrying a delivery). */
  private ofSlot = new Int32Array(1024);
  /** Leases in deadline order; answered ones are taken off when they reach the front. */
  readonly byDeadline = new IntDeque();
  private free: number[] = [];
  private used = 0;

  /** A new outstanding lease of `message` to `consumer`, carried by request `slot`. */
  open(slot: number, message: number, consumer: number, deadline: number): number {
    let id = this.free.pop();
    if (id === undefined) {
      if (this.used === this.state.length) this.grow();
      id = this.used++;
    }
    this.state[id] = LeaseState.outstanding;
    this.message[id] = message;
    this.consumer[id] = consumer;
    this.deadline[id] = deadline;
    if (slot >= this.ofSlot.length) {
      const fresh = new Int32Array(Math.max(slot + 1, this.ofSlot.length * 2));
      fresh.set(this.ofSlot);
      this.ofSlot = fresh;
    }
    this.ofSlot[slot] = id;
    this.byDeadline.pushBack(id);
    return id;
  }

  /** The lease whose delivery travels in request `slot`. */
  of(slot: number): number {
    return this.ofSlot[slot] as number;
  }

  release(id: number): void {
    this.state[id] = LeaseState.free;
    this.free.push(id);
  }

  private grow(): void {
    const size = this.state.length * 2;
    const state = new Uint8Array(size);
    state.set(this.state);
    this.state = state;
    const message = new Int32Array(size);
    message.set(this.message);
    this.message = message;
    const consumer = new Int32Array(size);
    consumer.set(this.consumer);
    this.consumer = consumer;
    const deadline = new Float64Array(size);
    deadline.set(this.deadline);
    this.deadline = deadline;
  }
}
