/**
 * The truth every cache is judged against: for each catalogue item, the
 * version of its newest acknowledged write and the version the database
 * holds. One registry per simulation, shared by its caches (the scenario's
 * databases count as one logical store). A write bumps the version; a cache
 * entry older than the newest version is stale.
 */

/** A cache as the registry sees it. */
export interface VersionSubscriber {
  /** A newer version of `item` exists from `time`: an older value held is stale from now. */
  markStale(item: number, time: number): void;
  /** Event-based invalidation: the cache schedules its own invalidation of `item`, or ignores it. */
  publishInvalidation(item: number, time: number): void;
}

export class KeyVersions {
  private latest = new Float64Array(1024);
  private stored = new Float64Array(1024);
  private readonly caches: VersionSubscriber[] = [];

  register(cache: VersionSubscriber): void {
    this.caches.push(cache);
  }

  /** Version of the newest acknowledged write of `item` (0: never written). */
  latestOf(item: number): number {
    return item < this.latest.length ? (this.latest[item] as number) : 0;
  }

  /** Version the database holds. */
  storedOf(item: number): number {
    return item < this.stored.length ? (this.stored[item] as number) : 0;
  }

  /** The database applied a write (cache-aside, write-through, or a bypass): returns its version. */
  commit(item: number, time: number): number {
    this.ensure(item);
    const version = (this.latest[item] as number) + 1;
    this.latest[item] = version;
    this.stored[item] = version;
    this.announce(item, time);
    return version;
  }

  /** A write-back cache acknowledged a write it will flush later: returns its version. */
  acknowledge(item: number, time: number): number {
    this.ensure(item);
    const version = (this.latest[item] as number) + 1;
    this.latest[item] = version;
    this.announce(item, time);
    return version;
  }

  /** A flush wrote `version` of `item` to the database. */
  flushed(item: number, version: number): void {
    this.ensure(item);
    if (version > (this.stored[item] as number)) this.stored[item] = version;
  }

  /** A dirty `version` was lost in a crash: the database's value is the newest again, unless a later write came. */
  lost(item: number, version: number): void {
    if (this.latestOf(item) === version) this.latest[item] = this.stored[item] as number;
  }

  private announce(item: number, time: number): void {
    for (const cache of this.caches) {
      cache.markStale(item, time);
      cache.publishInvalidation(item, time);
    }
  }

  private ensure(item: number): void {
    if (item < this.latest.length) return;
    let length = this.latest.length;
    while (length <= item) length *= 2;
    const latest = new Float64Array(length);
    latest.set(this.latest);
    const stored = new Float64Array(length);
    stored.set(this.stored);
    this.latest = latest;
    this.stored = stored;
  }
}

const registries = new WeakMap<object, KeyVersions>();

/** The registry of a simulation (keyed by its context object), created on first use. */
export function keyVersionsOf(simulation: object): KeyVersions {
  let registry = registries.get(simulation);
  if (!registry) registries.set(simulation, (registry = new KeyVersions()));
  return registry;
}
