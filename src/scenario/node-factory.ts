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
 * The room a card takes on the canvas at zoom 1, generously: 184 px wide,
 * and as tall as the tallest kind's card (a server with its live figures).
 */
export const CARD_SIZE: Size = { width: 184, height: 120 };

/** Space kept between a placed card and its neighbours. */
const CARD_GAP = 16;

/** Rings of grid cells searched around the wanted spot before giving up (a 41 × 41 cell area). */
const MAX_RINGS = 20;

/**
 * Where a new card goes: `position` itself if no card's real size (with a
 * gap) overlaps there, otherwise the nearest free cell of a card-sized grid
 * centred on it, searched ring by ring. Nodes added with Enter at the
 * canvas centre thus sit side by side, never on top of each other.
 */
export function freeSpot(position: XY, scenario: Pick<Scenario, 'nodes'>): XY {
  const fits = (spot: XY) =>
    !scenario.nodes.some(
      (n) =>
        Math.abs(n.position.x - spot.x) < CARD_SIZE.width + CARD_GAP && Math.abs(n.position.y - spot.y) < CARD_SIZE.height + CARD_GAP,
    );
  if (fits(position)) return position;
  const step = { x: CARD_SIZE.width + CARD_GAP, y: CARD_SIZE.height + CARD_GAP };
  for (let ring = 1; ring <= MAX_RINGS; ring++) {
    // The cells on this ring, nearest to the wanted spot first (right before left, below before above on a tie).
    const cells: XY[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) === ring) cells.push({ x: position.x + i * step.x, y: position.y + j * step.y });
      }
    }
    cells.sort((a, b) => distance(a, position) - distance(b, position) || b.x - a.x || b.y - a.y);
    const free = cells.find(fits);
    if (free) return free;
  }
  return { x: position.x + (MAX_RINGS + 1) * step.x, y: position.y };
}

function distance(a: XY, b: XY): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
