/**
 * Maps catalogue items (non-negative integers) to cache slots: an
 * open-addressing hash table with linear probing over two typed arrays, so a
 * million entries cost 16 MB and no garbage (a Map of that size costs several
 * times more and slows the collector). Deletion shifts later entries back
 * rather than leaving tombstones, so lookups stay short however long it runs.
 */
export class KeyIndex {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  size = 0;

  constructor(capacity: number) {
    // At most half full, so probe sequences stay a few steps long.
    let bits = 4;
    while (1 << bits < capacity * 2) bits++;
    this.keys = new Int32Array(1 << bits).fill(-1);
    this.values = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /** The value stored for key, or -1. */
  get(key: number): number {
    const keys = this.keys;
    let i = this.home(key);
    for (;;) {
      const k = keys[i] as number;
      if (k === key) return this.values[i] as number;
      if (k === -1) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** Stores key → value (key must not be present). */
  set(key: number, value: number): void {
    const keys = this.keys;
    let i = this.home(key);
    while ((keys[i] as number) !== -1) i = (i + 1) & this.mask;
    keys[i] = key;
    this.values[i] = value;
    this.size++;
  }

  /** Removes key if present. */
  delete(key: number): void {
    const keys = this.keys;
    const mask = this.mask;
    let i = this.home(key);
    for (;;) {
      const k = keys[i] as number;
      if (k === -1) return;
      if (k === key) break;
      i = (i + 1) & mask;
    }
    // Backward-shift: move each later entry of the run into the hole if its home allows it.
    let hole = i;
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const k = keys[j] as number;
      if (k === -1) break;
      const home = this.home(k);
      // Entry at j may fill the hole unless its home lies cyclically in (hole, j].
      const between = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (!between) {
        keys[hole] = k;
        this.values[hole] = this.values[j] as number;
        hole = j;
      }
    }
    keys[hole] = -1;
    this.size--;
  }

  clear(): void {
    this.keys.fill(-1);
    this.size = 0;
  }
}
