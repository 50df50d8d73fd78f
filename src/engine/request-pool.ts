/** Flag bits of a request. */
export const RequestFlag = {
  write: 1,
  /** The client has settled this attempt (answered, failed or timed out). */
  settled: 2,
  /** A load balancer's health probe, not a user request. */
  probe: 4,
  /** Lost in a crash while in service: its service-done event is void. */
  aborted: 8,
  /** Still TLS-encrypted: the next node that decrypts pays the CPU cost. */
  encrypted: 16,
  /** Out on a side call (a session lookup); its answer resumes the caller rather than going back. */
  calling: 32,
  /** The first request on a new client connection: an L4 balancer picks a target for it. */
  opensConnection: 64,
  /** The last request on its connection: the connection closes when its answer passes back. */
  closesConnection: 128,
  /** An attempt of a call with a policy (resilience/calls.ts): its answer goes to the call, not to a node. */
  call: 256,
  /** Carries no or invalid credentials: a gateway that authenticates answers it 401. */
  invalidCredentials: 512,
} as const;

/**
 * Per-request state as parallel typed arrays indexed by a slot number, so a
 * million requests cost no garbage. A slot is reused once nothing refers to it
 * any more: `refs` counts the response trip and a pending timeout. The arrays
 * grow by doubling up to `maxCapacity` slots (the engine's budget); past it
 * `alloc` says no, and the caller fails the request with "engine limit".
 */
export class RequestPool {
  capacity: number;
  /** Index of the client node that sent it. */
  client: Int32Array;
  /** Closed-loop user (or -1). */
  owner: Int32Array;
  attempt: Int32Array;
  /** RequestFlag bits: more than eight, so 16 bits wide. */
  flags: Uint16Array;
  refs: Uint8Array;
  /** Outcome code carried by the response (see Outcome). */
  outcome: Uint8Array;
  sentAt: Float64Array;
  /**
   * When it reached the node it is at now (for the node's latency). Once a
   * gateway answers it 429, nothing reads its arrival any more, so the slot
   * carries the answer's Retry-After (seconds) back to the client instead:
   * no field of its own, so the engine's budget per request is unchanged.
   */
  arrivedAt: Float64Array;
  /** The client address it comes from (what IP hash keys on). */
  address: Int32Array;
  /** Index of its request type (method, path, headers) in the simulation's table. */
  requestType: Int32Array;
  /** The catalogue item it asks for (what caches key on). */
  key: Int32Array;
  /** The replica a balancer picked for the node it is heading to (−1: none). */
  replica: Int32Array;
  /** At each hop a balancer sent it on, which of its targets it picked (`stride` per slot). */
  hopTarget: Int32Array;
  /** Which worker of its node serves it (for crashes). */
  worker: Int32Array;
  /** Departure time of each crossed link, `stride` per slot (response times seen by balancers). */
  hopTime: Float64Array;
  /** Links crossed so far; path holds their indices, `stride` per slot. */
  depth: Int32Array;
  path: Int32Array;
  readonly stride: number;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private used = 0;
  /** Slots in use now, for tests of "no per-request data is held". */
  live = 0;

  /** The most slots ever in use at once (slots are reused before new ones are taken). */
  get highWater(): number {
    return this.used;
  }

  constructor(
    maxPath: number,
    initialCapacity = 1024,
    readonly maxCapacity = Number.POSITIVE_INFINITY,
  ) {
    this.stride = maxPath;
    const capacity = Math.min(initialCapacity, maxCapacity);
    this.capacity = capacity;
    this.client = new Int32Array(capacity);
    this.owner = new Int32Array(capacity);
    this.attempt = new Int32Array(capacity);
    this.flags = new Uint16Array(capacity);
    this.refs = new Uint8Array(capacity);
    this.outcome = new Uint8Array(capacity);
    this.sentAt = new Float64Array(capacity);
    this.arrivedAt = new Float64Array(capacity);
    this.address = new Int32Array(capacity);
    this.worker = new Int32Array(capacity);
    this.key = new Int32Array(capacity);
    this.replica = new Int32Array(capacity);
    this.hopTarget = new Int32Array(capacity * maxPath);
    this.requestType = new Int32Array(capacity);
    this.hopTime = new Float64Array(capacity * maxPath);
    this.depth = new Int32Array(capacity);
    this.path = new Int32Array(capacity * maxPath);
    this.freeSlots = new Int32Array(capacity);
  }

  /** Takes a fresh slot with depth 0, no flags and one reference; -1 when every slot the budget allows is in use. */
  alloc(): number {
    let slot: number;
    if (this.freeCount > 0) slot = this.freeSlots[--this.freeCount] as number;
    else {
      // The cap is looked at only when the arrays are full, off the hot path.
      if (this.used === this.capacity && !this.grow()) return -1;
      slot = this.used++;
    }
    this.depth[slot] = 0;
    this.flags[slot] = 0;
    this.refs[slot] = 1;
    this.outcome[slot] = 0;
    this.replica[slot] = -1;
    this.live++;
    return slot;
  }

  /** Drops one reference; the slot is freed when none is left. */
  release(slot: number): void {
    const left = (this.refs[slot] as number) - 1;
    this.refs[slot] = left;
    if (left === 0) {
      this.freeSlots[this.freeCount++] = slot;
      this.live--;
    }
  }

  /** Doubles the arrays, up to maxCapacity; false when they are already that big. */
  private grow(): boolean {
    if (this.capacity >= this.maxCapacity) return false;
    const size = Math.min(this.capacity * 2, this.maxCapacity);
    const grown = <T extends Int32Array | Uint16Array | Uint8Array | Float64Array>(old: T, make: (n: number) => T, n = size): T => {
      const fresh = make(n);
      fresh.set(old);
      return fresh;
    };
    this.client = grown(this.client, (n) => new Int32Array(n));
    this.owner = grown(this.owner, (n) => new Int32Array(n));
    this.attempt = grown(this.attempt, (n) => new Int32Array(n));
    this.flags = grown(this.flags, (n) => new Uint16Array(n));
    this.refs = grown(this.refs, (n) => new Uint8Array(n));
    this.outcome = grown(this.outcome, (n) => new Uint8Array(n));
    this.sentAt = grown(this.sentAt, (n) => new Float64Array(n));
    this.arrivedAt = grown(this.arrivedAt, (n) => new Float64Array(n));
    this.address = grown(this.address, (n) => new Int32Array(n));
    this.worker = grown(this.worker, (n) => new Int32Array(n));
    this.key = grown(this.key, (n) => new Int32Array(n));
    this.replica = grown(this.replica, (n) => new Int32Array(n));
    this.hopTarget = grown(this.hopTarget, (n) => new Int32Array(n), size * this.stride);
    this.requestType = grown(this.requestType, (n) => new Int32Array(n));
    this.hopTime = grown(this.hopTime, (n) => new Float64Array(n), size * this.stride);
    this.depth = grown(this.depth, (n) => new Int32Array(n));
    this.path = grown(this.path, (n) => new Int32Array(n), size * this.stride);
    this.freeSlots = grown(this.freeSlots, (n) => new Int32Array(n));
    this.capacity = size;
    return true;
  }
}
