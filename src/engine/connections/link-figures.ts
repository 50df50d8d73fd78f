import type { RuntimeLink } from '../component';
import type { ConnectionFigures } from './connection-figures';
import type { ConnectionPool } from './connection-pool';

/** One link's connection figures over the pools its caller's instances keep (retired ones too); `nodeId` names the far end. */
export function linkFigures(link: RuntimeLink, pools: readonly ConnectionPool[], nodeId: (node: number) => string): ConnectionFigures {
  const sum = (of: (p: ConnectionPool) => number) => pools.reduce((total, p) => total + of(p), 0);
  const current = pools.filter((p) => !p.retired);
  const latest = (current[current.length - 1] ?? pools[pools.length - 1]) as ConnectionPool;
  const boarded = sum((p) => p.boarded);
  return {
    link: link.id,
    target: nodeId(latest.callee),
    poolSize: latest.policy.pool?.size ?? null,
    instances: new Set(pools.map((p) => p.instance)).size,
    open: sum((p) => p.open),
    inUse: sum((p) => p.inUse),
    waiting: sum((p) => p.waitingNow),
    peakOpen: Math.max(...pools.map((p) => p.peakOpen)),
    calls: sum((p) => p.calls),
    handshakes: sum((p) => p.handshakes),
    waited: sum((p) => p.waited),
    meanWait: boarded > 0 ? sum((p) => p.waitSum) / boarded : 0,
    maxWait: Math.max(...pools.map((p) => p.maxWait)),
    timeouts: sum((p) => p.timeouts),
    refused: sum((p) => p.refused),
    idleClosed: sum((p) => p.idleClosed),
  };
}
