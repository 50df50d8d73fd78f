import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { starterScenario } from '../scenario/starter';
import { createAppStore } from '../store';
import { startAutosave } from './autosave';
import { AUTOSAVE_KEY } from './startup';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startAutosave', () => {
  it('writes once after a burst of edits, and only scenario changes count', () => {
    const store = createAppStore(starterScenario());
    const writes: string[] = [];
    startAutosave(store, { setItem: (_key, value) => writes.push(value) }, 400);
    store.getState().select({ kind: 'node', id: 'server-1' });
    vi.advanceTimersByTime(1000);
    expect(writes).toHaveLength(0);
    for (const workers of [5, 6, 7]) {
      store.getState().updateNode('server-1', { workers });
      vi.advanceTimersByTime(100);
    }
    expect(writes).toHaveLength(0);
    vi.advanceTimersByTime(400);
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0]!).nodes[2].workers).toBe(7);
  });

  it('flushes a pending write when stopped', () => {
    const store = createAppStore(starterScenario());
    const saved = new Map<string, string>();
    const stop = startAutosave(store, { setItem: (key, value) => saved.set(key, value) });
    store.getState().updateSettings({ name: 'Flushed' });
    stop();
    expect(JSON.parse(saved.get(AUTOSAVE_KEY)!).name).toBe('Flushed');
  });
});
