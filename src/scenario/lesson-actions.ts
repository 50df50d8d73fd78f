import { CallPolicySchema } from './call-schema';
import type { LessonAction } from './lesson-schema';
import { parseScenario } from './parse';
import type { Link, Scenario, ScenarioNode } from './schema';

/**
 * One edit a "try this" action makes: the fields of one node or one link to
 * change, as the inspector's edits are (the store's updateNode and
 * updateLink take exactly these), or why the action does not fit.
 */
export type LessonEdit =
  | { ok: true; target: 'node'; id: string; patch: Record<string, unknown> }
  | { ok: true; target: 'link'; id: string; patch: Record<string, unknown> }
  | { ok: false; error: string };

/** The edit `action` makes to `scenario`; the scenario's schema judges the values when the edit is applied. */
export function lessonEdit(scenario: Scenario, action: LessonAction): LessonEdit {
  if ('setLink' in action) {
    const link = scenario.links.find((l) => l.id === action.setLink.link);
    if (!link) return { ok: false, error: `There is no link "${action.setLink.link}".` };
    const patch = fieldPatch(link, action.setLink.field, action.setLink.value);
    // The store merges a link's patch as it is: a call policy takes its defaults here, as a node's fields do in updateNode.
    if ('call' in patch && patch.call !== null) {
      const call = CallPolicySchema.safeParse(patch.call);
      if (!call.success) return { ok: false, error: `link "${link.id}" field "call": ${call.error.issues[0]?.message ?? 'invalid'}.` };
      patch.call = call.data;
    }
    return { ok: true, target: 'link', id: link.id, patch };
  }
  const nodeId = 'set' in action ? action.set.node : 'addReplica' in action ? action.addReplica.node : 'algorithm' in action ? action.algorithm.node : action.cacheStrategy.node;
  const node = scenario.nodes.find((n) => n.id === nodeId);
  if (!node) return { ok: false, error: `There is no node "${nodeId}".` };
  if ('set' in action) return { ok: true, target: 'node', id: node.id, patch: fieldPatch(node, action.set.field, action.set.value) };
  if ('addReplica' in action) {
    if (!('replicas' in node)) return { ok: false, error: `Node "${node.id}" (a ${node.kind}) has no replicas to add to.` };
    return { ok: true, target: 'node', id: node.id, patch: { replicas: node.replicas + 1 } };
  }
  if ('algorithm' in action) {
    if (node.kind !== 'loadBalancer') return { ok: false, error: `Node "${node.id}" is not a load balancer, so it has no algorithm.` };
    return { ok: true, target: 'node', id: node.id, patch: { algorithm: action.algorithm.value } };
  }
  if (node.kind !== 'cache') return { ok: false, error: `Node "${node.id}" is not a cache, so it has no strategy.` };
  return { ok: true, target: 'node', id: node.id, patch: { strategy: action.cacheStrategy.value } };
}

/** The edits of one "try this" button, merged per node and link, so fields that must change together (a preset and its layer) do. */
export type LessonEdits = { ok: true; edits: Extract<LessonEdit, { ok: true }>[] } | { ok: false; error: string };

/** The merged edits `actions` make to `scenario`, each action seeing the ones before it. */
export function lessonEdits(scenario: Scenario, actions: readonly LessonAction[]): LessonEdits {
  let current = scenario;
  const edits: Extract<LessonEdit, { ok: true }>[] = [];
  for (const action of actions) {
    const edit = lessonEdit(current, action);
    if (!edit.ok) return edit;
    const same = edits.find((e) => e.target === edit.target && e.id === edit.id);
    if (same) same.patch = { ...same.patch, ...edit.patch };
    else edits.push({ ...edit, patch: { ...edit.patch } });
    current = withEdit(current, edit);
  }
  return { ok: true, edits };
}

/**
 * The scenario after the actions of one "try this" button, applied as its
 * merged edits and validated as any edit is; or the first problem. The
 * headless twin of what the lesson panel's button does through the store.
 */
export function applyLessonActions(scenario: Scenario, actions: readonly LessonAction[]): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  const planned = lessonEdits(scenario, actions);
  if (!planned.ok) return planned;
  const next = planned.edits.reduce(withEdit, scenario);
  const checked = parseScenario(next);
  if (!checked.ok) return { ok: false, error: checked.errors[0] ?? 'The edit would make the scenario invalid.' };
  return { ok: true, scenario: checked.scenario };
}

function withEdit(scenario: Scenario, edit: Extract<LessonEdit, { ok: true }>): Scenario {
  return edit.target === 'node'
    ? { ...scenario, nodes: scenario.nodes.map((n) => (n.id === edit.id ? ({ ...n, ...edit.patch } as ScenarioNode) : n)) }
    : { ...scenario, links: scenario.links.map((l) => (l.id === edit.id ? ({ ...l, ...edit.patch } as Link) : l)) };
}

/** The top-level field to write for `path` ("healthCheck.active"): its current value with the nested field replaced. */
function fieldPatch(item: object, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { [head]: value };
  const root = structuredClone((item as Record<string, unknown>)[head] ?? {}) as Record<string, unknown>;
  let here = root;
  for (const key of rest.slice(0, -1)) {
    const child = here[key];
    here[key] = typeof child === 'object' && child !== null ? child : {};
    here = here[key] as Record<string, unknown>;
  }
  here[rest[rest.length - 1] as string] = value;
  return { [head]: root };
}
