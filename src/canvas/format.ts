import { distributionMean, type ScenarioNode } from '../scenario/schema';
import { ALGORITHMS } from './node-kinds';

/** Seconds as a short human figure: "850 µs", "50 ms", "1.5 s". */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  if (seconds === 0) return '0 ms';
  if (seconds < 0.001) return `${trim(seconds * 1e6)} µs`;
  if (seconds < 1) return `${trim(seconds * 1000)} ms`;
  return `${trim(seconds)} s`;
}

/** A rate in requests per second. */
export function formatRate(perSecond: number): string {
  return `${trim(perSecond)} req/s`;
}

function trim(value: number): string {
  return Number(value.toPrecision(3)).toString();
}

/** The mean of a distribution, seconds (the schema's, re-exported for the canvas). */
export { distributionMean };

/** One line that says what a node is set to, for its card on the canvas. */
export function nodeSummary(node: ScenarioNode): string {
  switch (node.kind) {
    case 'client':
      return node.workload.mode === 'open'
        ? formatRate(node.workload.rate)
        : `${node.workload.users} users · think ${formatSeconds(distributionMean(node.workload.thinkTime))}`;
    case 'loadBalancer':
      return ALGORITHMS[node.algorithm].title.toLowerCase();
    case 'server':
      return `${node.workers} workers · ${formatSeconds(distributionMean(node.serviceTime))}`;
    case 'database':
      return `${node.workers} workers · r ${formatSeconds(distributionMean(node.readTime))} / w ${formatSeconds(distributionMean(node.writeTime))}`;
    case 'sessionStore':
      return `${node.workers} workers · ${formatSeconds(distributionMean(node.serviceTime))}`;
    case 'cache':
      return `${node.capacity.toLocaleString('en-US')} entries · ${node.eviction.toUpperCase()}`;
    case 'cdn':
      return `${node.edges.length} edge${node.edges.length === 1 ? '' : 's'} · ${node.mode}`;
  }
}
