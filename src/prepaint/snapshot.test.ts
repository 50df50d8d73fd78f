import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, AutosaveError, RECENT_KEY, readRecent, recordSave } from '../ui/recent-work';
import { PREPAINT_SNAPSHOT_KEY, type PrepaintSnapshot, readSnapshot, SNAPSHOT_LIMIT, writeSnapshot } from './snapshot';
import { memoryStorage } from '../ui/testing/memory-storage';

const snapshot = (scenario: string, html = '<div class="app"></div>'): PrepaintSnapshot => ({
  scenario,
  presenter: false,
  build: 'b1',
  html,
  frame: { bounds: null, padding: { top: 0, right: 0, bottom: 0, left: 0 }, minZoom: 1, maxZoom: 1 },
});

describe('the prepaint snapshot', () => {
  it('is written under its own key and read back', () => {
    const storage = memoryStorage();
    expect(writeSnapshot(storage, snapshot('{"a":1}'))).toBe(true);
    expect(readSnapshot(storage)).toEqual(snapshot('{"a":1}'));
    expect([...storage.items.keys()]).toEqual([PREPAINT_SNAPSHOT_KEY]);
  });

  it('never throws on a full storage, drops its own stale key and leaves the autosave and recent list as they were', () => {
    const storage = memoryStorage();
    recordSave(storage, { id: 'w', name: 'Mine', savedAt: 1, scenario: '{"mine":1}' });
    writeSnapshot(storage, snapshot('{"older":1}'));
    const before = { autosave: storage.getItem(AUTOSAVE_KEY), recent: storage.getItem(RECENT_KEY) };
    storage.quota = [...storage.items].reduce((sum, [k, v]) => sum + k.length + v.length, 0);
    expect(writeSnapshot(storage, snapshot('{"mine":1}', 'x'.repeat(500)))).toBe(false);
    expect(storage.getItem(PREPAINT_SNAPSHOT_KEY)).toBeNull();
    expect({ autosave: storage.getItem(AUTOSAVE_KEY), recent: storage.getItem(RECENT_KEY) }).toEqual(before);
  });

  it('never throws when storage refuses writes altogether', () => {
    const refusing = {
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(writeSnapshot(refusing, snapshot('{}'))).toBe(false);
  });

  it('is not kept past its size limit (an older one is dropped as stale)', () => {
    const storage = memoryStorage();
    writeSnapshot(storage, snapshot('{"older":1}'));
    expect(writeSnapshot(storage, snapshot('{}', 'x'.repeat(SNAPSHOT_LIMIT)))).toBe(false);
    expect(storage.getItem(PREPAINT_SNAPSHOT_KEY)).toBeNull();
  });

  it('gives way to saved work: an autosave that finds the storage full drops the snapshot before any recent entry', () => {
    const storage = memoryStorage();
    recordSave(storage, { id: 'a', name: 'A', savedAt: 1, scenario: '{"a":1}' });
    writeSnapshot(storage, snapshot('{"a":1}', 'x'.repeat(2000)));
    storage.quota = [...storage.items].reduce((sum, [k, v]) => sum + k.length + v.length, 0) + 100;
    recordSave(storage, { id: 'b', name: 'B', savedAt: 2, scenario: `{"b":"${'y'.repeat(200)}"}` });
    expect(storage.getItem(PREPAINT_SNAPSHOT_KEY)).toBeNull();
    expect(readRecent(storage).map((e) => e.id)).toEqual(['b', 'a']);
    expect(storage.getItem(AUTOSAVE_KEY)).toContain('"b"');
  });

  it('still lets an autosave say the storage is full when dropping it is not enough', () => {
    const storage = memoryStorage(50);
    expect(() => recordSave(storage, { id: 'a', name: 'A', savedAt: 1, scenario: 'z'.repeat(100) })).toThrow(AutosaveError);
  });

  it('reads as none when damaged or of the wrong shape', () => {
    const storage = memoryStorage();
    storage.items.set(PREPAINT_SNAPSHOT_KEY, '{"scenario":');
    expect(readSnapshot(storage)).toBeNull();
    storage.items.set(PREPAINT_SNAPSHOT_KEY, JSON.stringify({ ...snapshot('{}'), presenter: 'no' }));
    expect(readSnapshot(storage)).toBeNull();
  });
});
