/**
 * The prepaint snapshot: the page a reload will open, rendered in the background for the user's autosaved work
 * and kept in localStorage, so a return visit paints her canvas before the bundle has run (boot.ts shows it only
 * when it matches exactly). It is a cache: it never displaces saved work (recent-work.ts drops it first when
 * the storage is full) and writing it never fails loudly.
 */
import { PREPAINT_SNAPSHOT_KEY } from '../ui/recent-work';
import type { PrepaintFrame } from './boot';

export { PREPAINT_SNAPSHOT_KEY };

/** Snapshots larger than this (characters of JSON) are not kept: a huge scenario would slow the boot it speeds up. */
export const SNAPSHOT_LIMIT = 300_000;

/** What the key holds. */
export interface PrepaintSnapshot {
  /** The exact autosaved text it was rendered for. */
  scenario: string;
  /** The presenter preference it was rendered for. */
  presenter: boolean;
  /** The build that rendered it (`data-prepaint-build` on index.html's #root). */
  build: string;
  html: string;
  frame: PrepaintFrame;
}

/** The stored snapshot, or null when there is none or it cannot be read. */
export function readSnapshot(storage: Pick<Storage, 'getItem'>): PrepaintSnapshot | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(PREPAINT_SNAPSHOT_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const s = value as Record<string, unknown>;
    const ok = typeof s.scenario === 'string' && typeof s.presenter === 'boolean' && typeof s.build === 'string' && typeof s.html === 'string' && typeof s.frame === 'object';
    return ok ? (value as PrepaintSnapshot) : null;
  } catch {
    return null;
  }
}

/**
 * Stores `snapshot` under its own key, touching no other; whether it was kept. Too large, storage full or
 * refused: the key is dropped (an older snapshot would be stale now) and nothing is thrown.
 */
export function writeSnapshot(storage: Pick<Storage, 'setItem' | 'removeItem'>, snapshot: PrepaintSnapshot): boolean {
  try {
    const text = JSON.stringify(snapshot);
    if (text.length > SNAPSHOT_LIMIT) throw new RangeError('prepaint snapshot too large');
    storage.setItem(PREPAINT_SNAPSHOT_KEY, text);
    return true;
  } catch {
    try {
      storage.removeItem(PREPAINT_SNAPSHOT_KEY);
    } catch {
      // Storage refused altogether: there is no snapshot to drop either.
    }
    return false;
  }
}
