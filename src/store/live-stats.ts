import { useEffect, useState } from 'react';
import { onDisplayBeat } from './display-beat';
import { useAppStore } from './index';
import type { AppState } from './types';

/** A node's live key figures, for its card on the canvas. */
export interface NodeLiveStats {
  /** Busy workers / workers, 0..1 (over the last closed window when there is one). */
  utilization: number;
  /** Requests waiting now. */
  queueLength: number;
  /** p99 of queue wait + service in the last closed window, seconds. */
  p99: number;
  health: 'idle' | 'healthy' | 'saturated' | 'failing';
  /** Crashed by a fault and not yet restarted. */
  down: boolean;
  /** Service-time multiplier of a slow-down fault (1 = normal speed). */
  slowFactor: number;
  /** Gateways: requests admitted, throttled (429) and refused (401) so far. */
  gateway?: { admitted: number; throttled: number; unauthorized: number };
}

/** Utilization from which a node counts as saturated: queues grow fast past it. */
export const SATURATED_UTILIZATION = 0.85;

/** The figures for `nodeId` in `state`, or null when no run has figures for it (nothing ran, or the node is newer than the run). */
export function computeNodeLiveStats(state: AppState, nodeId: string): NodeLiveStats | null {
  const index = state.nodeIndex[nodeId];
  const node = index === undefined ? undefined : state.snapshot?.nodes[index];
  if (index === undefined || !node || state.simTime === 0) return null;
  const window = state.windows.at(-1)?.nodes[index];
  const instant = node.workers > 0 ? node.busy / node.workers : 0;
  const utilization = window ? window.utilization : instant;
  const queueLength = node.queueLength;
  const p99 = window?.p99 ?? 0;
  const down = node.down === true;
  const health = down ? 'failing' : judgeHealth(utilization, queueLength, node.workers, node.inSystem, window);
  const g = node.gateway;
  const gateway = g ? { gateway: { admitted: g.admitted, throttled: g.throttled, unauthorized: g.unauthorized } } : {};
  return { utilization, queueLength, p99, health, down, slowFactor: node.slowFactor ?? 1, ...gateway };
}

function judgeHealth(
  utilization: number,
  queueLength: number,
  workers: number,
  inSystem: number,
  window: { served: number; dropped: number } | undefined,
): NodeLiveStats['health'] {
  if (window && window.dropped > 0) return 'failing';
  if (utilization >= SATURATED_UTILIZATION || (workers > 0 && queueLength > workers)) return 'saturated';
  if (inSystem === 0 && (window?.served ?? 0) === 0) return 'idle';
  return 'healthy';
}

function same(a: NodeLiveStats | null, b: NodeLiveStats | null): boolean {
  if (a === null || b === null) return a === b;
  const sameGateway =
    a.gateway?.admitted === b.gateway?.admitted && a.gateway?.throttled === b.gateway?.throttled && a.gateway?.unauthorized === b.gateway?.unauthorized;
  return (
    a.utilization === b.utilization &&
    a.queueLength === b.queueLength &&
    a.p99 === b.p99 &&
    a.health === b.health &&
    a.down === b.down &&
    a.slowFactor === b.slowFactor &&
    sameGateway
  );
}

/** Every mounted card's refresh: they run together in one task per beat, so React renders all cards in one pass. */
const cardRefreshes = new Set<() => void>();
let stopBeat: (() => void) | null = null;

function refreshCards(): void {
  for (const refresh of cardRefreshes) refresh();
}

/** Live figures of one node while a run has data; re-renders at most once per display beat (5 times a second). */
export function useNodeLiveStats(nodeId: string): NodeLiveStats | null {
  const [stats, setStats] = useState(() => computeNodeLiveStats(useAppStore.getState(), nodeId));
  useEffect(() => {
    // Figures change up to 15 times a second; the card looks on the next beat, and only when they did.
    let stale = true;
    const refresh = () => {
      if (!stale) return;
      stale = false;
      const next = computeNodeLiveStats(useAppStore.getState(), nodeId);
      setStats((previous) => (same(previous, next) ? previous : next));
    };
    refresh();
    const unsubscribe = useAppStore.subscribe(() => {
      stale = true;
    });
    cardRefreshes.add(refresh);
    stopBeat ??= onDisplayBeat(refreshCards);
    return () => {
      unsubscribe();
      cardRefreshes.delete(refresh);
      if (cardRefreshes.size === 0 && stopBeat) {
        stopBeat();
        stopBeat = null;
      }
    };
  }, [nodeId]);
  return stats;
}
