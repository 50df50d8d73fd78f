/**
 * What the cache and CDN views draw, picked out of the run's windows and
 * report. Every theoretical figure comes from the engine's report: the page
 * only places it, it never recomputes it.
 */
import type { CacheReport, CdnReport, LiveSnapshot, NodeReport, RankBucket, Report, WindowSample } from '../../engine/types';
import type { Scenario, ScenarioNode } from '../../scenario/schema';
import { KIND_TRAITS } from '../../scenario/kinds';
import type { EarlyTheory } from '../../worker/protocol';

/** Kinds whose reads hit or miss. */
export type CachingKind = 'cache' | 'cdn';

/** The cache or CDN the panel describes, with where its figures sit in the engine's arrays. */
export interface CachingTarget {
  id: string;
  label: string;
  kind: CachingKind;
  /** Index in the scenario's nodes (and so in windows and reports). */
  index: number;
  /** CDN edge names, in the scenario's order. */
  edgeNames: readonly string[];
  /** Caches: whether writes are acknowledged before they reach the database (only then can a crash lose them). */
  writeBack: boolean;
  /** Nodes the cache or CDN sends its misses to (databases or an origin), by scenario index. */
  backends: readonly { index: number; label: string }[];
}

const labelOf = (node: ScenarioNode) => node.label ?? node.id;

/**
 * The selected node when it is a cache or a CDN, otherwise the scenario's
 * first one, so the panel has something to show before anything is selected.
 */
export function cachingTarget(scenario: Scenario, selectedId: string | null): CachingTarget | null {
  const isCaching = (n: ScenarioNode) => KIND_TRAITS[n.kind].answers === 'hits';
  const selected = scenario.nodes.find((n) => n.id === selectedId && isCaching(n));
  const node = selected ?? scenario.nodes.find(isCaching);
  if (!node || (node.kind !== 'cache' && node.kind !== 'cdn')) return null;
  const index = scenario.nodes.indexOf(node);
  return {
    id: node.id,
    label: labelOf(node),
    kind: node.kind,
    index,
    edgeNames: node.kind === 'cdn' ? node.edges.map((e) => e.name) : [],
    writeBack: node.kind === 'cache' && node.strategy === 'writeBack',
    backends: backendsOf(scenario, node.id),
  };
}

/** The load chart draws at most this many backends (and as many lines without the cache). */
export const MAX_BACKENDS = 3;

/**
 * What the cache's misses load: the nodes its links reach, looking through
 * load balancers (they have no workers, so no load to draw) to what they feed.
 */
export function backendsOf(scenario: Scenario, cacheId: string): { index: number; label: string }[] {
  const seen = new Set([cacheId]);
  const found: { index: number; label: string }[] = [];
  let frontier = [cacheId];
  while (frontier.length > 0 && found.length < MAX_BACKENDS) {
    const next: string[] = [];
    for (const link of scenario.links) {
      if (!frontier.includes(link.from) || seen.has(link.to)) continue;
      seen.add(link.to);
      const index = scenario.nodes.findIndex((n) => n.id === link.to);
      const node = scenario.nodes[index];
      if (!node) continue;
      if (node.kind === 'loadBalancer') next.push(node.id);
      else found.push({ index, label: labelOf(node) });
    }
    frontier = next;
  }
  return found.slice(0, MAX_BACKENDS);
}

/** One line of the hit-ratio chart: a measured value per window (NaN where the window had no reads). */
export interface HitRatioLine {
  label: string;
  values: number[];
}

export interface HitRatioData {
  /** Window ends, simulated seconds. */
  x: number[];
  xMin: number;
  xMax: number;
  lines: HitRatioLine[];
  /** The engine's theoretical hit ratio, once the report is in (null before, or when no formula applies). */
  theory: number | null;
  theoryModel: CacheReport['theoryModel'];
  /** True while there is no theory yet, but the final report may bring one. */
  awaitingReport: boolean;
}

/** The report entry of the node at `index`, if the run has ended. */
export function nodeReport(report: Report | null, target: CachingTarget): NodeReport | null {
  const node = report?.nodes[target.index];
  return node && node.id === target.id ? node : null;
}

/**
 * Hit ratio per window: the cache's, or a CDN's edges (one line each, plus
 * all edges together), with the theoretical ratio beside it.
 */
export function hitRatioData(windows: readonly WindowSample[], report: Report | null, target: CachingTarget, duration: number, early: EarlyTheory = null): HitRatioData {
  const x = windows.map((w) => w.end);
  const lines: HitRatioLine[] = [
    { label: target.kind === 'cdn' ? 'all edges' : 'measured', values: carryForward(windows.map((w) => w.nodes[target.index]?.hitRatio)) },
  ];
  target.edgeNames.forEach((name, e) => {
    lines.push({ label: name, values: carryForward(windows.map((w) => w.nodes[target.index]?.edgeHitRatios?.[e])) });
  });
  // The final report's theory wins: for TTL it uses the read rate the run measured.
  const theory = report ? (nodeReport(report, target)?.cache ?? null) : early;
  return {
    x,
    xMin: windows[0]?.start ?? 0,
    xMax: duration,
    lines,
    theory: theory?.theory ?? null,
    theoryModel: theory?.theoryModel ?? null,
    awaitingReport: report === null && (theory?.theory ?? null) === null,
  };
}

