/** A growable FIFO ring of request slots. */
export class RequestQueue {
  private items = new Int32Array(64);
  private head = 0;
  length = 0;

  push(request: number): void {
    if (this.length === this.items.length) {
      const bigger = new Int32Array(this.items.length * 2);
      for (let i = 0; i < this.length; i++) bigger[i] = this.items[(this.head + i) % this.items.length] as number;
      this.items = bigger;
      this.head = 0;
    }
    this.items[(this.head + this.length) % this.items.length] = request;
    this.length++;
  }

  /** Removes and returns the oldest request; call only when length > 0. */
  shift(): number {
    const request = this.items[this.head] as number;
    this.head = (this.head + 1) % this.items.length;
    this.length--;
    return request;
  }
}
