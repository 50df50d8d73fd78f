import { useEffect, useState } from 'react';
import { saturatedResource } from '../engine/resources/saturation';
import type { LiveInstances, LiveResources } from '../engine/types';
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
  /** Message queues: messages waiting now, seconds the oldest has waited, dead letters and duplicates so far. */
  messaging?: { backlog: number; oldestAge: number; deadLettered: number; duplicates: number };
  /** Topics: copies sent to subscribers and copies that failed, so far. */
  topic?: { copies: number; failed: number };
  /** Servers with resources: each one's utilization since warm-up and memory now / RAM; null for others. */
  resources: LiveResources | null;
  /** The resource to badge: saturated, or memory while it pages; null when none is. */
  saturated: ReturnType<typeof saturatedResource>;
  /** A replicated node: each machine's state, in replica order (null for one machine). */
  replicas: ReplicaState[] | null;
  /** A replicated node: each machine's busy share since the warm-up, in whole percent (null for one machine). */
  replicaBusy: number[] | null;
  /** Databases with read replicas: share of replica reads that were stale, since measurement began. */
  staleRatio?: number;
  /** Sharded databases: the busiest shard primary's load, since measurement began. */
  busiestShard?: number;
  /** Gateways: requests admitted, throttled (429) and refused (401) so far. */
  gateway?: { admitted: number; throttled: number; unauthorized: number };
  /** Service registries: instances listed now, cached copies out of date (null: server-side, no copies) and stale calls so far. */
  registry?: { listed: number; staleCaches: number; caches: number | null; staleCalls: number };
  /** Servers with autoscaling: instances serving, starting and draining now, and the bounds. */
  instances?: LiveInstances;
  /** Connection poolers: server connections in use and client connections open now. */
  pooler?: { serverBusy: number; clientConnections: number };
  /** Nodes connections go to (databases, poolers): open now, and refused so far. */
  connections?: { open: number; refused: number };
}

/** What one machine of a replicated node is doing now. */
export type ReplicaState = 'up' | 'down' | 'slow';

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
  const resources = node.resources ?? null;
  const saturated = resources && !down ? saturatedResource(resources) : null;
  const replicas = node.perReplica?.map((r): ReplicaState => (r.down ? 'down' : r.slowFactor > 1 ? 'slow' : 'up')) ?? null;
  // Whole percent, so a card re-renders only when a figure it shows moved.
  const replicaBusy = node.perReplica?.map((r) => Math.round(r.utilization * 100)) ?? null;
  const stats: NodeLiveStats = { utilization, queueLength, p99, health, down, slowFactor: node.slowFactor ?? 1, resources, saturated, replicas, replicaBusy };
  if (node.messaging) {
    const { backlog, oldestAge, deadLettered, duplicates } = node.messaging;
    stats.messaging = { backlog, oldestAge, deadLettered, duplicates };
  }
  if (node.topic) stats.topic = { copies: node.topic.copies, failed: node.topic.failed };
  const database = node.database;
  if (database && database.readReplicas > 0) stats.staleRatio = database.staleRatio;
  if (database && database.shards > 1) stats.busiestShard = Math.max(...database.perShard.map((shard) => shard.primaryLoad));
  const g = node.gateway;
  if (g) stats.gateway = { admitted: g.admitted, throttled: g.throttled, unauthorized: g.unauthorized };
  const r = node.registry;
  if (r) {
    const caches = r.mode === 'serverSide' ? null : r.caches.length;
    stats.registry = { listed: r.listed.length, staleCaches: r.caches.filter((c) => c.stale > 0).length, caches, staleCalls: r.staleCalls };
    // Calls sent to instances that had left in the last window: they failed, so the registry shows it.
    if ((window?.staleCalls ?? 0) > 0) stats.health = 'failing';
  }
  if (node.instances) stats.instances = node.instances;
  if (node.inboundConnections) stats.connections = { open: node.inboundConnections.open, refused: node.inboundConnections.refused };
  if (node.pooler) stats.pooler = { serverBusy: node.pooler.serverBusy, clientConnections: node.pooler.clientConnections };
  return stats;
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
  const ma = a.messaging;
  const mb = b.messaging;
  const sameMessaging =
    ma === undefined || mb === undefined
      ? ma === mb
      : ma.backlog === mb.backlog && ma.oldestAge === mb.oldestAge && ma.deadLettered === mb.deadLettered && ma.duplicates === mb.duplicates;
  const sameTopic = a.topic?.copies === b.topic?.copies && a.topic?.failed === b.topic?.failed;
  const sameGateway =
    a.gateway?.admitted === b.gateway?.admitted && a.gateway?.throttled === b.gateway?.throttled && a.gateway?.unauthorized === b.gateway?.unauthorized;
  const sameRegistry =
    a.registry?.listed === b.registry?.listed && a.registry?.staleCaches === b.registry?.staleCaches && a.registry?.staleCalls === b.registry?.staleCalls;
  const samePooler =
    a.pooler?.serverBusy === b.pooler?.serverBusy &&
    a.pooler?.clientConnections === b.pooler?.clientConnections &&
    a.connections?.open === b.connections?.open &&
    a.connections?.refused === b.connections?.refused;
  return (
    sameMessaging &&
    sameRegistry &&
    sameTopic &&
    sameGateway &&
    samePooler &&
    a.utilization === b.utilization &&
    a.queueLength === b.queueLength &&
    a.p99 === b.p99 &&
    a.health === b.health &&
    a.down === b.down &&
    a.slowFactor === b.slowFactor &&
    sameResources(a.resources, b.resources) &&
    a.saturated === b.saturated &&
    a.replicas?.join() === b.replicas?.join() &&
    a.replicaBusy?.join() === b.replicaBusy?.join() &&
    a.staleRatio === b.staleRatio &&
    a.busiestShard === b.busiestShard &&
    sameInstances(a.instances, b.instances)
  );
}

function sameInstances(a: LiveInstances | undefined, b: LiveInstances | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.serving === b.serving && a.starting === b.starting && a.draining === b.draining && a.max === b.max;
}

/** Equal to the whole percent the card shows, so a card re-renders only when a figure it prints moves. */
function sameResources(a: LiveResources | null, b: LiveResources | null): boolean {
  if (a === null || b === null) return a === b;
  const pct = (x: number) => Math.round(x * 100);
  return pct(a.cpu) === pct(b.cpu) && pct(a.disk) === pct(b.disk) && pct(a.network) === pct(b.network) && pct(a.memory) === pct(b.memory);
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
