/**
 * How the canvas draws each node kind, in one table typed by `NodeKind`: its
 * colours, its icon and the one-line summary on its card. A kind added to the
 * schema fails the type-check here until it has an entry. Names and hints
 * come from the scenario layer's table (scenario/kinds.ts).
 */
import type { ComponentType } from 'react';
import type { NodeOf } from '../scenario/kinds';
import { distributionMean, type NodeKind, type ScenarioNode } from '../scenario/schema';
import { ALGORITHMS } from './algorithm-names';
import { ParallelJobIcon } from './parallel-job-icon';
import { RegistryIcon } from './registry-icon';
import { PoolerIcon } from './pooler-icon';
import { formatRate, formatSeconds } from './format';
import {
  CacheIcon,
  CdnIcon,
  ClientIcon,
  DatabaseIcon,
  GatewayIcon,
  type IconProps,
  LoadBalancerIcon,
  MessageQueueIcon,
  ServerIcon,
  SessionStoreIcon,
  TopicIcon,
} from './icons';

export interface KindLook<K extends NodeKind> {
  /** Accent for the card edge, icon and minimap. */
  color: string;
  /** Pale background behind the kind's icon. */
  tint: string;
  Icon: ComponentType<IconProps>;
  /** One line that says what the node is set to, for its card. */
  summary(node: NodeOf<K>): string;
}

const workers = (n: number) => `${n} worker${n === 1 ? '' : 's'}`;

export const KIND_LOOK: { readonly [K in NodeKind]: KindLook<K> } = {
  client: {
    color: '#3b6fd8',
    tint: '#e9f0fd',
    Icon: ClientIcon,
    summary: (node) =>
      (node.workload.mode === 'open'
        ? formatRate(node.workload.rate)
        : `${node.workload.users} users · think ${formatSeconds(distributionMean(node.workload.thinkTime))}`) +
      // Only when set: the default says nothing, and the IP-hash examples turn on it.
      (node.addresses === 1000 ? '' : ` · ${node.addresses.toLocaleString('en-US')} addresses`),
  },
  loadBalancer: { color: '#8257d6', tint: '#f1ebfc', Icon: LoadBalancerIcon, summary: (node) => ALGORITHMS[node.algorithm].title.toLowerCase() },
  server: {
    color: '#2f9e74',
    tint: '#e6f5ef',
    Icon: ServerIcon,
    // A faster or slower machine divides its service times: the card says so, so a name need not ("Old (half speed)").
    summary: (node) => `${workers(node.workers)} · ${formatSeconds(distributionMean(node.serviceTime))}${node.speed === 1 ? '' : ` · speed ×${node.speed}`}`,
  },
  database: {
    color: '#c27c1c',
    tint: '#fbf1e2',
    Icon: DatabaseIcon,
    summary: (node) =>
      `${workers(node.workers)} · r ${formatSeconds(distributionMean(node.readTime))} / w ${formatSeconds(distributionMean(node.writeTime))}${node.maxConnections === null ? '' : ` · ≤ ${node.maxConnections.toLocaleString('en-US')} conns`}`,
  },
  cache: {
    color: '#b8860b',
    tint: '#fbf4dc',
    Icon: CacheIcon,
    summary: (node) => cacheSummary(node.capacity, node.eviction, node.ttl),
  },
  cdn: { color: '#2b8cb0', tint: '#e3f3f9', Icon: CdnIcon, summary: (node) => `${node.edges.length} edge${node.edges.length === 1 ? '' : 's'} · ${node.mode}` },
  sessionStore: {
    color: '#c2537a',
    tint: '#fbe9f0',
    Icon: SessionStoreIcon,
    summary: (node) => `${workers(node.workers)} · ${formatSeconds(distributionMean(node.serviceTime))}`,
  },
  messageQueue: {
    color: '#5b6b8c',
    tint: '#eceff5',
    Icon: MessageQueueIcon,
    summary: (node) =>
      `${node.capacity === null ? 'unbounded' : `${node.capacity.toLocaleString('en-US')} max`} · prefetch ${node.prefetch}`,
  },
  topic: { color: '#7a5c2e', tint: '#f5efe6', Icon: TopicIcon, summary: (node) => `fan-out · ack ${formatSeconds(node.ackLatency)}` },
  parallelJob: {
    color: '#5b6abf',
    tint: '#eceefa',
    Icon: ParallelJobIcon,
    summary: (node) => `N = ${node.workers} · s ${Math.round(node.serialFraction * 1000) / 10} %`,
  },
  gateway: { color: '#4a5bd4', tint: '#eceefc', Icon: GatewayIcon, summary: gatewaySummary },
  registry: { color: '#0f8a8a', tint: '#e3f4f4', Icon: RegistryIcon, summary: registrySummary },
  pooler: {
    color: '#8a6d1f',
    tint: '#f7f0dc',
    Icon: PoolerIcon,
    summary: (node) => `${node.serverConnections} server conns · ≤ ${node.maxClientConnections.toLocaleString('en-US')} clients`,
  },
};

const DISCOVERY_MODES = { clientSide: 'client-side', serverSide: 'server-side', dns: 'DNS' } as const;

/** "client-side · TTL 30 s", "DNS · TTL 60 s", "server-side · look-up 2 ms": one line (the card's figures count a DNS registry's resolvers). */
function registrySummary(node: NodeOf<'registry'>): string {
  if (node.mode === 'serverSide') return `server-side · look-up ${formatSeconds(node.lookupLatency)}`;
  return `${DISCOVERY_MODES[node.mode]} · TTL ${formatSeconds(node.ttl)}`;
}

/** "3 routes · auth · bucket 100 req/s each": what the gateway does, in a few words. */
function gatewaySummary(node: NodeOf<'gateway'>): string {
  const routes = node.routes.length === 0 ? 'forwards all' : `${node.routes.length} route${node.routes.length === 1 ? '' : 's'}`;
  const auth = node.auth.mode === 'none' ? [] : [node.auth.mode === 'local' ? 'auth' : 'auth service'];
  const limit = node.rateLimit;
  const each = limit.scope === 'global' ? '' : ' each';
  const limits =
    limit.policy === 'none'
      ? []
      : [limit.policy === 'tokenBucket' ? `bucket ${formatRate(limit.rate)}${each}` : `${limit.limit} per ${formatSeconds(limit.window)}${each}`];
  return [routes, ...auth, ...limits].join(' · ');
}

/** "500 entries · LRU", "600 entries · TTL 1.7 s", "500 entries · LRU · TTL 30 s": the expiry too, when set. */
function cacheSummary(capacity: number, eviction: string, ttl: number | null): string {
  const entries = `${capacity.toLocaleString('en-US')} entries`;
  if (ttl === null) return `${entries} · ${eviction.toUpperCase()}`;
  return eviction === 'ttl' ? `${entries} · TTL ${formatSeconds(ttl)}` : `${entries} · ${eviction.toUpperCase()} · TTL ${formatSeconds(ttl)}`;
}

/** One line that says what a node is set to, for its card on the canvas. */
export function nodeSummary(node: ScenarioNode): string {
  return (KIND_LOOK[node.kind] as KindLook<NodeKind>).summary(node as never);
}

/** The icon for a node kind. */
export function KindIcon({ kind, size }: { kind: NodeKind; size?: number }) {
  const { Icon } = KIND_LOOK[kind];
  return <Icon size={size} />;
}

/** Inline style that gives an element its kind's colours (used by cards, palette and inspector). */
export function kindStyle(kind: NodeKind): Record<string, string> {
  return { '--kind-color': KIND_LOOK[kind].color, '--kind-tint': KIND_LOOK[kind].tint };
}
