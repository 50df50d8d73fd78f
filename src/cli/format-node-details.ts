import type { NodeReport, NodeReportOf } from '../engine/types';
import { KIND_TRAITS } from '../scenario/kinds';
import type { NodeKind } from '../scenario/schema';
import { queueLines, topicLines } from './format-messaging';
import { callLines } from './format-calls';
import { connectionLines, inboundConnectionLines, poolerLines } from './format-connections';
import { formatCount, formatMilliseconds, formatNumber, formatPercent, formatTable, indent } from './format-numbers';
import { resourceLines } from './format-resources';
import { replicaLines } from './format-replicas';
import { registryLines } from './format-registry';
import { instanceLines } from './format-instances';

/*
 * Sections the runner prints under the node table for nodes that measure more
 * than queues: load balancers (targets, health), caches and CDNs, and servers
 * of several replicas (each machine).
 */

const none = () => [];

/** The sections each kind prints under the node table: a kind added to the schema fails the type-check here until it says. */
const DETAILS: { readonly [K in NodeKind]: (node: NodeReportOf<K>, name: string) => string[] } = {
  client: none,
  loadBalancer: (node, name) => balancerLines(node, name),
  server: (node, name) => [...(node.instances ? instanceLines(node, name) : replicaLines(node, name)), ...resourceLines(node, name)],
  database: (node, name) => databaseLines(node, name),
  cache: (node, name) => cacheLines(node, name),
  cdn: (node, name) => [...cacheLines(node, name), ...cdnLines(node)],
  sessionStore: none,
  messageQueue: (node, name) => queueLines(node, name),
  topic: (node, name) => topicLines(node, name),
  parallelJob: (node, name) => parallelJobLines(node, name),
  gateway: (node, name) => gatewayLines(node, name),
  registry: (node, name) => registryLines(node, name),
  pooler: (node, name) => poolerLines(node, name),
};

/** The extra lines a node's report calls for (none for a plain server), titled with `name` (its id, marked when a live edit retired it). */
export function nodeDetailLines(node: NodeReport, name = node.id): string[] {
  return [
    ...(DETAILS[node.kind] as (node: NodeReport, name: string) => string[])(node, name),
    ...callLines(node.calls, name),
    ...connectionLines(node.connections, name),
    ...inboundConnectionLines(node.inboundConnections, name),
  ];
}

const MAX_POOL_CHANGES = 20;
const OUT_OF_POOL = { probes: 'out: failed probes', ejected: 'out: ejected', notServing: 'out: not serving' } as const;
/** Why a target left the pool, as a timeline line says it. */
const LEFT_BECAUSE = { probes: 'failed probes', ejected: 'ejected', notServing: 'scaled: not serving', '': '' } as const;

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
    const what = change.eligible ? 'rejoined the pool' : `left the pool (${LEFT_BECAUSE[change.out]})`;
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
  if (cdn.rejectedAtEdge > 0) lines.push(`  ${formatCount(cdn.rejectedAtEdge)} requests rejected at the edge (401 unauthorized)`);
  // Edge compute columns only when the edges resized anything.
  const compute = cdn.edgeCpuSeconds > 0;
  const rows = cdn.edges.map((e) => [
    e.name,
    formatMilliseconds(e.rtt),
    formatCount(e.requests),
    formatPercent(e.hitRatio),
    ...(compute ? [formatPercent(e.computeUtilization ?? 0), formatMilliseconds(e.computeMeanWait ?? 0)] : []),
  ]);
  const header = ['edge', 'rtt ms', 'requests', 'hit ratio', ...(compute ? [`compute busy (${cdn.edgeWorkers ?? '?'} threads)`, 'wait ms'] : [])];
  lines.push(...indent(formatTable([header, ...rows], header.map((_, i) => (i === 0 ? 'left' : 'right')))));
  return lines;
}

/** For a sharded or replicated database: stale reads, then each shard's share and load. */
function databaseLines(node: NodeReportOf<'database'>, name: string): string[] {
  const db = node.database;
  if (!db || (db.shards === 1 && db.readReplicas === 0)) return [];
  const lines = ['', `Database ${name}: ${db.shards} shard${db.shards === 1 ? '' : 's'}, ${db.readReplicas} read replica${db.readReplicas === 1 ? '' : 's'} each`];
  if (db.readReplicas > 0) {
    const oldest = db.staleReads > 0 ? `, the oldest ${formatMilliseconds(db.maxStaleAge)} ms after its write` : '';
    lines.push(`  stale reads ${formatCount(db.staleReads)} of ${formatCount(db.replicaReads)} replica reads (${formatPercent(db.staleRatio)})${oldest}`);
  }
  const rows = db.perShard.map((shard, s) => [
    String(s + 1),
    formatCount(shard.requests),
    formatPercent(shard.share),
    formatPercent(shard.primaryLoad),
    ...(db.readReplicas > 0 ? [formatPercent(shard.replicaLoad)] : []),
  ]);
  const header = ['shard', 'requests', 'share', 'primary busy', ...(db.readReplicas > 0 ? ['replicas busy'] : [])];
  lines.push(...indent(formatTable([header, ...rows], header.map((_, i) => (i === 0 ? 'left' : 'right')))));
  return lines;
}

/** For a parallel job: the speedup its jobs got against Amdahl and the USL. */
function parallelJobLines(node: NodeReportOf<'parallelJob'>, name: string): string[] {
  const p = node.parallel;
  if (!p) return [];
  const fractions = `s ${formatPercent(p.serialFraction)}, σ ${formatPercent(p.contention)}, κ ${formatPercent(p.coherency)}`;
  return [
    '',
    `Parallel job ${name}: ${p.workers} workers (${fractions})`,
    `  speedup ${p.speedup.toFixed(2)}× over one worker (efficiency ${formatPercent(p.efficiency)}) in ${formatCount(p.jobs)} jobs after warm-up`,
    `  mean job ${formatMilliseconds(p.meanJobTime)} ms; the same work on one worker ${formatMilliseconds(p.meanSequentialTime)} ms`,
    `  Amdahl predicts ${p.amdahl.toFixed(2)}×, the USL with the join and the exchanges ${p.usl.toFixed(2)}×`,
  ];
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
