import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { starterScenario } from '../scenario/starter';
import { createAppStore } from '../store';
import { type AutosaveOptions, startAutosave, watchOtherTabs } from './autosave';
import { AUTOSAVE_KEY, adoptEarlierAutosave, RECENT_KEY, RECENT_LIMIT, readRecent, readStartAutosave } from './recent-work';
import { memoryStorage } from './testing/memory-storage';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A tab: its own store and work id over the shared storage. */
function tab(storage: ReturnType<typeof memoryStorage>, id: string, overrides: Partial<AutosaveOptions> = {}) {
  const store = createAppStore(starterScenario());
  const work = { id, renewals: 0 };
  const failures: boolean[] = [];
  const stop = startAutosave(store, storage, {
    workId: () => work.id,
    renewWorkId: () => {
      work.id = `${id}-${++work.renewals}`;
    },
    onFailed: (full) => failures.push(full),
    onRecovered: () => failures.push(false),
    now: () => Date.now(),
    ...overrides,
  });
  return { store, work, failures, stop, rename: (name: string) => store.getState().updateSettings({ name }) };
}

describe('startAutosave', () => {
  it('writes once after a burst of edits, and only scenario changes count', () => {
    const storage = memoryStorage();
    const writes: string[] = [];
    const spy = { getItem: storage.getItem, setItem: (key: string, value: string) => (key === AUTOSAVE_KEY ? writes.push(value) : storage.setItem(key, value)) };
    const store = createAppStore(starterScenario());
    startAutosave(store, spy, { workId: () => 'a', renewWorkId: () => undefined, onFailed: () => undefined, onRecovered: () => undefined, delayMs: 400 });
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
    const storage = memoryStorage();
    const a = tab(storage, 'a');
    a.rename('Flushed');
    a.stop();
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).name).toBe('Flushed');
  });

  it('two tabs never overwrite each other: each keeps its entry, a reload opens its own', () => {
    const storage = memoryStorage();
    const a = tab(storage, 'tab-a');
    const b = tab(storage, 'tab-b');
    a.rename('Work in A');
    vi.advanceTimersByTime(500);
    b.rename('Work in B');
    vi.advanceTimersByTime(500);
    a.rename('Work in A, edited');
    vi.advanceTimersByTime(500);
    expect(readRecent(storage).map((e) => [e.id, e.name])).toEqual([
      ['tab-a', 'Work in A, edited'],
      ['tab-b', 'Work in B'],
    ]);
    // The latest pointer follows the last save; each tab's reload opens its own work.
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).name).toBe('Work in A, edited');
    expect(JSON.parse(readStartAutosave(storage, 'tab-b')!).name).toBe('Work in B');
    expect(JSON.parse(readStartAutosave(storage, 'a-new-tab')!).name).toBe('Work in A, edited');
  });

  it('a scenario opened whole (a link, a file) starts a new entry, so the work before stays restorable', () => {
    const storage = memoryStorage();
    const a = tab(storage, 'a');
    a.rename('My own work');
    vi.advanceTimersByTime(100);
    // A link opened before the pending save was written: that save still goes to the old entry.
    a.store.getState().replaceScenario({ ...starterScenario(), name: 'From a link' });
    vi.advanceTimersByTime(500);
    a.rename('From a link, edited');
    vi.advanceTimersByTime(500);
    expect(readRecent(storage).map((e) => e.name)).toEqual(['From a link, edited', 'My own work']);
  });

  it('keeps the last distinct scenarios only, and one entry per identical scenario', () => {
    const storage = memoryStorage();
    const a = tab(storage, 'a');
    for (let i = 0; i < 8; i++) {
      a.store.getState().replaceScenario({ ...starterScenario(), name: `Scenario ${i}` });
      vi.advanceTimersByTime(500);
    }
    a.store.getState().replaceScenario({ ...starterScenario(), name: 'Scenario 6' });
    vi.advanceTimersByTime(500);
    expect(readRecent(storage).map((e) => e.name)).toEqual(['Scenario 6', 'Scenario 7', 'Scenario 5', 'Scenario 4', 'Scenario 3']);
    expect(readRecent(storage)).toHaveLength(RECENT_LIMIT);
  });

  it('when storage is full, makes room from the oldest entries, then says so once, then says when it works again', () => {
    const storage = memoryStorage();
    const a = tab(storage, 'a');
    for (let i = 0; i < 3; i++) {
      a.store.getState().replaceScenario({ ...starterScenario(), name: `Old ${i}` });
      vi.advanceTimersByTime(500);
    }
    const entryChars = storage.getItem(AUTOSAVE_KEY)!.length;
    // Room for about three copies of a scenario: the history must shrink to fit the new save.
    storage.quota = entryChars * 3.5;
    a.rename('Newest');
    vi.advanceTimersByTime(500);
    expect(a.failures).toEqual([]);
    expect(readRecent(storage)[0]!.name).toBe('Newest');
    expect(readRecent(storage).length).toBeLessThan(3);

    storage.quota = 10;
    a.rename('No room');
    vi.advanceTimersByTime(500);
    a.rename('Still no room');
    vi.advanceTimersByTime(500);
    expect(a.failures).toEqual([true]);
    expect(a.store.getState().scenario.name).toBe('Still no room');

    storage.quota = Number.POSITIVE_INFINITY;
    a.rename('Room again');
    vi.advanceTimersByTime(500);
    expect(a.failures).toEqual([true, false]);
    expect(readRecent(storage)[0]!.name).toBe('Room again');
  });
});

describe('watchOtherTabs', () => {
  it('tells a tab once when another tab saves its own work, and never about its own saves', () => {
    const storage = memoryStorage();
    const page = new EventTarget() as unknown as Window;
    const heard: string[] = [];
    watchOtherTabs(page, storage, () => 'mine', (entry) => heard.push(entry.name));
    const b = tab(storage, 'theirs');
    const fire = () => page.dispatchEvent(Object.assign(new Event('storage'), { key: RECENT_KEY }));
    b.rename('Their work');
    vi.advanceTimersByTime(500);
    fire();
    b.rename('Their work, again');
    vi.advanceTimersByTime(500);
    fire();
    expect(heard).toEqual(['Their work']);
    const own = tab(storage, 'mine');
    own.rename('Mine');
    vi.advanceTimersByTime(500);
    fire();
    expect(heard).toEqual(['Their work']);
  });
});

describe('adoptEarlierAutosave', () => {
  it('puts work saved before the recent list existed into it, so a link cannot push it out', () => {
    const storage = memoryStorage();
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ ...starterScenario(), name: 'Saved last year' }));
    adoptEarlierAutosave(storage, 1000);
    expect(readRecent(storage)).toEqual([expect.objectContaining({ id: 'earlier', name: 'Saved last year', savedAt: 1000 })]);
  });
});
