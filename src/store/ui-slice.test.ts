import { describe, expect, it } from 'vitest';
import { createAppStore } from './index';

describe('ui slice', () => {
  it('adds and dismisses messages', () => {
    const store = createAppStore();
    const id = store.getState().notify({ tone: 'error', title: 'Broken link' });
    expect(store.getState().messages).toEqual([{ id, tone: 'error', title: 'Broken link' }]);
    store.getState().dismiss(id);
    expect(store.getState().messages).toEqual([]);
  });

  it('replaces a message with the same title instead of stacking it', () => {
    const store = createAppStore();
    store.getState().notify({ tone: 'warning', title: 'Cannot connect' });
    const second = store.getState().notify({ tone: 'warning', title: 'Cannot connect' });
    expect(store.getState().messages.map((m) => m.id)).toEqual([second]);
  });

  it('keeps at most four messages, dropping the oldest', () => {
    const store = createAppStore();
    for (let i = 0; i < 6; i++) store.getState().notify({ tone: 'info', title: `m${i}` });
    expect(store.getState().messages.map((m) => m.title)).toEqual(['m2', 'm3', 'm4', 'm5']);
  });

  it('selects a node, a link or nothing', () => {
    const store = createAppStore();
    store.getState().select({ kind: 'link', id: 'link-1' });
    expect(store.getState().selection).toEqual({ kind: 'link', id: 'link-1' });
    store.getState().select(null);
    expect(store.getState().selection).toBeNull();
  });

  it('turns presenter mode on and off without touching the scenario', () => {
    const store = createAppStore();
    const scenario = store.getState().scenario;
    store.getState().setPresenter(true);
    expect(store.getState().presenter).toBe(true);
    expect(store.getState().scenario).toBe(scenario);
    store.getState().setPresenter(false);
    expect(store.getState().presenter).toBe(false);
  });
});
