/**
 * What a run applies at a simulated time rather than as an event: the
 * scenario's faults and its graph changes. Kept in time order (a stable
 * sort, so same-time items keep the order they were given) outside the
 * scheduler, which the run drains before applying each one.
 */
export class TimedList<T extends { at: number }> {
  private items: T[];

  constructor(items: readonly T[]) {
    this.items = items.slice().sort((a, b) => a.at - b.at);
  }

  /** When the next item is due; Infinity when none is left. */
  get nextAt(): number {
    return this.items[0]?.at ?? Number.POSITIVE_INFINITY;
  }

  /** Removes and returns the next item (call only when `nextAt` is finite). */
  take(): T {
    return this.items.shift() as T;
  }

  /** Keeps only `item`: a live edit overrides what a replayed recording would have done later. */
  replaceWith(item: T): void {
    this.items = [item];
  }
}
