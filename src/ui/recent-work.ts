/**
 * The short history of autosaved work that keeps every tab's and every
 * opened link's work restorable. Each piece of work (a tab's session, or a
 * scenario opened whole: a link, a file, an example) saves under its own id;
 * the newest few distinct scenarios are kept, newest first, and the newest
 * is also written to the plain autosave key (the "latest" pointer).
 */

/** localStorage key of the latest autosaved scenario (any tab). */
export const AUTOSAVE_KEY = 'scale-playground:autosave:v1';
/** localStorage key of the recent-work list. */
export const RECENT_KEY = 'scale-playground:recent:v1';
/** sessionStorage key of this tab's work id: a reload keeps it, another tab has its own. */
export const WORK_ID_KEY = 'scale-playground:work-id';
/**
 * localStorage key of the prepaint snapshot (src/prepaint/snapshot.ts): a cache of the page a reload shows
 * first. It never costs saved work its room: a save that finds the storage full drops it first.
 */
export const PREPAINT_SNAPSHOT_KEY = 'scale-playground:prepaint:v1';
/** Distinct scenarios kept. */
export const RECENT_LIMIT = 5;

/** One autosaved scenario, as JSON text, with what the menu shows. */
export interface RecentEntry {
  id: string;
  name: string;
  /** Wall-clock milliseconds (Date.now()). */
  savedAt: number;
  scenario: string;
}

/** Why a save failed: the browser's storage is full, or refuses writes altogether. */
export class AutosaveError extends Error {
  constructor(readonly full: boolean) {
    super(full ? 'storage full' : 'storage unavailable');
  }
}

/** The recent list; empty when missing, unreadable or blocked. */
export function readRecent(storage: Pick<Storage, 'getItem'> | undefined): RecentEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isEntry).slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

/**
 * Saves `entry` first in the list (replacing its own older save and any
 * entry with the very same scenario), then the latest pointer. When the
 * storage is full, drops the oldest entries to make room before giving up
 * with an AutosaveError.
 */
export function recordSave(storage: Pick<Storage, 'getItem' | 'setItem'>, entry: RecentEntry): void {
  const others = readRecent(storage).filter((e) => e.id !== entry.id && e.scenario !== entry.scenario);
  let kept = others.slice(0, RECENT_LIMIT - 1);
  for (;;) {
    try {
      storage.setItem(RECENT_KEY, JSON.stringify([entry, ...kept]));
      storage.setItem(AUTOSAVE_KEY, entry.scenario);
      return;
    } catch (error) {
      if (!isQuotaError(error)) throw new AutosaveError(false);
      if (dropPrepaintSnapshot(storage)) continue;
      if (kept.length === 0) throw new AutosaveError(true);
      kept = kept.slice(0, -1);
    }
  }
}

/** This tab's work id, kept in sessionStorage so a reload continues the same entry. */
export function tabWorkId(session: Pick<Storage, 'getItem' | 'setItem'> | undefined): string {
  try {
    const existing = session?.getItem(WORK_ID_KEY);
    if (existing) return existing;
  } catch {
    // No session storage: a fresh id each load, which only costs an extra entry.
  }
  return renewWorkId(session);
}

/** Starts a new piece of work in this tab (a link or file opened whole): the work before keeps its entry. */
export function renewWorkId(session: Pick<Storage, 'setItem'> | undefined): string {
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    session?.setItem(WORK_ID_KEY, id);
  } catch {
    // Kept in memory only: see tabWorkId.
  }
  return id;
}

/**
 * The autosave to open when there is no link: this tab's own work when it
 * has some (a reload), else the latest from any tab; null when none.
 */
export function readStartAutosave(storage: Pick<Storage, 'getItem'> | undefined, workId: string): string | null {
  const own = readRecent(storage).find((e) => e.id === workId);
  if (own) return own.scenario;
  try {
    return storage?.getItem(AUTOSAVE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Work autosaved before the recent list existed joins it, so opening a link can never lose it. */
export function adoptEarlierAutosave(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined, now: number): void {
  if (!storage || readRecent(storage).length > 0) return;
  try {
    const latest = storage.getItem(AUTOSAVE_KEY);
    if (latest === null) return;
    const name = (JSON.parse(latest) as { name?: unknown }).name;
    recordSave(storage, { id: 'earlier', name: typeof name === 'string' ? name : 'Earlier work', savedAt: now, scenario: latest });
  } catch {
    // Unreadable or no room: the latest key still holds it, as before.
  }
}

/** The browser's localStorage, or undefined where reading it throws (blocked cookies, some private modes). */
export function safeStorage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return window[kind];
  } catch {
    return undefined;
  }
}

/** Removes the prepaint snapshot, if the storage holds one; whether it did. */
function dropPrepaintSnapshot(storage: Pick<Storage, 'getItem'> & Partial<Pick<Storage, 'removeItem'>>): boolean {
  try {
    if (!storage.removeItem || storage.getItem(PREPAINT_SNAPSHOT_KEY) === null) return false;
    storage.removeItem(PREPAINT_SNAPSHOT_KEY);
    return true;
  } catch {
    return false;
  }
}

function isEntry(value: unknown): value is RecentEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e.id === 'string' && typeof e.name === 'string' && typeof e.savedAt === 'number' && typeof e.scenario === 'string';
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  // Names and codes differ by browser: Chrome 22, Firefox 1014 (NS_ERROR_DOM_QUOTA_REACHED).
  return error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}
