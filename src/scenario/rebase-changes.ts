import type { GraphChange, Link, ScenarioNode } from './schema';

type Graph = { readonly nodes: readonly ScenarioNode[]; readonly links: readonly Link[] };

/**
 * A recording's changes, carried over an edit of the graph it starts from.
 *
 * Each recorded change holds the whole graph from its time on, so without
 * this an edit to the start (a rate changed before pressing Run on a shared
 * run) would be undone at the first change's time. The edit from `before`
 * to `after` is applied to every change as the user made it: fields they
 * set on a node or link are set there too (the change's own settings of
 * other fields stay), nodes and links they added are added (a link only
 * where both its ends are), and what they removed is removed, with the
 * links of a removed node. The result is again whole graphs, so the format
 * and its byte-for-byte replay are unchanged.
 */
export function rebaseChanges(before: Graph, after: Graph, changes: readonly GraphChange[]): GraphChange[] {
  const nodeEdit = itemEdit(before.nodes, after.nodes);
  const linkEdit = itemEdit(before.links, after.links);
  return changes.map((change) => {
    const nodes = applyEdit(change.nodes, nodeEdit);
    const ids = new Set(nodes.map((node) => node.id));
    const links = applyEdit(change.links, linkEdit, (link) => ids.has(link.from) && ids.has(link.to));
    return { ...change, nodes, links };
  });
}

interface ItemEdit<T> {
  /** Per id, the top-level fields the edit set (their new values). */
  changed: Map<string, Partial<T>>;
  added: T[];
  removed: Set<string>;
}

function itemEdit<T extends { id: string }>(before: readonly T[], after: readonly T[]): ItemEdit<T> {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Set(after.map((item) => item.id));
  const changed = new Map<string, Partial<T>>();
  const added: T[] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    if (previous === undefined) {
      added.push(item);
      continue;
    }
    const fields: Partial<T> = {};
    const keys = new Set([...Object.keys(previous), ...Object.keys(item)]) as Set<keyof T>;
    for (const key of keys) if (JSON.stringify(previous[key]) !== JSON.stringify(item[key])) fields[key] = item[key];
    if (Object.keys(fields).length > 0) changed.set(item.id, fields);
  }
  const removed = new Set(before.filter((item) => !now.has(item.id)).map((item) => item.id));
  return { changed, added, removed };
}

function applyEdit<T extends { id: string }>(items: readonly T[], edit: ItemEdit<T>, fits: (item: T) => boolean = () => true): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (edit.removed.has(item.id)) continue;
    const fields = edit.changed.get(item.id);
    const next = fields === undefined ? item : ({ ...item, ...fields } as T);
    // A field the edit cleared (an optional one) goes too.
    if (fields !== undefined) for (const key of Object.keys(fields) as (keyof T)[]) if (fields[key] === undefined) delete next[key];
    if (fits(next)) out.push(next);
  }
  const present = new Set(items.map((item) => item.id));
  for (const item of edit.added) if (!present.has(item.id) && fits(item)) out.push(item);
  return out;
}
