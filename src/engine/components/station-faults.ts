import type { FaultAction } from '../../scenario/schema';
import type { SimContext } from '../component';
import type { Heartbeats } from '../elastic/heartbeats';
import { RequestFlag } from '../request-pool';
import { Outcome, type OutcomeCode } from '../types';
import type { ServiceUnit } from './service-unit';
import type { StationStats } from './station-stats';

/** What a queueing station lends its fault handling: the two station-wide effects only the station can make. */
export interface FaultedStation {
  /** A machine lost `waiting` queued and `serving` in-service requests at `time`: the station's figures accrue, then its counts drop. */
  lose(waiting: number, serving: number, time: number): void;
  /** Replica `instance` holds nothing any more (a draining instance may stop). */
  emptied(instance: number, time: number): void;
}

/**
 * Crashes, restarts, slow-downs and recoveries of a queueing station's
 * machines, and the eviction a live removal causes. Apart from the station
 * because faults are rare events with rules of their own (a crash fails what
 * waits at once, marks what is in service aborted, and fails a request out on
 * a call only when the call comes back; the machine's sessions and heartbeats
 * go with it), while the station's own code is the per-request path of
 * arrival, queueing and service, which only reads a machine's `down` and
 * `slowFactor` and a request's aborted flag.
 */
export class StationFaults {
  private lastOutcome: OutcomeCode = Outcome.nodeDown;

  constructor(
    private readonly node: number,
    private readonly ctx: SimContext,
    private readonly units: readonly ServiceUnit[],
    private readonly stats: StationStats,
    /** Which replicas are alive to send a registry heartbeats: a crash silences one, a restart wakes it. */
    private readonly heartbeats: Heartbeats,
    private readonly station: FaultedStation,
  ) {}

  /** What a request aborted by a crash (or a removal) fails with when its side call returns. */
  get abortOutcome(): OutcomeCode {
    return this.lastOutcome;
  }

  /** A fault hits replica `replica` (from 0) alone, or every replica when it is −1. */
  apply(action: FaultAction, factor: number, time: number, replica: number): void {
    this.units.forEach((unit, r) => {
      if (replica < 0 || replica === r) this.applyTo(unit, r, action, factor, time);
    });
  }

  private applyTo(unit: ServiceUnit, replica: number, action: FaultAction, factor: number, time: number): void {
    switch (action) {
      case 'crash':
        if (!unit.down) {
          this.crash(unit, replica, time, Outcome.nodeDown);
          // The machine's memory goes with it: the sessions it created are lost.
          this.ctx.sessions.existing(this.node, replica)?.drop(time);
          this.heartbeats.set(replica, false, time);
        }
        return;
      case 'restart':
        unit.down = false;
        this.heartbeats.set(replica, true, time);
        this.lastOutcome = Outcome.nodeDown;
        return;
      case 'slow':
        unit.slowFactor = factor;
        return;
      case 'recover':
        unit.slowFactor = 1;
        return;
    }
  }

  /** A live edit removed the node: what waits or is served here fails with `outcome`. */
  evict(time: number, outcome: OutcomeCode): void {
    this.units.forEach((unit, r) => {
      if (!unit.down) this.crash(unit, r, time, outcome);
    });
  }

  /**
   * The machine in replica slot `instance` stops (a scaling group): its memory goes with it, and whatever it
   * still held fails as in a crash. A drain stops a machine only once it holds nothing, so that never happens.
   */
  stop(instance: number, time: number): void {
    const unit = this.units[instance] as ServiceUnit;
    if (unit.busy + unit.queue.length > 0) this.crash(unit, instance, time, Outcome.nodeDown);
    unit.down = false;
    this.ctx.sessions.existing(this.node, instance)?.drop(time);
  }

  /** A fresh machine boots in replica slot `instance` (a scaling group): no fault of its predecessor carries over. */
  boot(instance: number): void {
    const unit = this.units[instance] as ServiceUnit;
    unit.down = false;
    unit.slowFactor = 1;
  }

  /** Everything waiting or in service on one machine fails now; its arrivals are refused until a restart. */
  private crash(unit: ServiceUnit, replica: number, time: number, outcome: OutcomeCode): void {
    unit.advance(time);
    unit.down = true;
    this.lastOutcome = outcome;
    const requests = this.ctx.requests;
    const { waiting, serving } = unit.evict();
    this.station.lose(waiting.length, serving.length, time);
    unit.lost += waiting.length + serving.length;
    for (const request of waiting) {
      this.stats.lost++;
      this.ctx.respond(request, outcome, time);
    }
    for (const request of serving) {
      const flags = requests.flags[request] as number;
      requests.flags[request] = flags | RequestFlag.aborted;
      this.stats.lost++;
      // One out on a call fails when the call comes back; the rest fail now.
      if ((flags & RequestFlag.calling) === 0) this.ctx.respond(request, outcome, time);
    }
    this.station.emptied(replica, time);
  }
}
