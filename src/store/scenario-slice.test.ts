import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../scenario/parse';
import { starterScenario } from '../scenario/starter';
import { type AppStore, createAppStore } from './index';

let store: AppStore;
const state = () => store.getState();
const node = (id: string) => state().scenario.nodes.find((n) => n.id === id);
const undo = () => store.temporal.getState().undo();
const redo = () => store.temporal.getState().redo();

beforeEach(() => {
  vi.useFakeTimers();
  store = createAppStore(starterScenario());
});
afterEach(() => vi.useRealTimers());

describe('scenario slice', () => {
  it('starts with the given scenario and no history', () => {
    expect(state().scenario).toEqual(starterScenario());
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('adds a node with a fresh id, selects it, and keeps the scenario valid', () => {
    const id = state().addNode('server', { x: 2000, y: 2000 });
    expect(id).toBe('server-3');
    expect(node('server-3')).toMatchObject({ kind: 'server', label: 'Server 3', position: { x: 2000, y: 2000 } });
    expect(state().selection).toEqual({ kind: 'node', id: 'server-3' });
    expect(parseScenario(state().scenario).ok).toBe(true);
  });

  it('undoes and redoes an added node', () => {
    state().addNode('database', { x: 0, y: 0 });
    undo();
    expect(node('database-2')).toBeUndefined();
    redo();
    expect(node('database-2')).toBeDefined();
  });

  it('refuses an invalid field and leaves the scenario untouched', () => {
    const before = state().scenario;
    expect(state().updateNode('server-1', { workers: 0 })).toMatch(/>=1|too small|1/i);
    expect(state().updateNode('server-1', { serviceTime: { type: 'uniform', min: 2, max: 1 } })).toMatch(/min must not exceed max/);
    expect(state().updateSettings({ warmup: 100 })).toMatch(/warm-up/);
    expect(state().updateLink('link-1', { latency: -1 })).not.toBeNull();
    expect(state().scenario).toBe(before);
  });

  it('applies a valid field change', () => {
    expect(state().updateNode('server-1', { workers: 16 })).toBeNull();
    expect(node('server-1')).toMatchObject({ workers: 16, kind: 'server' });
    expect(state().updateLink('link-2', { latency: 0.02 })).toBeNull();
    expect(state().scenario.links.find((l) => l.id === 'link-2')?.latency).toBe(0.02);
  });

  it('makes one undo step of a burst of edits to the same field', () => {
    for (const workers of [1, 12, 128]) {
      state().updateNode('server-1', { workers }, 'workers');
      vi.advanceTimersByTime(200);
    }
    expect(node('server-1')).toMatchObject({ workers: 128 });
    undo();
    expect(node('server-1')).toMatchObject({ workers: 4 });
  });

  it('keeps separate undo steps for edits far apart in time or to different fields', () => {
    state().updateNode('server-1', { workers: 5 }, 'workers');
    vi.advanceTimersByTime(5000);
    state().updateNode('server-1', { workers: 6 }, 'workers');
    state().updateNode('server-1', { label: 'Edge' }, 'label');
    undo();
    expect(node('server-1')).toMatchObject({ workers: 6, label: 'API server 1' });
    undo();
    expect(node('server-1')).toMatchObject({ workers: 5 });
  });

  it('does not merge an edit made after an undo into the undone one', () => {
    state().updateNode('server-1', { workers: 5 }, 'workers');
    undo();
    state().updateNode('server-1', { workers: 7 }, 'workers');
    undo();
    expect(node('server-1')).toMatchObject({ workers: 4 });
  });

  it('removes a node together with its links and clears a selection on it', () => {
    state().select({ kind: 'node', id: 'lb-1' });
    state().removeElements(['lb-1'], []);
    expect(node('lb-1')).toBeUndefined();
    expect(state().scenario.links.map((l) => l.id)).toEqual(['link-4', 'link-5']);
    expect(state().selection).toBeNull();
    undo();
    expect(state().scenario.links).toHaveLength(5);
  });

  it('connects two nodes and refuses what the engine cannot run', () => {
    expect(state().connect('client-1', 'database-1')).toEqual({ ok: true, linkId: 'link-6' });
    expect(state().connect('server-1', 'client-1')).toMatchObject({ ok: false, problem: expect.stringMatching(/client/) });
    expect(state().connect('server-1', 'server-1')).toMatchObject({ ok: false });
    expect(state().connect('lb-1', 'server-1')).toMatchObject({ ok: false, problem: expect.stringMatching(/already/) });
    expect(state().scenario.links).toHaveLength(6);
  });

  it('moves nodes as one undo step and rounds positions', () => {
    state().moveNodes({ 'server-1': { x: 10.4, y: 20.6 }, 'server-2': { x: 30, y: 40 } });
    expect(node('server-1')?.position).toEqual({ x: 10, y: 21 });
    undo();
    expect(node('server-1')?.position).toEqual({ x: 520, y: 20 });
    expect(node('server-2')?.position).toEqual({ x: 520, y: 260 });
  });

  it('keeps selection and messages out of the undo history', () => {
    state().select({ kind: 'node', id: 'server-1' });
    state().notify({ tone: 'info', title: 'hello' });
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('replaces the whole scenario as one undo step', () => {
    const other = { ...starterScenario(), name: 'Other', nodes: [], links: [] };
    state().replaceScenario(other);
    expect(state().scenario.name).toBe('Other');
    undo();
    expect(state().scenario.name).toBe('Two servers behind a load balancer');
  });
});

describe('faults', () => {
  it('go with the node they name when it is removed', () => {
    const store = createAppStore(starterScenario());
    const faults = [
      { at: 10, node: 'server-1', action: 'crash' as const, factor: 1 },
      { at: 20, node: 'server-2', action: 'slow' as const, factor: 3 },
    ];
    expect(store.getState().updateSettings({ faults })).toBeNull();
    store.getState().removeElements(['server-1'], []);
    expect(store.getState().scenario.faults).toEqual([faults[1]]);
  });
});

describe('removing what others point at', () => {
  it('drops a balancer route target whose link is removed, and a route left empty', () => {
    const store = createAppStore(starterScenario());
    const routes = [
      { pathPrefix: '/api', header: null, targets: ['server-1', 'server-2'], rewritePrefix: null },
      { pathPrefix: '/admin', header: null, targets: ['server-1'], rewritePrefix: null },
    ];
    expect(store.getState().updateNode('lb-1', { routes })).toBeNull();
    store.getState().removeElements([], ['link-2']);
    const lb = store.getState().scenario.nodes.find((n) => n.id === 'lb-1');
    expect(lb?.kind === 'loadBalancer' && lb.routes).toEqual([{ pathPrefix: '/api', header: null, targets: ['server-2'], rewritePrefix: null }]);
  });
});

describe('duplicateNode', () => {
  it('copies the settings, not the links, under a fresh name beside the original', () => {
    const store = createAppStore(starterScenario());
    store.getState().updateNode('server-1', { workers: 12 });
    const id = store.getState().duplicateNode('server-1');
    const copy = store.getState().scenario.nodes.find((n) => n.id === id);
    expect(copy).toMatchObject({ id: 'server-3', label: 'Server 3', kind: 'server', workers: 12 });
    // Beside the original, on a spot no other card covers.
    const others = store.getState().scenario.nodes.filter((n) => n.id !== id);
    expect(others.every((n) => Math.abs(n.position.x - copy!.position.x) >= 184 || Math.abs(n.position.y - copy!.position.y) >= 120)).toBe(true);
    expect(store.getState().scenario.links.some((l) => l.from === id || l.to === id)).toBe(false);
    expect(store.getState().selection).toEqual({ kind: 'node', id: 'server-3' });
    store.temporal.getState().undo();
    expect(store.getState().scenario.nodes.some((n) => n.id === 'server-3')).toBe(false);
  });
});
