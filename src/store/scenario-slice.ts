import type { StateCreator, StoreApi } from 'zustand';
import type { TemporalState } from 'zundo';
import { connectionProblem } from '../scenario/connection-rules';
import { gatewayWithoutDangling } from '../scenario/gateway-schema';
import { createNode, freeSpot, nextLinkId, nextNodeName, type XY } from '../scenario/node-factory';
import { parseScenario } from '../scenario/parse';
import { type Link, type NodeKind, NodeSchema, type Scenario, type ScenarioNode } from '../scenario/schema';
import { starterScenario } from '../scenario/starter';
import type { AppState } from './types';

/** Fields of one node kind to change (for every kind the schema has); a node's id and kind never change. */
export type NodePatch = ScenarioNode extends infer N ? (N extends ScenarioNode ? Partial<Omit<N, 'id' | 'kind'>> : never) : never;
export type LinkPatch = Partial<Pick<Link, 'latency' | 'weight' | 'call' | 'connection'>>;
export type SettingsPatch = Partial<Pick<Scenario, 'name' | 'description' | 'seed' | 'duration' | 'warmup' | 'hopLimit' | 'faults' | 'mesh'>>;
export type ConnectResult = { ok: true; linkId: string } | { ok: false; problem: string };

export interface ScenarioSlice {
  /** The scenario being edited; every action keeps it valid (parseScenario accepts it). */
  scenario: Scenario;
  /** Replaces the whole scenario (import, shared link, an example, New); one undo step. A run under way starts over with it. */
  replaceScenario(scenario: Scenario): void;
  /**
   * Adds a node of `kind` and selects it; returns its id, or null when refused. 'free' (a node added from the
   * keyboard at the canvas centre) moves it to the nearest spot no card
   * covers; 'exact' (a drop) puts it where the user let go.
   */
  addNode(kind: NodeKind, position: XY, placement?: 'free' | 'exact'): string | null;
  /** Copies a node's settings into a new node beside it (links are not copied) and selects it; returns its id. */
  duplicateNode(id: string): string | null;
  /** Moves nodes at the end of a drag; one undo step for the whole drag. */
  moveNodes(positions: Record<string, XY>): void;
  /** Changes a node's fields; returns why it was refused, or null. Same `coalesceKey` edits in a burst undo together. */
  updateNode(id: string, patch: NodePatch, coalesceKey?: string): string | null;
  updateLink(id: string, patch: LinkPatch, coalesceKey?: string): string | null;
  updateSettings(patch: SettingsPatch, coalesceKey?: string): string | null;
  /** Removes nodes (with their links) and links. */
  removeElements(nodeIds: readonly string[], linkIds: readonly string[]): void;
  /** Links `from` to `to` unless the engine could not run it. */
  connect(from: string, to: string): ConnectResult;
}

/** Edits with the same key closer together than this become one undo step (typing a number). */
const COALESCE_MS = 1500;

type TemporalApi = StoreApi<TemporalState<Pick<AppState, 'scenario'>>>;

