import type { z } from 'zod';
import { migrateScenario } from './migrate';
import { SCENARIO_LIMITS, type Scenario, ScenarioSchema } from './schema';

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

  const errors = checkReferences(parsed.data);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, scenario: parsed.data, warnings: findWarnings(parsed.data) };
}

/** Parses JSON text, turning a syntax error into a readable message. */
export function parseScenarioJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`The file is not valid JSON: ${(error as Error).message}`] };
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

function describeIssues(error: z.ZodError, data: unknown): string[] {
  return error.issues.slice(0, 20).map((issue) => {
    const where = describePath(issue.path, data);
    if (issue.code === 'invalid_union' && issue.path.at(-1) === 'kind') {
      return `${where}: unknown node kind. Use one of client, loadBalancer, server, database.`;
    }
    return `${where}: ${issue.message}`;
  });
}

/** Turns ["nodes", 2, "workers"] into `node "api-1" (nodes[2]) field "workers"`. */
function describePath(path: PropertyKey[], data: unknown): string {
  const [section, index, ...rest] = path;
  if ((section === 'nodes' || section === 'links') && typeof index === 'number') {
    const item = (data as Record<string, unknown[]>)[section]?.[index] as { id?: unknown } | undefined;
    const name = typeof item?.id === 'string' ? `"${item.id}" ` : '';
    const what = section === 'nodes' ? 'node' : 'link';
    const field = rest.length > 0 ? ` field "${rest.join('.')}"` : '';
    return `${what} ${name}(${section}[${index}])${field}`;
  }
  return path.length > 0 ? `field "${path.join('.')}"` : 'scenario';
}

function checkReferences(scenario: Scenario): string[] {
  const errors: string[] = [];
  const kinds = new Map<string, string>();
  for (const node of scenario.nodes) {
    if (kinds.has(node.id)) errors.push(`node "${node.id}": the id is used twice; ids must be unique.`);
    kinds.set(node.id, node.kind);
  }
  const linkIds = new Set<string>();
  for (const link of scenario.links) {
    if (linkIds.has(link.id)) errors.push(`link "${link.id}": the id is used twice; ids must be unique.`);
    linkIds.add(link.id);
    for (const end of ['from', 'to'] as const) {
      if (!kinds.has(link[end])) errors.push(`link "${link.id}": "${end}" names node "${link[end]}", which does not exist.`);
    }
    if (link.from === link.to) errors.push(`link "${link.id}": a node cannot link to itself.`);
    if (kinds.get(link.to) === 'client') {
      errors.push(`link "${link.id}": it leads into client "${link.to}"; clients only send requests.`);
    }
  }
  if (scenario.warmup >= scenario.duration) {
    errors.push(`field "warmup": the warm-up (${scenario.warmup} s) must be shorter than the duration (${scenario.duration} s).`);
  }
  return errors;
}

function findWarnings(scenario: Scenario): string[] {
  const warnings: string[] = [];
  const outgoing = new Map<string, number>();
  for (const link of scenario.links) outgoing.set(link.from, (outgoing.get(link.from) ?? 0) + 1);
  for (const node of scenario.nodes) {
    const out = outgoing.get(node.id) ?? 0;
    if (node.kind === 'client' && out === 0) warnings.push(`client "${node.id}" has no outgoing link: its requests fail with "no route".`);
    if (node.kind === 'loadBalancer' && out === 0) warnings.push(`load balancer "${node.id}" has no targets: requests to it fail with "no route".`);
  }
  if (!scenario.nodes.some((n) => n.kind === 'client')) warnings.push('There is no client, so no requests are sent.');
  const cycle = findCycle(scenario);
  if (cycle) warnings.push(`The links form a cycle (${cycle.join(' → ')}): requests that go round it fail at the hop limit (${scenario.hopLimit}).`);
  return warnings;
}

/** Returns one directed cycle as a list of node ids, or null. */
export function findCycle(scenario: Pick<Scenario, 'nodes' | 'links'>): string[] | null {
  const next = new Map<string, string[]>();
  for (const link of scenario.links) next.set(link.from, [...(next.get(link.from) ?? []), link.to]);
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
