/** Messages between the page (keep-snapshot.ts) and the snapshot worker (snapshot.worker.ts). */
import type { PrepaintPage } from './render-page';

/** Render the page a fresh load opens for the autosaved `scenario` text. */
export interface SnapshotRequest {
  id: number;
  scenario: string;
  presenter: boolean;
}

/** The rendered page, or null when the text opens no work of the user's (or rendering failed: `error`). */
export interface SnapshotReply {
  id: number;
  page: PrepaintPage | null;
  error?: string;
}
