import type { BalancingAlgorithm, TargetState } from './algorithm';
import { hashAddress, hashString } from './hashing';

/** A hash ring: sorted points, each owned by a target. */
export interface HashRing {
  readonly points: Uint32Array;
  readonly owners: Int32Array;
}

/** Places `virtualNodes` points per target id on the ring. */
export function buildHashRing(ids: readonly string[], virtualNodes: number): HashRing {
  const entries: [number, number][] = [];
  ids.forEach((id, owner) => {
    for (let v = 0; v < virtualNodes; v++) entries.push([hashString(`${id}#${v}`), owner]);
  });
  entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    points: Uint32Array.from(entries, (e) => e[0]),
    owners: Int32Array.from(entries, (e) => e[1]),
  };
}

/**
 * The owner of `key`: the first point clockwise from it whose target is
 * eligible, so a target that leaves hands only its own keys to its neighbours.
 */
export function ringOwner(ring: HashRing, key: number, eligible?: Uint8Array): number {
  const { points, owners } = ring;
  const n = points.length;
  if (n === 0) return -1;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((points[mid] as number) < key) lo = mid + 1;
    else hi = mid;
  }
  for (let k = 0; k < n; k++) {
    const owner = owners[(lo + k) % n] as number;
    if (!eligible || eligible[owner] === 1) return owner;
  }
  return -1;
}

/** Consistent hashing of a key (the client address, or the request's key) over a ring with virtual nodes. */
export function consistentHash(virtualNodes: number): BalancingAlgorithm {
  let ring: HashRing | null = null;
  let builtFor: TargetState | null = null;
  return {
    observesResponses: false,
    pick(targets, key) {
      if (ring === null || builtFor !== targets) {
        ring = buildHashRing(targets.ids, virtualNodes);
        builtFor = targets;
      }
      return ringOwner(ring, hashAddress(key), targets.eligible);
    },
  };
}
