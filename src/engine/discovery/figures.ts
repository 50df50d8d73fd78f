/** What a service registry reports: public shapes, re-exported from engine/types.ts. */

import type { DiscoveryMode } from '../../scenario/schema';

/** Why an instance joined or left the registry's list. */
export type RegistrationCause =
  /** It started serving (the run's start, a scale-out) and registered. */
  | 'joined'
  /** It stopped taking requests (scale-in, drain) and deregistered at once. */
  | 'left'
  /** It crashed and sent no heartbeat for `heartbeatTimeout` seconds. */
  | 'heartbeat'
  /** It restarted after a crash and registered again. */
  | 'restarted';

/** One instance joining or leaving the registry's list. */
export interface RegistrationChange {
  time: number;
  /** "api #2", or the node's id when its group has one instance. */
  instance: string;
  listed: boolean;
  cause: RegistrationCause;
}

/** One cached copy of the list: a caller's (clientSide) or a resolver's (dns). */
export interface DiscoveryCacheFigures {
  /** The caller's name (its label, else its id), or "resolver 2". */
  name: string;
  /** Instances in this copy. */
  entries: number;
  /** Entries the registry no longer lists: calls to them fail. */
  stale: number;
  /** Instances the registry lists that this copy lacks (they joined since). */
  missing: number;
  /** Simulated second this copy expires (the next call after it looks the list up again). */
  expiresAt: number;
  /** Times this copy was looked up again. */
  refreshes: number;
  /** Calls sent from this copy to an instance the registry no longer listed (whole run). */
  staleCalls: number;
}

/** A service registry's figures. */
export interface RegistryFigures {
  mode: DiscoveryMode;
  /** Instances listed now, by name. */
  listed: string[];
  /** Instance slots of the groups it links to (a scaling group's most). */
  instances: number;
  /** Requests sent on to an instance (whole run). */
  calls: number;
  /** Of those, sent to an instance the registry no longer listed: they fail, "stale endpoint" (whole run). */
  staleCalls: number;
  /** Requests that found no instance in their copy of the list: "no route" (whole run). */
  unrouted: number;
  /** Look-ups of the list: refreshes of a copy (clientSide, dns), or one per request (serverSide) (whole run). */
  lookups: number;
  /** The cached copies and how far each is behind; none for serverSide. */
  caches: DiscoveryCacheFigures[];
  /** Every time an instance joined or left the list (the most recent 500). */
  changes: RegistrationChange[];
}
