import type { NodeReport, NodeReportOf } from '../engine/types';
import { KIND_TRAITS } from '../scenario/kinds';
import type { NodeKind } from '../scenario/schema';
import { formatCount, formatMilliseconds, formatNumber, formatPercent, formatTable, indent } from './format-numbers';

/*
 * Sections the runner prints under the node table for nodes that measure more
 * than queues: load balancers (targets, health), caches and CDNs.
 */

const none = () => [];

/** The sections each kind prints under the node table: a kind added to the schema fails the type-check here until it says. */
const DETAILS: { readonly [K in NodeKind]: (node: NodeReportOf<K>, name: string) => string[] } = {
  client: none,
  loadBalancer: (node, name) => balancerLines(node, name),
  server: none,
  database: none,
  cache: (node, name) => cacheLines(node, name),
  cdn: (node, name) => [...cacheLines(node, name), ...cdnLines(node)],
  sessionStore: none,
  gateway: (node, name) => gatewayLines(node, name),
};

/** The extra lines a node's report calls for (none for a plain server), titled with `name` (its id, marked when a live edit retired it). */
export function nodeDetailLines(node: NodeReport, name = node.id): string[] {
  return (DETAILS[node.kind] as (node: NodeReport, name: string) => string[])(node, name);
}

const MAX_POOL_CHANGES = 20;
const OUT_OF_POOL = { probes: 'out: failed probes', ejected: 'out: ejected' } as const;

/** For a load balancer: each target's share and whether it is in the pool, then when targets left or rejoined it. */
function balancerLines(node: NodeReportOf<'loadBalancer'>, name: string): string[] {
  if (node.targets.length === 0) return [];
  const rows = node.targets.map((t) => [
    t.id,
    formatCount(t.routed),
    (t.share * 100).toFixed(1),
    t.eligible || t.out === '' ? 'in' : OUT_OF_POOL[t.out],
  ]);
  const lines = ['', `Load balancer ${name}: where its requests went`];
  lines.push(...indent(formatTable([['target', 'routed', 'share %', 'pool at the end'], ...rows], ['left', 'right', 'right', 'left'])));
  if (node.probesSent) lines.push(`  ${formatCount(node.probesSent)} health probes sent`);
  const changes = node.healthTimeline ?? [];
  for (const change of changes.slice(0, MAX_POOL_CHANGES)) {
    const what = change.eligible ? 'rejoined the pool' : `left the pool (${change.out === 'probes' ? 'failed probes' : 'ejected'})`;
    lines.push(`  at ${formatNumber(change.time)} s, ${change.target} ${what}`);
  }
  if (changes.length > MAX_POOL_CHANGES) lines.push(`  …and ${formatCount(changes.length - MAX_POOL_CHANGES)} more pool changes`);
  return lines;
}

const THEORY_MODELS = {
  che: "Che's approximation",
  fifo: 'the FIFO/random approximation',
  topC: 'the top-C ceiling',
  ttl: 'λT/(1+λT)',
  scan: 'a scan',
} as const;

/** For a cache (or a CDN's edges together): hit ratio against theory, staleness, and what was lost or evicted. */
function cacheLines(node: NodeReportOf<'cache' | 'cdn'>, name: string): string[] {
  const cache = node.cache;
  const theory = cache.theory === null || cache.theoryModel === null ? '' : ` (theory ${formatPercent(cache.theory)}, ${THEORY_MODELS[cache.theoryModel]})`;
  const lines = ['', `${KIND_TRAITS[node.kind].title} ${name}: what it served`];
  lines.push(`  hit ratio ${formatPercent(cache.hitRatio)}${theory}: ${formatCount(cache.hits)} hits, ${formatCount(cache.misses)} misses after warm-up`);
  if (cache.staleReads > 0) {
    lines.push(`  stale reads ${formatCount(cache.staleReads)} (${formatPercent(cache.staleRatio)} of reads), the oldest ${formatMilliseconds(cache.maxStaleAge)} ms after the write`);
  }
  const whole = [
    `${formatCount(cache.evictions)} evictions`,
    `${formatCount(cache.expirations)} expirations`,
    ...(cache.flushes > 0 ? [`${formatCount(cache.flushedEntries)} entries written back in ${formatCount(cache.flushes)} flushes`] : []),
    ...(cache.lostWrites > 0 ? [`${formatCount(cache.lostWrites)} lost writes`] : []),
    ...(cache.bypassed > 0 ? [`${formatCount(cache.bypassed)} requests bypassed it while down`] : []),
  ];
  lines.push(`  whole run: ${whole.join(' · ')}`);
  return lines;
}

/** For a CDN: how much it kept off the origin, and each edge's share. */
function cdnLines(node: NodeReportOf<'cdn'>): string[] {
  const cdn = node.cdn;
  const lines = [`  kept off the origin: ${formatPercent(cdn.requestOffload)} of requests, ${formatPercent(cdn.byteOffload)} of bytes`];
  if (cdn.rejectedAtEdge > 0) lines.push(`  ${formatCount(cdn.rejectedAtEdge)} requests rejected at the edge`);
  const rows = cdn.edges.map((e) => [e.name, formatMilliseconds(e.rtt), formatCount(e.requests), formatPercent(e.hitRatio)]);
  lines.push(...indent(formatTable([['edge', 'rtt ms', 'requests', 'hit ratio'], ...rows], ['left', 'right', 'right', 'right'])));
  return lines;
}

/** For a gateway: what it admitted, throttled and refused, its calls, and its rate limit per key. */
function gatewayLines(node: NodeReportOf<'gateway'>, name: string): string[] {
  const g = node.gateway;
  const lines = ['', `API gateway ${name}: what it let through`];
  lines.push(
    `  admitted ${formatCount(g.admitted)} · throttled (429) ${formatCount(g.throttled)} · unauthorized (401) ${formatCount(g.unauthorized)} · forwarded ${formatCount(g.forwarded)}`,
  );
  const calls = [
    ...(g.authCalls > 0 || g.tokenCacheHits > 0 ? [`${formatCount(g.authCalls)} auth-service calls, ${formatCount(g.tokenCacheHits)} token-cache hits`] : []),
    ...(g.serviceCalls > 0 ? [`${formatCount(g.serviceCalls)} parallel service calls`] : []),
    ...(g.timeouts > 0 ? [`${formatCount(g.timeouts)} route timeouts (504)`] : []),
    ...(g.unmatched > 0 ? [`${formatCount(g.unmatched)} matched no route`] : []),
  ];
  if (calls.length > 0) lines.push(`  ${calls.join(' · ')}`);
  if (g.limiter !== null && g.limiter.keys.length > 0) {
    const { keys, admitted, throttled, level } = g.limiter;
    const rows = keys.map((key, i) => {
      const a = admitted[i] ?? 0;
      const t = throttled[i] ?? 0;
      return [key, formatCount(a), formatCount(t), formatPercent(a + t > 0 ? t / (a + t) : 0), formatNumber(level[i] ?? 0)];
    });
    lines.push(...indent(formatTable([['limit key', 'admitted', 'throttled', 'throttled %', 'room at the end'], ...rows], ['left', 'right', 'right', 'right', 'right'])));
  }
  return lines;
}
