/**
 * The life of one instance of a server group: off (not running), starting
 * (booting, a cold start), serving (registered, takes new requests) or
 * draining (deregistered, finishing what it holds before it stops).
 */
export const InstanceState = { off: 0, starting: 1, serving: 2, draining: 3 } as const;
export type InstanceStateCode = (typeof InstanceState)[keyof typeof InstanceState];

/** Told when an instance starts or stops taking new requests. */
export type MembershipListener = (instance: number, serving: boolean, time: number) => void;

/**
 * Which instances of a group take new requests. A group has a fixed number
 * of slots (its most instances); the autoscaler moves instances between the
 * states, and whoever routes to the group (the group itself, a balancer, a
 * registry) asks here or subscribes. Crashes are not membership: a crashed
 * instance stays registered until someone notices (a health check, a
 * registry's heartbeat timeout), which is the point of those mechanisms.
 */
export class Membership {
  private readonly states: Uint8Array;
  private readonly listeners: MembershipListener[] = [];
  private serving = 0;

  constructor(
    /** Instances the group can hold at most. */
    readonly slots: number,
    /** Instances serving when the run starts: slots 0 … initial − 1. */
    initial: number,
  ) {
    this.states = new Uint8Array(slots);
    for (let r = 0; r < Math.min(initial, slots); r++) this.states[r] = InstanceState.serving;
    this.serving = Math.min(initial, slots);
  }

  stateOf(instance: number): InstanceStateCode {
    return this.states[instance] as InstanceStateCode;
  }

  isServing(instance: number): boolean {
    return this.states[instance] === InstanceState.serving;
  }

  /** Instances taking new requests now. */
  get servingCount(): number {
    return this.serving;
  }

  /** Instances running now (starting, serving or draining): what the group costs. */
  get runningCount(): number {
    let running = 0;
    for (const state of this.states) if (state !== InstanceState.off) running++;
    return running;
  }

  /** The instances taking new requests, in slot order. */
  servingInstances(): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.slots; r++) if (this.states[r] === InstanceState.serving) out.push(r);
    return out;
  }

  subscribe(listener: MembershipListener): void {
    this.listeners.push(listener);
  }

  /** Moves `instance` to `state` at `time`; listeners hear when it starts or stops taking new requests. */
  set(instance: number, state: InstanceStateCode, time: number): void {
    const was = this.states[instance] === InstanceState.serving;
    this.states[instance] = state;
    const is = state === InstanceState.serving;
    if (was === is) return;
    this.serving += is ? 1 : -1;
    for (const listener of this.listeners) listener(instance, is, time);
  }
}
