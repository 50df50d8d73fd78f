import type { RuntimeLink } from '../component';
import type { Membership } from '../elastic/membership';

/** A consumer whose connection dropped (it was down) pulls again after this many seconds. */
export const RECONNECT_S = 1;

/** One server a queue delivers to, over one link. */
export interface Consumer {
  link: RuntimeLink;
  /** Deliveries it holds, unanswered. */
  held: number;
  /** It pulls nothing before this time (it was down). */
  pausedUntil: number;
  /** A scaling group's membership: each serving instance pulls with its own prefetch (null: one connection). */
  group: Membership | null;
}

/** A queue's consumers, taken in turn, each holding at most `prefetch` unanswered deliveries. */
export class ConsumerPool {
  readonly consumers: Consumer[];
  private next = 0;

  constructor(
    links: readonly RuntimeLink[],
    private readonly prefetch: number,
    /** The membership of a consumer that scales (engine/elastic/), else null. */
    groupOf: (link: RuntimeLink) => Membership | null = () => null,
  ) {
    this.consumers = links.map((link) => ({ link, held: 0, pausedUntil: 0, group: groupOf(link) }));
  }

  /** Deliveries consumer `c` may hold unanswered: its prefetch, for each serving instance of a scaling group. */
  private room(c: Consumer): number {
    return c.group ? this.prefetch * c.group.servingCount : this.prefetch;
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
      if (c.held < this.room(c) && c.pausedUntil <= time) {
        this.next = (k + 1) % n;
        return k;
      }
    }
    return -1;
  }

  /** The soonest time after `time` at which a paused consumer with room pulls again (Infinity: none is waiting to). */
  nextReconnect(time: number): number {
    let soonest = Number.POSITIVE_INFINITY;
    for (const c of this.consumers) if (c.held < this.room(c) && c.pausedUntil > time && c.pausedUntil < soonest) soonest = c.pausedUntil;
    return soonest;
  }
}
