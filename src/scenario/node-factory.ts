import { KIND_TRAITS, type NodeOf } from './kinds';
import { type NodeKind, NodeSchema, type Scenario } from './schema';

export interface XY {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/**
 * A new node of `kind` with values that run sensibly the moment it is wired
 * up (its kind's `create`); fields not set there take the schema's defaults,
 * so new fields in the format need no change here.
 */
export function createNode<K extends NodeKind>(kind: K, id: string, label: string, position: XY): NodeOf<K> {
  const base = { id, label, position: { x: Math.round(position.x), y: Math.round(position.y) } };
  return NodeSchema.parse(KIND_TRAITS[kind].create(base)) as NodeOf<K>;
}

/** The first free `<prefix>-<n>` id and its matching label, e.g. `server-3` / "Server 3". */
export function nextNodeName(kind: NodeKind, scenario: Pick<Scenario, 'nodes'>): { id: string; label: string } {
  const { idPrefix, title } = KIND_TRAITS[kind];
  const taken = new Set(scenario.nodes.map((n) => n.id));
  const labels = new Set(scenario.nodes.map((n) => n.label));
  let n = scenario.nodes.filter((node) => node.kind === kind).length + 1;
  while (taken.has(`${idPrefix}-${n}`) || labels.has(`${title} ${n}`)) n++;
  return { id: `${idPrefix}-${n}`, label: `${title} ${n}` };
}

/** The first free `link-<n>` id. */
export function nextLinkId(scenario: Pick<Scenario, 'links'>): string {
  const taken = new Set(scenario.links.map((l) => l.id));
  let n = scenario.links.length + 1;
  while (taken.has(`link-${n}`)) n++;
  return `link-${n}`;
}

/**
 * Moves `position` diagonally until no node sits within `gap` of it, so nodes
 * added with the keyboard at the same centre do not stack invisibly.
 */
export function freeSpot(position: XY, scenario: Pick<Scenario, 'nodes'>, gap = 24): XY {
  let spot = position;
  for (let tries = 0; tries < 50; tries++) {
    const clash = scenario.nodes.some((n) => Math.abs(n.position.x - spot.x) < gap && Math.abs(n.position.y - spot.y) < gap);
    if (!clash) return spot;
    spot = { x: spot.x + 40, y: spot.y + 40 };
  }
  return spot;
}