/** The scenario and its editing actions; the only slice undo/redo tracks. */
export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set, get, api) => {
  let lastEdit: { key: string; at: number; scenario: Scenario } | null = null;

  /** Validates and stores `next`; returns the first problem, or null. */
  const commit = (next: Scenario, coalesceKey?: string): string | null => {
    const checked = parseScenario(next);
    if (!checked.ok) return checked.errors[0] ?? 'The change would make the scenario invalid.';
    const now = Date.now();
    const temporal = (api as { temporal?: TemporalApi }).temporal?.getState();
    // Coalesce only if nothing (an undo, another edit) changed the scenario since our last keyed edit.
    const coalesce =
      coalesceKey !== undefined &&
      lastEdit?.key === coalesceKey &&
      now - lastEdit.at < COALESCE_MS &&
      lastEdit.scenario === get().scenario;
    if (coalesce && temporal?.isTracking) {
      temporal.pause();
      set({ scenario: next });
      temporal.resume();
    } else {
      set({ scenario: next });
    }
    lastEdit = coalesceKey === undefined ? null : { key: coalesceKey, at: now, scenario: next };
    return null;
  };

  return {
    scenario: starterScenario(),

    replaceScenario: (scenario) => {
      lastEdit = null;
      set({ scenario, selection: null });
      get().requestFit();
      void get().discardRun();
    },

    addNode: (kind, position, placement = 'free') => {
      const { scenario } = get();
      const { id, label } = nextNodeName(kind, scenario);
      const node = createNode(kind, id, label, placement === 'exact' ? position : freeSpot(position, scenario));
      const problem = commit({ ...scenario, nodes: [...scenario.nodes, node] });
      if (problem) {
        get().notify({ tone: 'error', title: 'The node could not be added.', details: [problem] });
        return null;
      }
      set({ selection: { kind: 'node', id } });
      return id;
    },

    duplicateNode: (id) => {
      const { scenario } = get();
      const original = scenario.nodes.find((n) => n.id === id);
      if (!original) return null;
      const name = nextNodeName(original.kind, scenario);
      const position = freeSpot({ x: original.position.x + 40, y: original.position.y + 40 }, scenario);
      const copy = { ...structuredClone(original), id: name.id, label: name.label, position };
      const problem = commit({ ...scenario, nodes: [...scenario.nodes, copy] });
      if (problem) {
        get().notify({ tone: 'error', title: 'The node could not be duplicated.', details: [problem] });
        return null;
      }
      set({ selection: { kind: 'node', id: name.id } });
      return name.id;
    },

    moveNodes: (positions) => {
      const { scenario } = get();
      let moved = false;
      const nodes = scenario.nodes.map((node) => {
        const to = positions[node.id];
        if (!to || (to.x === node.position.x && to.y === node.position.y)) return node;
        moved = true;
        return { ...node, position: { x: Math.round(to.x), y: Math.round(to.y) } };
      });
      if (moved) commit({ ...scenario, nodes });
    },

    updateNode: (id, patch, coalesceKey) => {
      const { scenario } = get();
      const index = scenario.nodes.findIndex((n) => n.id === id);
      const node = scenario.nodes[index];
      if (!node) return `There is no node "${id}".`;
      const parsed = NodeSchema.safeParse({ ...node, ...patch, id: node.id, kind: node.kind });
      if (!parsed.success) return parsed.error.issues[0]?.message ?? 'Invalid value.';
      const nodes = scenario.nodes.slice();
      nodes[index] = parsed.data;
      return commit({ ...scenario, nodes }, coalesceKey && `node:${id}:${coalesceKey}`);
    },

    updateLink: (id, patch, coalesceKey) => {
      const { scenario } = get();
      if (!scenario.links.some((l) => l.id === id)) return `There is no link "${id}".`;
      const links = scenario.links.map((l) => (l.id === id ? { ...l, ...patch } : l));
      return commit({ ...scenario, links }, coalesceKey && `link:${id}:${coalesceKey}`);
    },

    updateSettings: (patch, coalesceKey) => {
      const { scenario } = get();
      return commit({ ...scenario, ...patch }, coalesceKey && `settings:${coalesceKey}`);
    },

    removeElements: (nodeIds, linkIds) => {
      const { scenario, selection } = get();
      const goneNodes = new Set(nodeIds);
      const goneLinks = new Set(linkIds);
      const nodes = scenario.nodes.filter((n) => !goneNodes.has(n.id));
      const links = scenario.links.filter((l) => !goneLinks.has(l.id) && !goneNodes.has(l.from) && !goneNodes.has(l.to));
      if (nodes.length === scenario.nodes.length && links.length === scenario.links.length) return;
      commit(withoutDanglingReferences({ ...scenario, nodes, links }));
      const selectionGone =
        (selection?.kind === 'node' && goneNodes.has(selection.id)) ||
        (selection?.kind === 'link' && !links.some((l) => l.id === selection.id));
      if (selectionGone) set({ selection: null });
    },

    connect: (from, to) => {
      const { scenario } = get();
      const problem = connectionProblem(scenario, from, to);
      if (problem) return { ok: false, problem };
      const linkId = nextLinkId(scenario);
      const refused = commit({ ...scenario, links: [...scenario.links, { id: linkId, from, to, latency: 0.001, weight: 1 }] });
      return refused ? { ok: false, problem: refused } : { ok: true, linkId };
    },
  };
};

/**
 * Drops what pointed at removed nodes or links, so a removal never leaves
 * the scenario invalid: faults name a node, and a balancer's routes name
 * targets it must still link to (a route left without targets goes too),
 * and so do a gateway's routes and auth service.
 */
function withoutDanglingReferences(scenario: Scenario): Scenario {
  const ids = new Set(scenario.nodes.map((n) => n.id));
  const linked = new Set(scenario.links.map((l) => `${l.from}→${l.to}`));
  const nodes = scenario.nodes.map((node) => {
    if (node.kind === 'gateway') return gatewayWithoutDangling(node, new Set(scenario.links.filter((l) => l.from === node.id).map((l) => l.to)));
    if (node.kind !== 'loadBalancer' || node.routes.length === 0) return node;
    const routes = node.routes
      .map((route) => ({ ...route, targets: route.targets.filter((t) => linked.has(`${node.id}→${t}`)) }))
      .filter((route) => route.targets.length > 0);
    const same = routes.length === node.routes.length && routes.every((r, i) => r.targets.length === node.routes[i]?.targets.length);
    return same ? node : { ...node, routes };
  });
  return { ...scenario, nodes, faults: scenario.faults.filter((f) => ids.has(f.node)) };
}
