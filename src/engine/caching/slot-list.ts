/**
 * A doubly-linked list threaded through slot numbers (intrusive: the links
 * live in typed arrays indexed by slot), so moving an entry is O(1) and
 * allocates nothing. The front is the newest end.
 */
export class SlotList {
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  front = -1;
  back = -1;

  constructor(capacity: number) {
    this.prev = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
  }

  pushFront(slot: number): void {
    this.prev[slot] = -1;
    this.next[slot] = this.front;
    if (this.front >= 0) this.prev[this.front] = slot;
    else this.back = slot;
    this.front = slot;
  }

  remove(slot: number): void {
    const p = this.prev[slot] as number;
    const n = this.next[slot] as number;
    if (p >= 0) this.next[p] = n;
    else this.front = n;
    if (n >= 0) this.prev[n] = p;
    else this.back = p;
  }

  moveToFront(slot: number): void {
    if (this.front === slot) return;
    this.remove(slot);
    this.pushFront(slot);
  }

  /** The slot before `slot`, towards the front, or -1. */
  before(slot: number): number {
    return this.prev[slot] as number;
  }

  clear(): void {
    this.front = -1;
    this.back = -1;
  }
}
