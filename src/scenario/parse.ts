import { callPolicyProblems } from './call-rules';
import { faultRefusal, faultReplicaProblem } from './faults';
import { KIND_TRAITS } from './kinds';
import { gatewayProblems } from './gateway-schema';
import { describeIssues, describeJsonError } from './issue-messages';
import { balancerProblems } from './load-balancer-presets';
import { messagingLinkProblem } from './messaging-links';
import { registryLinkProblem } from './registry-links';
import { poolerLinkProblem, poolerLinksProblems } from './pooler-rules';
import { migrateScenario } from './migrate';
import { runCostWarnings } from './run-cost';
import { type NodeKind, SCENARIO_LIMITS, type Scenario, ScenarioSchema } from './schema';
import { findUnknownFields } from './unknown-fields';

export type ParseResult =
  | { ok: true; scenario: Scenario; warnings: string[] }
  | { ok: false; errors: string[] };

/**
 * Validates untrusted scenario data (a file, a URL, an autosave): size limits
 * first so a huge file is refused fast, then version migration, the schema,
 * and the graph's references. Every message names the node or link at fault.
 */
export function parseScenario(input: unknown): ParseResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['A scenario must be a JSON object with "version", "nodes" and "links".'] };
  }
  const raw = input as Record<string, unknown>;
  const sizeError = checkSize(raw);
  if (sizeError) return { ok: false, errors: [sizeError] };

  const migrated = migrateScenario(raw);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };

  const parsed = ScenarioSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error, migrated.value) };

  const errors = [...checkReferences(parsed.data), ...checkChanges(parsed.data)];
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, scenario: parsed.data, warnings: [...findUnknownFields(migrated.value), ...findWarnings(parsed.data)] };
}

/** Parses JSON text, turning a syntax error into a readable message. */
export function parseScenarioJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`The file is not valid JSON: ${describeJsonError(text, (error as Error).message)}`] };
  }
  return parseScenario(data);
}

function checkSize(raw: Record<string, unknown>): string | null {
  const { nodes, links } = raw;
  if (Array.isArray(nodes) && nodes.length > SCENARIO_LIMITS.maxNodes) {
    return `The scenario has ${nodes.length} nodes; the limit is ${SCENARIO_LIMITS.maxNodes}. Split it into smaller scenarios.`;
  }
  if (Array.isArray(links) && links.length > SCENARIO_LIMITS.maxLinks) {
    return `The scenario has ${links.length} links; the limit is ${SCENARIO_LIMITS.maxLinks}.`;
  }
  return null;
}

