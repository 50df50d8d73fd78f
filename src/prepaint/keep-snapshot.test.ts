import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { starterScenario } from '../scenario/starter';
import { createAppStore } from '../store';
import { AUTOSAVE_KEY, RECENT_KEY } from '../ui/recent-work';
import { PRESENTER_STORAGE_KEY } from '../ui/use-presenter-mode';
import { keepPrepaintSnapshot, type RenderSnapshot } from './keep-snapshot';
import type { PrepaintPage } from './render-page';
import { PREPAINT_SNAPSHOT_KEY, readSnapshot } from './snapshot';
import { memoryStorage } from '../ui/testing/memory-storage';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const page = (text: string): PrepaintPage => ({ html: `<div class="app">${text}</div>`, frame: { bounds: null, padding: { top: 0, right: 0, bottom: 0, left: 0 }, minZoom: 1, maxZoom: 1 } });

/** A tab with work id `w`, its store and storage, and a renderer that answers when told. */
function setup() {
  const local = memoryStorage();
  const store = createAppStore(starterScenario());
  const calls: { scenario: string; presenter: boolean; answer: (p: PrepaintPage | null) => void }[] = [];
  const render: RenderSnapshot = (scenario, presenter) => new Promise((answer) => calls.push({ scenario, presenter, answer }));
  let idle = () => {};
  const doc = { visibilityState: 'visible' as DocumentVisibilityState, listeners: [] as (() => void)[], addEventListener: (_: string, l: () => void) => doc.listeners.push(l), removeEventListener: () => {} };
  const stop = keepPrepaintSnapshot({
    store,
    local,
    workId: () => 'w',
    build: 'b1',
    render,
    page: doc as unknown as Document,
    whenIdle: (then) => {
      idle = then;
      return () => {};
    },
  });
  const autosave = (text: string) => {
    local.setItem(RECENT_KEY, JSON.stringify([{ id: 'w', name: 'x', savedAt: 1, scenario: text }]));
    local.setItem(AUTOSAVE_KEY, text);
  };
  return { local, store, calls, idle: () => idle(), doc, stop, autosave };
}

describe('keeping the prepaint snapshot', () => {
  it('renders the autosaved text once the page is idle, and stores it with the build and the presenter choice', async () => {
    const t = setup();
    t.autosave('{"v":1}');
    t.idle();
    expect(t.calls.map((c) => [c.scenario, c.presenter])).toEqual([['{"v":1}', false]]);
    t.calls[0]?.answer(page('v1'));
    await vi.runAllTimersAsync();
    expect(readSnapshot(t.local)).toMatchObject({ scenario: '{"v":1}', presenter: false, build: 'b1', html: '<div class="app">v1</div>' });
  });

  it('does not render again while the stored snapshot is still true', async () => {
    const t = setup();
    t.autosave('{"v":1}');
    t.idle();
    t.calls[0]?.answer(page('v1'));
    await vi.runAllTimersAsync();
    t.store.getState().replaceScenario({ ...starterScenario(), name: 'same text saved' });
    await vi.runAllTimersAsync();
    expect(t.calls).toHaveLength(1);
  });

  it('renders a while after an edit, for the text the autosave then holds, and for a presenter switch', async () => {
    const t = setup();
    t.store.getState().replaceScenario({ ...starterScenario(), name: 'edited' });
    t.autosave('{"v":2}');
    await vi.advanceTimersByTimeAsync(1999);
    expect(t.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.calls.map((c) => c.scenario)).toEqual(['{"v":2}']);
    t.calls[0]?.answer(page('v2'));
    await vi.runAllTimersAsync();
    t.local.setItem(PRESENTER_STORAGE_KEY, 'on');
    t.store.getState().setPresenter(true);
    await vi.runAllTimersAsync();
    expect(t.calls.map((c) => [c.scenario, c.presenter])).toEqual([['{"v":2}', false], ['{"v":2}', true]]);
  });

  it('renders at once when the tab is hidden with an edit waiting', async () => {
    const t = setup();
    t.store.getState().replaceScenario({ ...starterScenario(), name: 'edited' });
    t.autosave('{"v":3}');
    t.doc.visibilityState = 'hidden';
    for (const listener of t.doc.listeners) listener();
    expect(t.calls.map((c) => c.scenario)).toEqual(['{"v":3}']);
  });

  it('does not store a snapshot that turned stale while rendering, and renders the newer text then', async () => {
    const t = setup();
    t.autosave('{"v":1}');
    t.idle();
    t.autosave('{"v":2}');
    t.idle();
    t.calls[0]?.answer(page('v1'));
    await vi.runAllTimersAsync();
    expect(t.local.getItem(PREPAINT_SNAPSHOT_KEY)).toBeNull();
    expect(t.calls.map((c) => c.scenario)).toEqual(['{"v":1}', '{"v":2}']);
    t.calls[1]?.answer(page('v2'));
    await vi.runAllTimersAsync();
    expect(readSnapshot(t.local)?.scenario).toBe('{"v":2}');
  });

  it('stores nothing when the renderer finds nothing to prepaint or fails, and nothing without an autosave', async () => {
    const t = setup();
    t.idle();
    expect(t.calls).toHaveLength(0);
    t.autosave('not json');
    t.idle();
    t.calls[0]?.answer(null);
    await vi.runAllTimersAsync();
    expect(t.local.getItem(PREPAINT_SNAPSHOT_KEY)).toBeNull();
  });

  it('stops: no render after stop', async () => {
    const t = setup();
    t.stop();
    t.store.getState().replaceScenario({ ...starterScenario(), name: 'edited' });
    t.autosave('{"v":4}');
    await vi.runAllTimersAsync();
    expect(t.calls).toHaveLength(0);
  });
});
