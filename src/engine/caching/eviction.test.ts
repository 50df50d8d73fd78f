import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { CacheTable } from './cache-table';
import { createPolicy } from './policies';
import { EVICTION_POLICIES, type EvictionPolicyName } from './policy';

/** The obvious model: an array of entries, scanned in full to pick a victim. */
interface ModelEntry {
  item: number;
  version: number;
  insertedAt: number;
  uses: number;
  lastUse: number;
  insertion: number;
}

class ReferenceCache {
  entries: ModelEntry[] = [];
  /** LFU counts of items no longer cached (perfect LFU). */
  private readonly remembered = new Map<number, number>();
  private clock = 0;
  constructor(
    private readonly policy: EvictionPolicyName,
    private readonly capacity: number,
    private readonly ttl: number | null,
  ) {}

  private expired(e: ModelEntry, now: number) {
    return this.ttl !== null && now - e.insertedAt >= this.ttl;
  }

  private forget(gone: (e: ModelEntry) => boolean) {
    for (const e of this.entries.filter(gone)) this.remembered.set(e.item, e.uses);
    this.entries = this.entries.filter((e) => !gone(e));
  }

  get(item: number, now: number): boolean {
    const e = this.entries.find((x) => x.item === item);
    if (!e) return false;
    if (this.expired(e, now)) {
      this.forget((x) => x === e);
      return false;
    }
    e.uses++;
    e.lastUse = this.clock++;
    return true;
  }

  /** Returns 'stored', 'refused', or the evicted item; `randomVictim` decides for the random policy. */
  put(item: number, version: number, now: number, randomVictim: () => number): 'stored' | 'refused' | number {
    const e = this.entries.find((x) => x.item === item);
    if (e) {
      Object.assign(e, { version, insertedAt: now, uses: e.uses + 1, lastUse: this.clock++ });
      return 'stored';
    }
    this.forget((x) => this.expired(x, now));
    let evicted: number | 'stored' = 'stored';
    if (this.entries.length === this.capacity) {
      const victim = this.pickVictim(randomVictim);
      if (victim === null) return 'refused';
      this.forget((x) => x === victim);
      evicted = victim.item;
    }
    this.entries.push({ item, version, insertedAt: now, uses: (this.remembered.get(item) ?? 0) + 1, lastUse: this.clock++, insertion: this.clock });
    return evicted;
  }

  private pickVictim(randomVictim: () => number): ModelEntry | null {
    const by = (key: (e: ModelEntry) => number[]) =>
      this.entries.reduce((best, e) => {
        const a = key(e);
        const b = key(best);
        return a[0]! < b[0]! || (a[0] === b[0] && a[1]! < b[1]!) ? e : best;
      });
    switch (this.policy) {
      case 'lru':
        return by((e) => [e.lastUse, 0]);
      case 'lfu':
        return by((e) => [e.uses, e.lastUse]);
      case 'fifo':
        return by((e) => [e.insertion, 0]);
      case 'ttl':
        return null;
      case 'random': {
        const item = randomVictim();
        return this.entries.find((e) => e.item === item) ?? null;
      }
    }
  }
}

interface Operation {
  read: boolean;
  item: number;
  dt: number;
}

const operation: fc.Arbitrary<Operation> = fc.record({
  read: fc.boolean(),
  item: fc.integer({ min: 0, max: 11 }),
  dt: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2, noNaN: true })),
});

function checkAgainstModel(policy: EvictionPolicyName, capacity: number, ttl: number | null, ops: Operation[]) {
  const table = new CacheTable(capacity, ttl, createPolicy(policy, capacity, createRng(7)));
  const model = new ReferenceCache(policy, capacity, ttl);
  let now = 0;
  let version = 0;
  for (const op of ops) {
    now += op.dt;
    if (op.read) {
      const slot = table.find(op.item, now);
      if (slot >= 0) table.touch(slot);
      expect(slot >= 0).toBe(model.get(op.item, now));
    } else {
      const before = new Set(model.entries.map((e) => e.item));
      const slot = table.put(op.item, ++version, now);
      // The random policy's choice is the table's own; the model checks it was a legal one.
      const gone = () => [...before].find((item) => item !== op.item && table.slotOf(item) < 0) ?? -1;
      const outcome = model.put(op.item, version, now, gone);
      expect(slot < 0).toBe(outcome === 'refused');
      if (slot >= 0) expect(table.version[slot]).toBe(version);
    }
    const held = model.entries.map((e) => e.item).sort((a, b) => a - b);
    const inTable = Array.from({ length: 12 }, (_, item) => item).filter((item) => table.slotOf(item) >= 0);
    // The model drops expired entries only when it meets them, as the table does.
    expect(inTable).toEqual(held);
    expect(table.size).toBe(held.length);
    expect(table.size).toBeLessThanOrEqual(capacity);
  }
}

describe('eviction policies against a reference model', () => {
  for (const policy of EVICTION_POLICIES) {
    const ttls = policy === 'ttl' ? [1.5, 4] : [null, 3];
    for (const ttl of ttls) {
      it(`${policy} with ttl ${ttl ?? 'none'} holds the same entries as the model after every operation`, () => {
        fc.assert(
          fc.property(fc.integer({ min: 1, max: 6 }), fc.array(operation, { maxLength: 120 }), (capacity, ops) =>
            checkAgainstModel(policy, capacity, ttl, ops),
          ),
          { numRuns: 150 },
        );
      });
    }
  }
});

describe('CacheTable', () => {
  it('counts evictions and expirations apart', () => {
    const table = new CacheTable(2, 10, createPolicy('lru', 2, createRng(1)));
    table.put(1, 1, 0);
    table.put(2, 1, 0);
    table.put(3, 1, 1);
    expect(table.evictions).toBe(1);
    expect(table.find(2, 10)).toBe(-1);
    expect(table.expirations).toBe(1);
  });

  it('hands a dirty entry that is evicted to the write-back callback, and forgets it on clear', () => {
    const dropped: number[][] = [];
    const table = new CacheTable(1, null, createPolicy('fifo', 1, createRng(1)), (item, version) => dropped.push([item, version]));
    table.setDirty(table.put(5, 9, 0), true);
    expect(table.dirtyList()).toHaveLength(1);
    table.put(6, 1, 1);
    expect(dropped).toEqual([[5, 9]]);
    table.setDirty(table.slotOf(6), true);
    table.clear();
    expect(table.dirtyCount).toBe(0);
    expect(table.dirtyList()).toEqual([]);
  });

  it('keeps a million entries in a key index without losing any', () => {
    const n = 1_000_000;
    const table = new CacheTable(n, null, createPolicy('lru', n, createRng(1)));
    for (let i = 0; i < n; i++) table.put(i * 7, i, 0);
    for (let i = 0; i < n; i += 997) expect(table.version[table.find(i * 7, 0)]).toBe(i);
    for (let i = 0; i < n; i += 2) table.remove(i * 7);
    expect(table.size).toBe(n / 2);
    for (let i = 1; i < n; i += 2000) expect(table.find(i * 7, 0)).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < n; i += 1998) expect(table.find(i * 7, 0)).toBe(-1);
  });
});