function checkReferences(scenario: Scenario): string[] {
  const errors: string[] = [];
  const kinds = new Map<string, NodeKind>();
  for (const node of scenario.nodes) {
    if (kinds.has(node.id)) errors.push(`node "${node.id}": the id is used twice; ids must be unique.`);
    kinds.set(node.id, node.kind);
  }
  const faultKinds = new Map<string, NodeKind>();
  const linkIds = new Set<string>();
  for (const link of scenario.links) {
    if (linkIds.has(link.id)) errors.push(`link "${link.id}": the id is used twice; ids must be unique.`);
    linkIds.add(link.id);
    for (const end of ['from', 'to'] as const) {
      if (!kinds.has(link[end])) errors.push(`link "${link.id}": "${end}" names node "${link[end]}", which does not exist.`);
    }
    if (link.from === link.to) errors.push(`link "${link.id}": a node cannot link to itself.`);
    errors.push(...callPolicyProblems(link, kinds));
    const into = kinds.get(link.to);
    if (into !== undefined && !KIND_TRAITS[into].acceptsLinks) {
      errors.push(`link "${link.id}": it leads into ${KIND_TRAITS[into].title.toLowerCase()} "${link.to}"; ${KIND_TRAITS[into].plural} only send requests.`);
    }
    const out = kinds.get(link.from);
    const messaging = out !== undefined && into !== undefined ? (messagingLinkProblem(out, into) ?? registryLinkProblem(out, into)) : null;
    if (messaging !== null) errors.push(`link "${link.id}" field "to": "${link.from}" cannot link to "${link.to}": ${messaging}.`);
    const pooling = out !== undefined && into !== undefined ? poolerLinkProblem(out, into) : null;
    if (pooling !== null) errors.push(`link "${link.id}" field "to": "${link.from}" cannot link to "${link.to}": ${pooling}.`);
  }
  errors.push(...poolerLinksProblems(scenario.links, kinds));
  // A fault may name a node a live edit added later in the run.
  for (const change of scenario.changes) for (const node of change.nodes) if (!kinds.has(node.id)) faultKinds.set(node.id, node.kind);
  // The engine skips a fault whose node is missing or cannot fail, so a typo would go unnoticed.
  scenario.faults.forEach((fault, index) => {
    const kind = kinds.get(fault.node) ?? faultKinds.get(fault.node);
    const where = `fault (faults[${index}]) field "node"`;
    if (kind === undefined) {
      errors.push(`${where}: names node "${fault.node}", which does not exist.`);
      return;
    }
    const replicaProblem = faultReplicaProblem(fault, scenario);
    if (replicaProblem !== null) errors.push(`fault (faults[${index}]) field "replica": ${replicaProblem}`);
    const refusal = faultRefusal(kind, fault.action);
    if (refusal === null) return;
    // A kind that cannot fail at all is a wrong node; one that can, a wrong action.
    const field = KIND_TRAITS[kind].faults.length === 0 ? where : `fault (faults[${index}]) field "action"`;
    errors.push(`${field}: "${fault.node}" is ${KIND_TRAITS[kind].one}; ${refusal}`);
  });
  for (const node of scenario.nodes) {
    if (node.kind === 'gateway') errors.push(...gatewayProblems(node, new Set(scenario.links.filter((l) => l.from === node.id).map((l) => l.to))));
    if (node.kind !== 'loadBalancer') continue;
    errors.push(...balancerProblems(node));
    const targets = new Set(scenario.links.filter((l) => l.from === node.id).map((l) => l.to));
    node.routes.forEach((route, r) => {
      for (const target of route.targets) {
        if (!targets.has(target)) {
          errors.push(`load balancer "${node.id}" field "routes.${r}.targets": "${target}" is not one of its targets; link it first.`);
        }
      }
    });
  }
  if (scenario.warmup >= scenario.duration) {
    errors.push(`field "warmup": the warm-up (${scenario.warmup} s) must be shorter than the duration (${scenario.duration} s).`);
  }
  return errors;
}

/** Each recorded live edit must be a graph the engine can run, like the scenario's own; times must not go back. */
function checkChanges(scenario: Scenario): string[] {
  return scenario.changes.flatMap((change, index) => {
    const where = `change (changes[${index}], at ${change.at} s)`;
    const previous = scenario.changes[index - 1];
    const order = previous && previous.at > change.at ? [`${where} field "at": changes must be in time order.`] : [];
    const graph = { ...scenario, nodes: change.nodes, links: change.links, faults: [], changes: [] };
    return [...order, ...checkReferences(graph).map((error) => `${where}: ${error}`)];
  });
}

