/**
 * A bulkhead on one dependency: at most `limit` calls to it in progress at
 * once. A server's worker waits for each call, so the limit is the number
 * of workers that dependency may hold; a call beyond it fails at once
 * ("bulkhead full") and frees its worker for requests that need the others.
 */
export class Bulkhead {
  inUse = 0;
  /** The most calls in progress at once. */
  peak = 0;
  rejected = 0;

  /** `limit` null: no bulkhead (every call enters). */
  constructor(readonly limit: number | null) {}

  /** Lets a call in, or counts a rejection and returns false. */
  tryEnter(): boolean {
    if (this.limit !== null && this.inUse >= this.limit) {
      this.rejected++;
      return false;
    }
    this.inUse++;
    if (this.inUse > this.peak) this.peak = this.inUse;
    return true;
  }

  /** A call that entered has ended. */
  leave(): void {
    this.inUse--;
  }
}
