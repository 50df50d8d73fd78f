/**
 * The B side of a comparison: the scenario on the canvas with one design
 * choice changed (a balancer's algorithm, a cache's write strategy or
 * eviction, a server's replicas). Each is checked by the parser, so only
 * variants the engine accepts are offered.
 */
import { ALGORITHMS } from '../../canvas/algorithm-names';
import { CACHE_STRATEGIES, EVICTION_POLICIES } from '../../scenario/cache-schema';
import { parseScenario } from '../../scenario/parse';
import { LoadBalancingAlgorithmSchema, type Scenario } from '../../scenario/schema';

export interface CompareVariant {
  id: string;
  /** "Load balancer: least connections (A: round robin)". */
  label: string;
  scenario: Scenario;
}

const STRATEGY_NAMES: Record<(typeof CACHE_STRATEGIES)[number], string> = {
  cacheAside: 'cache-aside',
  writeThrough: 'write-through',
  writeBack: 'write-back',
};

const EVICTION_NAMES: Record<(typeof EVICTION_POLICIES)[number], string> = { lru: 'LRU', lfu: 'LFU', fifo: 'FIFO', random: 'random', ttl: 'TTL' };

type Node = Scenario['nodes'][number];

/** Every one-change variant of `scenario` the parser accepts, in the order of its nodes. */
export function compareVariants(scenario: Scenario): CompareVariant[] {
  const variants: CompareVariant[] = [];
  const offer = (id: string, label: string, nodeId: string, change: (node: Node) => Node) => {
    const changed = { ...scenario, nodes: scenario.nodes.map((n) => (n.id === nodeId ? change(n) : n)) };
    const parsed = parseScenario(changed);
    if (parsed.ok) variants.push({ id, label, scenario: parsed.scenario });
  };
  for (const node of scenario.nodes) {
    const name = node.label ?? node.id;
    if (node.kind === 'loadBalancer') {
      for (const algorithm of LoadBalancingAlgorithmSchema.options) {
        if (algorithm === node.algorithm) continue;
        const label = `${name}: ${ALGORITHMS[algorithm].title.toLowerCase()} (A: ${ALGORITHMS[node.algorithm].title.toLowerCase()})`;
        offer(`${node.id}:algorithm:${algorithm}`, label, node.id, (n) => ({ ...n, algorithm }) as Node);
      }
    } else if (node.kind === 'cache') {
      for (const strategy of CACHE_STRATEGIES) {
        if (strategy === node.strategy) continue;
        offer(`${node.id}:strategy:${strategy}`, `${name}: ${STRATEGY_NAMES[strategy]} (A: ${STRATEGY_NAMES[node.strategy]})`, node.id, (n) => ({ ...n, strategy }) as Node);
      }
      for (const eviction of EVICTION_POLICIES) {
        if (eviction === node.eviction) continue;
        offer(`${node.id}:eviction:${eviction}`, `${name}: ${EVICTION_NAMES[eviction]} eviction (A: ${EVICTION_NAMES[node.eviction]})`, node.id, (n) => ({ ...n, eviction }) as Node);
      }
    } else if (node.kind === 'server') {
      for (const replicas of [node.replicas + 1, node.replicas - 1]) {
        if (replicas < 1) continue;
        offer(`${node.id}:replicas:${replicas}`, `${name}: ${replicas} replica${replicas === 1 ? '' : 's'} (A: ${node.replicas})`, node.id, (n) => ({ ...n, replicas }) as Node);
      }
    }
  }
  return variants;
}
