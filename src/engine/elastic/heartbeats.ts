/** Told when an instance's heartbeats stop (a crash) or start again (a restart). */
export type HeartbeatListener = (instance: number, beating: boolean, time: number) => void;

/**
 * Whether each instance of a group is alive to send heartbeats. A crash is
 * not membership (membership.ts): the instance stays registered until a
 * registry notices its heartbeats have stopped, so the station reports the
 * crash here and a registry subscribes to start its heartbeat timeout.
 */
export class Heartbeats {
  private readonly silent: Uint8Array;
  private readonly listeners: HeartbeatListener[] = [];

  constructor(readonly slots: number) {
    this.silent = new Uint8Array(slots);
  }

  isBeating(instance: number): boolean {
    return this.silent[instance] === 0;
  }

  subscribe(listener: HeartbeatListener): void {
    this.listeners.push(listener);
  }

  /** Instance `instance` crashed (`beating` false) or restarted (true) at `time`; listeners hear only a change. */
  set(instance: number, beating: boolean, time: number): void {
    if (this.isBeating(instance) === beating) return;
    this.silent[instance] = beating ? 0 : 1;
    for (const listener of this.listeners) listener(instance, beating, time);
  }
}
