import type { RegistrationCause, RegistrationChange } from './figures';

/** Changes kept for the report: enough for any scaling story, bounded for a long run. */
const MAX_CHANGES = 500;

/**
 * The registry's own list: which instances (target positions) are
 * registered now, with every change in time order. Membership and heartbeats
 * drive it (service-registry.ts); the caches copy it.
 */
export class Registrations {
  private readonly listed: Uint8Array;
  private count = 0;
  readonly changes: RegistrationChange[] = [];

  constructor(private readonly names: readonly string[]) {
    this.listed = new Uint8Array(names.length);
  }

  isListed(target: number): boolean {
    return this.listed[target] === 1;
  }

  get size(): number {
    return this.count;
  }

  /** Lists or unlists `target` at `time`, noting why; nothing happens when it is already so. */
  set(target: number, listed: boolean, time: number, cause: RegistrationCause): void {
    if (this.isListed(target) === listed) return;
    this.listed[target] = listed ? 1 : 0;
    this.count += listed ? 1 : -1;
    // The run's start fills the list; that is not news.
    if (time > 0 || !listed) {
      if (this.changes.length === MAX_CHANGES) this.changes.shift();
      this.changes.push({ time, instance: this.names[target] as string, listed, cause });
    }
  }

  /** The listed targets, in order: a copy a cache can keep. */
  snapshot(): Int32Array {
    const out = new Int32Array(this.count);
    let n = 0;
    for (let t = 0; t < this.listed.length; t++) if (this.listed[t] === 1) out[n++] = t;
    return out;
  }

  /** Listed names, in order. */
  listedNames(): string[] {
    return Array.from(this.snapshot(), (t) => this.names[t] as string);
  }
}
