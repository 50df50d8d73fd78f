/**
 * The same system without one cache (or CDN): whatever sent requests to it
 * sends them straight to what it sent its misses to. A run of that scenario
 * is the "without the cache" line of the database-load chart.
 */
import { distributionMean, type Link, type Scenario } from '../scenario/schema';

/**
 * Runs longer than this many requests get no baseline: a second full run of
 * a benchmark would hold a core for many seconds on a small machine.
 */
export const MAX_BASELINE_REQUESTS = 1_000_000;

/** Roughly how many requests the clients send in the whole run (closed loops: one per think time per user). */
export function expectedRequests(scenario: Scenario): number {
  let total = 0;
  for (const node of scenario.nodes) {
    if (node.kind !== 'client') continue;
    const w = node.workload;
    total += w.mode === 'open' ? w.rate * scenario.duration : (w.users * scenario.duration) / Math.max(distributionMean(w.thinkTime), 0.01);
  }
  return total;
}

export interface Baseline {
  scenario: Scenario;
  /** Where a node of the original scenario sits in the baseline (-1 for the removed cache). */
  indexOf: (index: number) => number;
}

/** `scenario` with the node `cacheId` taken out and its links bridged; null when nothing would reach the backend or it is too large to run twice. */
export function withoutCache(scenario: Scenario, cacheId: string): Baseline | null {
  if (expectedRequests(scenario) > MAX_BASELINE_REQUESTS) return null;
  const incoming = scenario.links.filter((l) => l.to === cacheId);
  const outgoing = scenario.links.filter((l) => l.from === cacheId);
  if (incoming.length === 0 || outgoing.length === 0) return null;
  const taken = new Set(scenario.links.map((l) => l.id));
  const bridges: Link[] = [];
  for (const into of incoming) {
    for (const out of outgoing) {
      let id = `${into.id}~${out.id}`.slice(0, 60);
      while (taken.has(id)) id = `${id.slice(0, 58)}~`;
      taken.add(id);
      // The request still crosses both networks; only the cache's own time is gone.
      bridges.push({ id, from: into.from, to: out.to, latency: into.latency + out.latency, weight: into.weight * out.weight });
    }
  }
  const nodes = scenario.nodes.filter((n) => n.id !== cacheId);
  const positions = new Map(nodes.map((n, i) => [n.id, i]));
  return {
    scenario: {
      ...scenario,
      nodes,
      links: [...scenario.links.filter((l) => l.from !== cacheId && l.to !== cacheId), ...bridges],
      faults: scenario.faults.filter((f) => f.node !== cacheId),
    },
    indexOf: (index) => {
      const id = scenario.nodes[index]?.id;
      return id === undefined ? -1 : (positions.get(id) ?? -1);
    },
  };
}
