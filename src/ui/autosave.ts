import type { Scenario } from '../scenario/schema';
import { AutosaveError, RECENT_KEY, readRecent, recordSave, type RecentEntry } from './recent-work';

interface AutosaveSource {
  getState(): { scenario: Scenario; fitRequest: number };
  subscribe(listener: (state: { scenario: Scenario; fitRequest: number }, previous: { scenario: Scenario; fitRequest: number }) => void): () => void;
}

export interface AutosaveOptions {
  /** This tab's current work id (recent-work.ts). */
  workId(): string;
  /** Starts a new work id: called when a scenario is opened whole, so the work before keeps its own entry. */
  renewWorkId(): void;
  /** The save failed (`full`: storage is full); called once until a save succeeds again. */
  onFailed(full: boolean): void;
  /** A save succeeded after failing. */
  onRecovered(): void;
  delayMs?: number;
  now?: () => number;
}

/**
 * Writes the scenario to the recent-work list `delayMs` after the last
 * change, so a burst of edits (a drag, typing) costs one write. A scenario
 * opened whole (link, file, example, New: the store asks the canvas to fit
 * it) starts a new entry, so the work before it stays restorable. Returns a
 * function that stops autosaving and flushes a pending write.
 */
export function startAutosave(store: AutosaveSource, storage: Pick<Storage, 'getItem' | 'setItem'>, options: AutosaveOptions): () => void {
  const { delayMs = 400, now = Date.now } = options;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failing = false;
  const save = (scenario: Scenario = store.getState().scenario) => {
    try {
      recordSave(storage, { id: options.workId(), name: scenario.name, savedAt: now(), scenario: JSON.stringify(scenario) });
      if (failing) options.onRecovered();
      failing = false;
    } catch (error) {
      // The work stays in memory; say so once, not on every edit.
      if (!failing) options.onFailed(error instanceof AutosaveError && error.full);
      failing = true;
    }
  };
  // The scenario change just before this update, if the last update was one.
  let lastChange: { previous: Scenario; pending: boolean } | null = null;
  const unsubscribe = store.subscribe((state, previous) => {
    const changed = state.scenario !== previous.scenario;
    if (changed) {
      lastChange = { previous: previous.scenario, pending: timer !== null };
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        save();
      }, delayMs);
    }
    if (state.fitRequest !== previous.fitRequest && lastChange) {
      // A scenario opened whole (the store sets it, then asks for a fit): the
      // work before keeps its own entry, with the edits still waiting to be written.
      if (lastChange.pending) save(lastChange.previous);
      options.renewWorkId();
    }
    if (!changed) lastChange = null;
  });
  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
      save();
    }
  };
  return () => {
    unsubscribe();
    flush();
  };
}

/**
 * Calls `onOtherSave` when another tab of this browser autosaves (the
 * `storage` event fires only in the other tabs), once per piece of work, so
 * two tabs never overwrite each other without saying so. Returns a stop function.
 */
export function watchOtherTabs(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  storage: Pick<Storage, 'getItem'>,
  workId: () => string,
  onOtherSave: (entry: RecentEntry) => void,
): () => void {
  const told = new Set<string>();
  const listener = (event: StorageEvent) => {
    if (event.key !== RECENT_KEY) return;
    const newest = readRecent(storage)[0];
    if (!newest || newest.id === workId() || told.has(newest.id)) return;
    told.add(newest.id);
    onOtherSave(newest);
  };
  target.addEventListener('storage', listener);
  return () => target.removeEventListener('storage', listener);
}
