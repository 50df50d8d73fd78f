import { KIND_TRAITS } from './kinds';
import { messagingLinkProblem } from './messaging-links';
import { registryLinkProblem } from './registry-links';
import { poolerLinkProblem } from './pooler-rules';
import type { Scenario } from './schema';

/**
 * Why the engine cannot run a link from `from` to `to`, or null when it can.
 * The same rules as parseScenario's reference check, plus duplicates, which
 * the schema allows but a user never means.
 */
export function connectionProblem(scenario: Pick<Scenario, 'nodes' | 'links'>, from: string, to: string): string | null {
  const source = scenario.nodes.find((n) => n.id === from);
  const target = scenario.nodes.find((n) => n.id === to);
  if (!source || !target) return 'Connect two nodes on the canvas.';
  const name = (node: typeof source) => `“${node.label || node.id}”`;
  if (from === to) return `A node cannot link to itself: drag from ${name(source)} to another node.`;
  if (!KIND_TRAITS[target.kind].acceptsLinks) {
    return `${name(target)} is ${KIND_TRAITS[target.kind].one}: ${KIND_TRAITS[target.kind].plural} only send requests, so nothing can link into them.`;
  }
  const messaging = messagingLinkProblem(source.kind, target.kind) ?? registryLinkProblem(source.kind, target.kind);
  if (messaging !== null) return `${name(source)} cannot link to ${name(target)}: ${messaging}.`;
  const pooling = poolerLinkProblem(source.kind, target.kind);
  if (pooling !== null) return `${name(source)} cannot link to ${name(target)}: ${pooling}.`;
  if (source.kind === 'pooler' && scenario.links.some((l) => l.from === from)) return `${name(source)} already links to a database; a pooler pools connections to one.`;
  if (scenario.links.some((l) => l.from === from && l.to === to)) return `${name(source)} already links to ${name(target)}.`;
  return null;
}