function findWarnings(scenario: Scenario): string[] {
  const warnings: string[] = [];
  const outgoing = new Map<string, number>();
  for (const link of scenario.links) outgoing.set(link.from, (outgoing.get(link.from) ?? 0) + 1);
  for (const node of scenario.nodes) {
    const out = outgoing.get(node.id) ?? 0;
    if (node.kind === 'client' && out === 0) warnings.push(`client "${node.id}" has no outgoing link: its requests fail with "no route".`);
    if (node.kind === 'loadBalancer' && out === 0) warnings.push(`load balancer "${node.id}" has no targets: requests to it fail with "no route".`);
    if (node.kind === 'messageQueue' && out === 0) warnings.push(`message queue "${node.id}" has no consumers (servers it links to): its messages wait until the backlog is full.`);
    if (node.kind === 'topic' && out === 0) warnings.push(`topic "${node.id}" has no subscribers (queues or servers it links to): what is published to it goes nowhere.`);
    if (node.kind === 'gateway' && out === 0) warnings.push(`gateway "${node.id}" links to no service: requests it admits fail with "no route".`);
    if (node.kind === 'registry' && out === 0) warnings.push(`service registry "${node.id}" knows no server group (link it to one): requests to it fail with "no route".`);
    if (KIND_TRAITS[node.kind].answers === 'hits' && out === 0) {
      warnings.push(`${KIND_TRAITS[node.kind].title} "${node.id}" has no link onwards: its misses and writes fail with "no route".`);
    }
  }
  if (!scenario.nodes.some((n) => n.kind === 'client')) warnings.push('There is no client, so no requests are sent.');
  scenario.faults.forEach((fault, index) => {
    if (fault.at >= scenario.duration) {
      warnings.push(`fault (faults[${index}]): it is set for ${fault.at} s, after the run ends (${scenario.duration} s), so it never happens.`);
    }
  });
  const cycle = findCycle(scenario);
  if (cycle) {
    const answered = nodesThatReachAnAnswer(scenario);
    const limit = `fail with "hop limit" once they cross more than ${scenario.hopLimit} links`;
    const consequence = cycle.some((id) => answered.has(id))
      ? `requests that go round it ${limit}`
      : `no node on it or after it answers, so all requests that enter it ${limit}`;
    warnings.push(`The links form a cycle (${cycle.join(' → ')}): ${consequence}.`);
  }
  warnings.push(...runCostWarnings(scenario));
  return warnings;
}

/**
 * Ids of nodes from which some path ends at a node that answers: a cache or
 * CDN (its hits), or any other node with workers and no outgoing link (with
 * one, a server forwards after its service, as the engine does). Walks the
 * links backwards from those.
 */
function nodesThatReachAnAnswer(scenario: Pick<Scenario, 'nodes' | 'links'>): Set<string> {
  const previous = new Map<string, string[]>();
  const hasOutgoing = new Set<string>();
  for (const link of scenario.links) {
    hasOutgoing.add(link.from);
    const list = previous.get(link.to);
    if (list) list.push(link.from);
    else previous.set(link.to, [link.from]);
  }
  const found = new Set<string>();
  const pending = scenario.nodes
    .filter((n) => KIND_TRAITS[n.kind].answers === 'hits' || KIND_TRAITS[n.kind].answers === 'always' || (!hasOutgoing.has(n.id) && KIND_TRAITS[n.kind].answers === 'atPathEnd'))
    .map((n) => n.id);
  for (const id of pending) found.add(id);
  while (pending.length > 0) {
    for (const from of previous.get(pending.pop()!) ?? []) {
      if (!found.has(from)) {
        found.add(from);
        pending.push(from);
      }
    }
  }
  return found;
}

/** Returns one directed cycle as a list of node ids, or null. */
export function findCycle(scenario: {
  nodes: readonly { id: string }[];
  links: readonly { from: string; to: string }[];
}): string[] | null {
  const next = new Map<string, string[]>();
  for (const link of scenario.links) {
    const list = next.get(link.from);
    if (list) list.push(link.to);
    else next.set(link.from, [link.to]);
  }
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 1);
    stack.push(id);
    for (const to of next.get(id) ?? []) {
      if (state.get(to) === 1) return [...stack.slice(stack.indexOf(to)), to];
      if (!state.has(to)) {
        const found = visit(to);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 2);
    return null;
  };
  for (const node of scenario.nodes) {
    if (!state.has(node.id)) {
      const found = visit(node.id);
      if (found) return found;
    }
  }
  return null;
}
