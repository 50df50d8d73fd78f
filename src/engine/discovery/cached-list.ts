import { RequestQueue } from '../request-queue';

/**
 * One cached copy of a registry's list: a caller's (client-side discovery) or
 * a DNS resolver's. It holds the instances listed when it was looked up and
 * serves them, round robin, until it expires; the first call after that
 * looks the list up again (lazily, as client libraries and resolvers do),
 * and calls that come while a look-up is out wait for it.
 */
export class CachedList {
  /** Target positions (the registry's numbering) listed at the last look-up. */
  entries: Int32Array = new Int32Array(0);
  /** Simulated second the copy expires. */
  expiresAt = 0;
  /** A look-up is out and ends then; −1: none. */
  lookupEndsAt = -1;
  /** Calls waiting for the look-up that is out. */
  readonly waiting = new RequestQueue();
  refreshes = 0;
  staleCalls = 0;
  private next = 0;

  constructor(readonly name: string) {}

  /** The copy is fresh enough to use at `time`. */
  validAt(time: number): boolean {
    return time < this.expiresAt;
  }

  /** Takes a new copy of the list at `time`, valid for `ttl` seconds. */
  fill(entries: Int32Array, time: number, ttl: number): void {
    this.entries = entries;
    this.expiresAt = time + ttl;
    this.lookupEndsAt = -1;
  }

  /** The next entry in turn, or −1 when the copy is empty. */
  pick(): number {
    const count = this.entries.length;
    if (count === 0) return -1;
    this.next = (this.next + 1) % count;
    return this.entries[this.next] as number;
  }
}
