/**
 * A double-ended queue of integers in a growable ring buffer: a backlog takes
 * new messages at the back and failed ones back at the front, with no
 * garbage per message.
 */
export class IntDeque {
  private items: Int32Array;
  private head = 0;
  length = 0;

  constructor(initialCapacity = 64) {
    this.items = new Int32Array(initialCapacity);
  }

  pushBack(value: number): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length) % this.items.length] = value;
    this.length++;
  }

  pushFront(value: number): void {
    if (this.length === this.items.length) this.grow();
    this.head = (this.head - 1 + this.items.length) % this.items.length;
    this.items[this.head] = value;
    this.length++;
  }

  /** The first value; only when length > 0. */
  peekFront(): number {
    return this.items[this.head] as number;
  }

  /** The value `i` places from the front; only when i < length. */
  at(i: number): number {
    return this.items[(this.head + i) % this.items.length] as number;
  }

  /** Removes and returns the first value; only when length > 0. */
  popFront(): number {
    const value = this.items[this.head] as number;
    this.head = (this.head + 1) % this.items.length;
    this.length--;
    return value;
  }

  private grow(): void {
    const fresh = new Int32Array(this.items.length * 2);
    for (let i = 0; i < this.length; i++) fresh[i] = this.items[(this.head + i) % this.items.length] as number;
    this.items = fresh;
    this.head = 0;
  }
}
