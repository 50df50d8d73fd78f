/** How long a machine keeps a session and how many it can hold. */
export interface SessionSettings {
  /** Seconds a session lives after its last use (Infinity: until a crash). */
  lifetime: number;
  /** Most sessions the machine holds; past it the least recently used one is evicted. */
  capacity: number;
}

/**
 * The sessions one machine created, least recently used first (a Map keeps
 * insertion order, and a use re-inserts). A session idle for its lifetime
 * has expired; a full table evicts its least recently used session; a crash
 * drops them all. Expiry is lazy: the oldest entries are swept at each use,
 * which costs O(1) amortised because every entry is swept at most once.
 */
export class SessionTable {
  private readonly lastUse = new Map<number, number>();
  expired = 0;
  evicted = 0;
  lost = 0;

  constructor(private readonly settings: SessionSettings) {}

  /** True when session `id` is here and alive at `time`; the use keeps it alive. */
  use(id: number, time: number): boolean {
    this.expire(time);
    if (!this.lastUse.has(id)) return false;
    this.lastUse.delete(id);
    this.lastUse.set(id, time);
    return true;
  }

  /** Stores a new session, evicting the least recently used one when the table is full. */
  create(id: number, time: number): void {
    this.expire(time);
    this.lastUse.set(id, time);
    while (this.lastUse.size > this.settings.capacity) {
      const oldest = this.lastUse.keys().next().value as number;
      this.lastUse.delete(oldest);
      this.evicted++;
    }
  }

  /** The machine crashed: every live session is gone. Returns how many. */
  drop(time: number): number {
    this.expire(time);
    const count = this.lastUse.size;
    this.lastUse.clear();
    this.lost += count;
    return count;
  }

  /** Live sessions at `time`. */
  held(time: number): number {
    this.expire(time);
    return this.lastUse.size;
  }

  private expire(time: number): void {
    const lifetime = this.settings.lifetime;
    if (lifetime === Number.POSITIVE_INFINITY) return;
    for (const [id, last] of this.lastUse) {
      if (time - last < lifetime) return;
      this.lastUse.delete(id);
      this.expired++;
    }
  }
}