/**
 * A window without reads has no hit ratio; the line holds the last one
 * measured (0 before the first) rather than dropping to zero, which would
 * read as "every read missed".
 */
export function carryForward(values: readonly (number | null | undefined)[]): number[] {
  let last = 0;
  return values.map((v) => {
    if (v !== null && v !== undefined && Number.isFinite(v)) last = v;
    return last;
  });
}

/** How each theory model reads in a legend. */
export const THEORY_NAMES: Record<NonNullable<CacheReport['theoryModel']>, string> = {
  che: "theory (Che's approximation, LRU)",
  fifo: 'theory (FIFO/random approximation)',
  topC: 'theory (top-C sum, LFU ceiling)',
  ttl: 'theory (λT/(1+λT), TTL)',
  scan: 'theory (sequential scan)',
};

/** Bars of the hit ratio by popularity rank, with theory per bucket. */
export interface RankBar {
  /** "4–7": the ranks in the bucket. */
  label: string;
  /** "4": the first of them, short enough for an axis tick. */
  tick: string;
  reads: number;
  hitRatio: number;
  theory: number | null;
}

/** "1", "4.1k", "1.3M". */
export function shortRank(n: number): string {
  return n >= 1_000_000 ? `${Math.round(n / 100_000) / 10}M` : n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n);
}

/** "1", "2–3", "4–7", … "512–1k". */
export function rankLabel(bucket: Pick<RankBucket, 'from' | 'to'>): string {
  return bucket.from === bucket.to ? shortRank(bucket.from) : `${shortRank(bucket.from)}–${shortRank(bucket.to)}`;
}

/** The report's rank buckets as bars (empty until the run ends). */
export function rankBars(report: Report | null, target: CachingTarget): RankBar[] {
  const buckets = nodeReport(report, target)?.cache?.hitRatioByRank ?? [];
  return buckets.map((b) => ({ label: rankLabel(b), tick: shortRank(b.from), reads: b.reads, hitRatio: b.hitRatio, theory: b.theory }));
}

/** Stale reads and lost writes, as the cache reported them. */
export interface StalenessFigures {
  reads: number;
  staleReads: number;
  staleRatio: number;
  maxStaleAge: number;
  writes: number;
  lostWrites: number;
  dirty: number;
  flushedEntries: number;
  writeBack: boolean;
}

/** From the report once it is in, before that from the latest live frame; null before either. */
export function stalenessFigures(report: Report | null, target: CachingTarget, snapshot: LiveSnapshot | null = null): StalenessFigures | null {
  const cache = nodeReport(report, target)?.cache ?? snapshot?.nodes[target.index]?.cache;
  if (!cache) return null;
  return {
    reads: cache.hits + cache.misses,
    staleReads: cache.staleReads,
    staleRatio: cache.staleRatio,
    maxStaleAge: cache.maxStaleAge,
    writes: cache.writes,
    lostWrites: cache.lostWrites,
    dirty: cache.dirty,
    flushedEntries: cache.flushedEntries,
    writeBack: target.writeBack,
  };
}

/** The CDN's offload, from the report or else the latest live frame; null for a plain cache or before the run. */
export function cdnOffload(report: Report | null, target: CachingTarget, snapshot: LiveSnapshot | null = null): CdnReport | null {
  return nodeReport(report, target)?.cdn ?? snapshot?.nodes[target.index]?.cdn ?? null;
}

/** One backend's utilization per window, and the same in a run without the cache when there is one. */
export interface BackendLoadData {
  x: number[];
  xMin: number;
  xMax: number;
  lines: { label: string; values: number[]; dashed: boolean }[];
}

/**
 * Utilization (%) of the nodes behind the cache, over simulated time; with
 * `baseline` (the windows of a run without the cache), the same node there.
 */
export function backendLoadData(
  windows: readonly WindowSample[],
  target: CachingTarget,
  duration: number,
  baseline: { windows: readonly WindowSample[]; indexOf: (index: number) => number } | null,
): BackendLoadData {
  const lines: BackendLoadData['lines'] = [];
  for (const backend of target.backends) {
    lines.push({ label: `${backend.label}, with the ${target.kind === 'cdn' ? 'CDN' : 'cache'}`, values: windows.map((w) => (w.nodes[backend.index]?.utilization ?? 0) * 100), dashed: false });
  }
  if (baseline) {
    for (const backend of target.backends) {
      const at = baseline.indexOf(backend.index);
      if (at < 0) continue;
      // The baseline run has its own windows, aligned by position: both start at 0 with the same width.
      const values = windows.map((_w, i) => (baseline.windows[i]?.nodes[at]?.utilization ?? 0) * 100);
      lines.push({ label: `${backend.label}, without`, values, dashed: true });
    }
  }
  return { x: windows.map((w) => w.end), xMin: windows[0]?.start ?? 0, xMax: duration, lines };
}
