import type { RuntimeLink, SimContext } from '../component';
import type { Heartbeats } from '../elastic/heartbeats';
import type { Membership } from '../elastic/membership';
import { Registrations } from './registrations';

/** The instances behind one outgoing link, and the membership the registry follows for them. */
interface Group {
  link: RuntimeLink;
  /** Position of the group's first instance among the targets. */
  first: number;
  membership: Membership | null;
  beats: Heartbeats | null;
}

export interface Target {
  link: RuntimeLink;
  /** The instance (slot) of the group at the link's far end. */
  replica: number;
  /** The group has more than one slot, so the station must be told which. */
  replicated: boolean;
}

/**
 * The instances a registry knows, one per slot of each server group it
 * links to, and which of them are registered. Membership keeps the list
 * current (a scale-in leaves at once, a scale-out joins); heartbeats do for
 * crashes: a crashed instance is dropped `heartbeatTimeout` seconds after
 * its heartbeats stop, unless it restarts first.
 */
export class InstanceList {
  readonly targets: Target[] = [];
  registrations = new Registrations([]);
  /** When each target's heartbeats stopped (a crash), for its timeout; −1 while they beat. */
  private silentSince = new Float64Array(0);
  private readonly groups: Group[] = [];

  constructor(
    private readonly ctx: SimContext,
    /** The registry's node index, for its heartbeat-timeout events. */
    private readonly index: number,
    private readonly heartbeatTimeout: number,
    /** The registry's event kind for a heartbeat timeout (arg: the target's position). */
    private readonly timeoutEvent: number,
  ) {}

  /** Lists every instance of the linked groups that serves and beats at `time`, and starts listening. */
  build(time: number): void {
    const ctx = this.ctx;
    for (const link of ctx.outgoing(this.index)) {
      const slots = ctx.replicasOf(link.to);
      for (let replica = 0; replica < slots; replica++) this.targets.push({ link, replica, replicated: slots > 1 });
    }
    const ids = ctx.targetIds(this.targets.map((t) => t.link));
    this.registrations = new Registrations(this.targets.map((t, i) => (t.replicated ? `${ids[i]} #${t.replica + 1}` : (ids[i] as string))));
    this.silentSince = new Float64Array(this.targets.length).fill(-1);
    this.targets.forEach((target, position) => {
      const membership = ctx.membershipOf(target.link.to);
      const beats = ctx.heartbeatsOf(target.link.to);
      const listed = (membership?.isServing(target.replica) ?? true) && (beats?.isBeating(target.replica) ?? true);
      this.registrations.set(position, listed, time, 'joined');
    });
    this.listen();
  }

  /** Membership and heartbeats of each group keep the list current; each group is heard once. */
  private listen(): void {
    this.targets.forEach((t, position) => {
      if (!this.groups.some((g) => g.link === t.link)) this.groups.push({ link: t.link, first: position, membership: null, beats: null });
    });
    for (const group of this.groups) this.follow(group, 0);
  }

  /**
   * Subscribes to the group's membership and heartbeats as they are now. A
   * live edit that changes a server builds it anew, with a new membership:
   * the registry follows the new one (checked at each arrival) and brings
   * its list in line with it; the old one's news is ignored from then on.
   */
  private follow(group: Group, time: number): void {
    const membership = this.ctx.membershipOf(group.link.to);
    const beats = this.ctx.heartbeatsOf(group.link.to);
    const reconcile = group.membership !== null;
    group.membership = membership;
    group.beats = beats;
    const current = () => group.membership === membership;
    membership?.subscribe((instance, serving, at) => {
      if (!current()) return;
      const position = group.first + instance;
      if (!serving) this.registrations.set(position, false, at, 'left');
      else if (beats?.isBeating(instance) ?? true) this.registrations.set(position, true, at, 'joined');
    });
    beats?.subscribe((instance, beating, at) => {
      if (!current()) return;
      const position = group.first + instance;
      if (beating) {
        this.silentSince[position] = -1;
        if (membership?.isServing(instance) ?? true) this.registrations.set(position, true, at, 'restarted');
      } else {
        this.silentSince[position] = at;
        this.ctx.schedule(this.index, this.timeoutEvent, position, at + this.heartbeatTimeout);
      }
    });
    if (!reconcile) return;
    for (let position = group.first; position < this.targets.length && this.targets[position]?.link === group.link; position++) {
      const replica = (this.targets[position] as Target).replica;
      const serving = (membership?.isServing(replica) ?? true) && (beats?.isBeating(replica) ?? true);
      this.silentSince[position] = -1;
      this.registrations.set(position, serving, time, serving ? 'joined' : 'left');
    }
  }

  /** A live edit rebuilt a group the registry knows: follow its new membership. */
  followRebuiltGroups(time: number): void {
    for (const group of this.groups) if (this.ctx.membershipOf(group.link.to) !== group.membership) this.follow(group, time);
  }

  /** Only the timeout of the latest silence counts: a restart and a new crash start a new one. */
  heartbeatTimedOut(position: number, time: number): void {
    const since = this.silentSince[position] as number;
    if (since >= 0 && time === since + this.heartbeatTimeout) this.registrations.set(position, false, time, 'heartbeat');
  }

}
