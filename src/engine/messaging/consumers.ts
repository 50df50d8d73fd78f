import type { RuntimeLink } from '../component';

/** A consumer whose connection dropped (it was down) pulls again after this many seconds. */
export const RECONNECT_S = 1;

/** One server a queue delivers to, over one link. */
export interface Consumer {
  link: RuntimeLink;
  /** Deliveries it holds, unanswered. */
  held: number;
  /** It pulls nothing before this time (it was down). */
  pausedUntil: number;
}

/** A queue's consumers, taken in turn, each holding at most `prefetch` unanswered deliveries. */
export class ConsumerPool {
  readonly consumers: Consumer[];
  private next = 0;

  constructor(
    links: readonly RuntimeLink[],
    private readonly prefetch: number,
  ) {
    this.consumers = links.map((link) => ({ link, held: 0, pausedUntil: 0 }));
  }

  /** Consumer number `i`. */
  at(i: number): Consumer {
    return this.consumers[i] as Consumer;
  }

  /** The next consumer in turn with room for one more delivery and a connection at `time`, or -1. */
  pick(time: number): number {
    const consumers = this.consumers;
    const n = consumers.length;
    for (let i = 0; i < n; i++) {
      const k = (this.next + i) % n;
      const c = consumers[k] as Consumer;
      if (c.held < this.prefetch && c.pausedUntil <= time) {
        this.next = (k + 1) % n;
        return k;
      }
    }
    return -1;
  }

  /** The soonest time after `time` at which a paused consumer with room pulls again (Infinity: none is waiting to). */
  nextReconnect(time: number): number {
    let soonest = Number.POSITIVE_INFINITY;
    for (const c of this.consumers) if (c.held < this.prefetch && c.pausedUntil > time && c.pausedUntil < soonest) soonest = c.pausedUntil;
    return soonest;
  }
}
