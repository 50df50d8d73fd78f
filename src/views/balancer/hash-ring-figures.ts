/**
 * The consistent-hash ring of a balancer as the engine builds it, and which
 * client addresses change server when the pool changes. Uses the engine's own
 * ring and hashes, so the view shows exactly what the simulation does.
 */
import { buildHashRing, type HashRing, ringOwner } from '../../engine/balancing/consistent-hash';
import { hashAddress } from '../../engine/balancing/hashing';
import type { Scenario } from '../../scenario/schema';

/** Addresses checked for the moved fraction; a larger population is sampled by its first ones. */
export const MAX_KEYS = 20_000;

/** The balancer's targets in the engine's order: its links in scenario order, a server's replicas as "id #n". */
export function ringTargetIds(scenario: Scenario, balancerId: string): string[] {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  return scenario.links
    .filter((l) => l.from === balancerId && byId.has(l.to))
    .flatMap((l) => {
      const node = byId.get(l.to);
      const replicas = node?.kind === 'server' ? node.replicas : 1;
      return replicas > 1 ? Array.from({ length: replicas }, (_, r) => `${l.to} #${r + 1}`) : [l.to];
    });
}

/**
 * How many keys the balancer hashes: the largest client population, or the
 * largest catalogue when it hashes request keys.
 */
export function keyCount(scenario: Scenario, hashKey: 'address' | 'requestKey' = 'address'): number {
  const populations = scenario.nodes.flatMap((n) => (n.kind === 'client' ? [hashKey === 'requestKey' ? n.catalogue.items : n.addresses] : []));
  return Math.min(MAX_KEYS, populations.length > 0 ? Math.max(...populations) : 1000);
}

/** What the dots on the ring are, in words. */
export function keyNoun(hashKey: 'address' | 'requestKey'): string {
  return hashKey === 'requestKey' ? 'request keys' : 'client addresses';
}

export interface RingKey {
  /** Position on the ring, 0..2^32. */
  hash: number;
  /** Owner by position in the current targets; -1 when the pool is empty. */
  owner: number;
  /** The target id that owned it before the pool changed, if it moved. */
  movedFrom: string | null;
}

export interface RingFigures {
  ids: string[];
  ring: HashRing;
  keys: RingKey[];
  /** Keys per current target. */
  perTarget: number[];
  /** Set when the pool changed: what it was, and how many keys changed owner. */
  change: { previousIds: string[]; previousVirtualNodes: number; moved: number; fraction: number } | null;
  virtualNodes: number;
  /** What the keys are ("client addresses", "request keys"). */
  keyNoun: string;
}

/** A balancer's pool as it was: its targets and the points each had on the ring. */
export interface PoolState {
  ids: string[];
  virtualNodes: number;
}

/** Places `keys` keys (0, 1, …: addresses or catalogue items) on the ring of `ids`; with the `previous` pool, says which moved. */
export function ringFigures(ids: string[], virtualNodes: number, keys: number, previous: PoolState | null, noun = keyNoun('address')): RingFigures {
  const ring = buildHashRing(ids, virtualNodes);
  const previousIds = previous?.ids ?? null;
  const before = previous ? buildHashRing(previous.ids, previous.virtualNodes) : null;
  const perTarget = ids.map(() => 0);
  const list: RingKey[] = [];
  let moved = 0;
  for (let key = 0; key < keys; key++) {
    const hash = hashAddress(key);
    const owner = ringOwner(ring, hash);
    if (owner >= 0) perTarget[owner] = (perTarget[owner] ?? 0) + 1;
    let movedFrom: string | null = null;
    if (before && previousIds) {
      const was = previousIds[ringOwner(before, hash)] ?? null;
      if (was !== (ids[owner] ?? null)) {
        moved++;
        movedFrom = was;
      }
    }
    list.push({ hash, owner, movedFrom });
  }
  return {
    ids,
    ring,
    keys: list,
    perTarget,
    change: previous ? { previousIds: previous.ids, previousVirtualNodes: previous.virtualNodes, moved, fraction: keys > 0 ? moved / keys : 0 } : null,
    virtualNodes,
    keyNoun: noun,
  };
}

/** The fraction theory expects to move when one target joins n (or leaves n + 1): 1/(n+1). */
export function expectedMovedFraction(previousCount: number, currentCount: number): number {
  const larger = Math.max(previousCount, currentCount);
  return larger > 0 ? Math.abs(currentCount - previousCount) / larger : 0;
}

/**
 * The pool before the balancer's last change: the newest earlier scenario
 * (from the undo history) in which the balancer had other targets or another
 * number of virtual nodes. `name`, when given, stops the search at a
 * scenario of another name.
 */
export function previousPool(balancerId: string, current: PoolState, history: readonly Scenario[], name?: string): PoolState | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const scenario = history[i];
    // Another document (an example or file opened since) is not an earlier state of this pool.
    if (!scenario || (name !== undefined && scenario.name !== name)) return null;
    const node = scenario.nodes.find((n) => n.id === balancerId);
    if (node?.kind !== 'loadBalancer') continue;
    const ids = ringTargetIds(scenario, balancerId);
    const sameIds = ids.length === current.ids.length && ids.every((id, k) => id === current.ids[k]);
    if (sameIds && node.virtualNodes === current.virtualNodes) continue;
    // A pool with none of the current targets is another system's balancer of the same name.
    const related = ids.some((id) => current.ids.includes(id)) || ids.length === 0 || current.ids.length === 0;
    return related ? { ids, virtualNodes: node.virtualNodes } : null;
  }
  return null;
}
