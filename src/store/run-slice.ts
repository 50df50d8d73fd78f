import type { StateCreator } from 'zustand';
import type { AppState } from './types';

/**
 * STUB written by the editor helper so the app builds before the runtime
 * lands. Runtime owns this file and replaces it with the real run slice.
 */
export interface RunSlice {
  runStatus: 'idle';
}

/** Stub: the run never starts until runtime replaces this slice. */
export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = () => ({ runStatus: 'idle' });
