import { KeyIndex } from './key-index';
import type { EvictionPolicy } from './policy';
import { SlotList } from './slot-list';

/** Called for a dirty entry (newer than the database) that leaves by eviction or expiry: it must still be written back. */
export type DirtyDrop = (item: number, version: number) => void;

/**
 * The entries of one cache: which item each slot holds, the version of the
 * value, when it was stored, and whether it is dirty. Expiry counts from
 * insertion with one TTL for all entries, so insertion order is expiry order:
 * a second intrusive list in that order lets expired entries be purged from
 * its back in amortised O(1). Everything else is O(1) or the policy's O(log n).
 */
export class CacheTable {
  readonly item: Int32Array;
  readonly version: Float64Array;
  readonly insertedAt: Float64Array;
  /** When a newer version was written elsewhere (NaN while the entry is current). */
  readonly staleSince: Float64Array;
  readonly dirty: Uint8Array;
  size = 0;
  evictions = 0;
  expirations = 0;
  dirtyCount = 0;
  private readonly index: KeyIndex;
  private readonly byAge: SlotList;
  private readonly dirtySlots: SlotList;
  private readonly freeSlots: Int32Array;
  private freeCount: number;

  constructor(
    readonly capacity: number,
    readonly ttl: number | null,
    private readonly policy: EvictionPolicy,
    private readonly onDirtyDrop: DirtyDrop = () => {},
  ) {
    this.item = new Int32Array(capacity);
    this.version = new Float64Array(capacity);
    this.insertedAt = new Float64Array(capacity);
    this.staleSince = new Float64Array(capacity);
    this.dirty = new Uint8Array(capacity);
    this.index = new KeyIndex(capacity);
    this.byAge = new SlotList(capacity);
    this.dirtySlots = new SlotList(capacity);
    this.freeSlots = Int32Array.from({ length: capacity }, (_, i) => capacity - 1 - i);
    this.freeCount = capacity;
  }

  /** The slot holding `item` (even if expired), or -1. Changes nothing. */
  slotOf(item: number): number {
    return this.index.get(item);
  }

  /** The slot holding an unexpired `item`, or -1; an expired entry is dropped on the way. */
  find(item: number, now: number): number {
    const slot = this.index.get(item);
    if (slot < 0) return -1;
    if (this.isExpired(slot, now)) {
      this.expirations++;
      this.drop(slot, true);
      return -1;
    }
    return slot;
  }

  /** Records a hit on the slot (the policy's recency or frequency). */
  touch(slot: number): void {
    this.policy.accessed(slot);
  }

  /**
   * Stores `version` of `item` as of `now` (expiry restarts). Evicts by the
   * policy when full; returns the slot, or -1 when the policy would not make
   * room (TTL-only and full of unexpired entries).
   */
  put(item: number, version: number, now: number): number {
    let slot = this.index.get(item);
    if (slot >= 0) {
      this.version[slot] = version;
      this.insertedAt[slot] = now;
      this.staleSince[slot] = Number.NaN;
      if (this.ttl !== null) this.byAge.moveToFront(slot);
      this.policy.accessed(slot);
      return slot;
    }
    this.purgeExpired(now);
    if (this.size === this.capacity) {
      const victim = this.policy.victim();
      if (victim < 0) return -1;
      this.evictions++;
      this.drop(victim, true);
    }
    slot = this.freeSlots[--this.freeCount] as number;
    this.item[slot] = item;
    this.version[slot] = version;
    this.insertedAt[slot] = now;
    this.staleSince[slot] = Number.NaN;
    this.dirty[slot] = 0;
    this.index.set(item, slot);
    if (this.ttl !== null) this.byAge.pushFront(slot);
    this.policy.inserted(slot, item);
    this.size++;
    return slot;
  }

  /** Marks a slot dirty or clean (write-back), keeping the count. */
  setDirty(slot: number, dirty: boolean): void {
    const was = this.dirty[slot] === 1;
    if (was === dirty) return;
    this.dirty[slot] = dirty ? 1 : 0;
    this.dirtyCount += dirty ? 1 : -1;
    if (dirty) this.dirtySlots.pushFront(slot);
    else this.dirtySlots.remove(slot);
  }

  /** Removes `item` if present (invalidation); a dirty entry is not written back. Returns whether it was there. */
  remove(item: number): boolean {
    const slot = this.index.get(item);
    if (slot < 0) return false;
    this.drop(slot, false);
    return true;
  }

  /** Empties the cache (a crash or a flush); dirty entries are the caller's to save or lose first. */
  clear(): void {
    this.index.clear();
    this.byAge.clear();
    this.policy.clear();
    for (const slot of this.dirtyList()) this.dirty[slot] = 0;
    this.dirtySlots.clear();
    this.dirtyCount = 0;
    this.size = 0;
    this.freeCount = this.capacity;
    for (let i = 0; i < this.capacity; i++) this.freeSlots[i] = this.capacity - 1 - i;
  }

  /** The dirty slots now, oldest first (a copy, so the caller may clean them as it goes). */
  dirtyList(): number[] {
    const slots: number[] = [];
    for (let slot = this.dirtySlots.back; slot >= 0; slot = this.dirtySlots.before(slot)) slots.push(slot);
    return slots;
  }

  private isExpired(slot: number, now: number): boolean {
    return this.ttl !== null && now - (this.insertedAt[slot] as number) >= this.ttl;
  }

  /** Drops every expired entry: they sit at the back of the age list. */
  private purgeExpired(now: number): void {
    if (this.ttl === null) return;
    for (let slot = this.byAge.back; slot >= 0 && this.isExpired(slot, now); slot = this.byAge.back) {
      this.expirations++;
      this.drop(slot, true);
    }
  }

  private drop(slot: number, saveDirty: boolean): void {
    const item = this.item[slot] as number;
    if (this.dirty[slot] === 1) {
      this.dirty[slot] = 0;
      this.dirtyCount--;
      this.dirtySlots.remove(slot);
      if (saveDirty) this.onDirtyDrop(item, this.version[slot] as number);
    }
    this.index.delete(item);
    if (this.ttl !== null) this.byAge.remove(slot);
    this.policy.removed(slot);
    this.freeSlots[this.freeCount++] = slot;
    this.size--;
  }
}
