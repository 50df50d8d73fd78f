import { EngineLimitError } from '../scenario/engine-limits';

/**
 * The future-event set: a binary min-heap over typed arrays keyed by
 * (time, sequence), so events at equal times leave in the order they were
 * scheduled. An event is two integers, a `target` (who handles it, with the
 * event kind packed in) and an `arg` (usually a request slot).
 *
 * Like SimPy's core it knows nothing of wall-clock time or of what events
 * mean; the simulation loop pops and dispatches.
 */
export class Scheduler {
  private times: Float64Array;
  private seqs: Float64Array;
  private targets: Int32Array;
  private args: Int32Array;
  private count = 0;
  private nextSeq = 0;
  /** Simulated time of the last popped event. */
  now = 0;
  /** Filled by pop(). */
  poppedTarget = 0;
  poppedArg = 0;

  /** `maxSize`: events it may hold at once (the engine's budget); one more throws EngineLimitError. */
  constructor(
    initialCapacity = 1024,
    private readonly maxSize = Number.POSITIVE_INFINITY,
  ) {
    const capacity = Math.min(initialCapacity, maxSize);
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.targets = new Int32Array(capacity);
    this.args = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Schedules an event at absolute time `time` (never before now). */
  schedule(time: number, target: number, arg: number): void {
    if (time < this.now) throw new RangeError(`cannot schedule at ${time}, before now (${this.now})`);
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const times = this.times;
    const seqs = this.seqs;
    const targets = this.targets;
    const args = this.args;
    // Sift the hole up from the end, then drop the event into it.
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (seqs[parent] as number) < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent] as number;
      targets[i] = targets[parent] as number;
      args[i] = args[parent] as number;
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    targets[i] = target;
    args[i] = arg;
  }

  /** Time of the next event, or Infinity when there is none. */
  peek(): number {
    return this.count > 0 ? (this.times[0] as number) : Number.POSITIVE_INFINITY;
  }

  /**
   * Removes the next event, advances `now` to its time and leaves its target
   * and arg in poppedTarget / poppedArg. Returns false when empty.
   */
  pop(): boolean {
    if (this.count === 0) return false;
    const times = this.times;
    const seqs = this.seqs;
    const targets = this.targets;
    const args = this.args;
    this.now = times[0] as number;
    this.poppedTarget = targets[0] as number;
    this.poppedArg = args[0] as number;
    const n = --this.count;
    if (n === 0) return true;
    const lastTime = times[n] as number;
    const lastSeq = seqs[n] as number;
    const lastTarget = targets[n] as number;
    const lastArg = args[n] as number;
    // Sift the hole at the root down, then drop the last event into it.
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ct = times[child] as number;
      const right = child + 1;
      if (right < n) {
        const rt = times[right] as number;
        if (rt < ct || (rt === ct && (seqs[right] as number) < (seqs[child] as number))) {
          child = right;
          ct = rt;
        }
      }
      if (lastTime < ct || (lastTime === ct && lastSeq < (seqs[child] as number))) break;
      times[i] = ct;
      seqs[i] = seqs[child] as number;
      targets[i] = targets[child] as number;
      args[i] = args[child] as number;
      i = child;
    }
    times[i] = lastTime;
    seqs[i] = lastSeq;
    targets[i] = lastTarget;
    args[i] = lastArg;
    return true;
  }

  /** Moves the clock forward with no event (used by runUntil). */
  advanceTo(time: number): void {
    if (time > this.now) this.now = time;
  }

  private grow(): void {
    // Only when the heap is full, so the cap costs the hot path nothing.
    if (this.times.length >= this.maxSize) throw new EngineLimitError(this.maxSize);
    const size = Math.min(this.times.length * 2, this.maxSize);
    const grow = <T extends Float64Array | Int32Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.times = grow(this.times, new Float64Array(size));
    this.seqs = grow(this.seqs, new Float64Array(size));
    this.targets = grow(this.targets, new Int32Array(size));
    this.args = grow(this.args, new Int32Array(size));
  }
}
