import type { StateCreator } from 'zustand';
import type { AppState } from './types';

/**
 * STUB written by the editor helper so the app builds before the runtime
 * lands. Runtime owns this file and replaces it with the real metrics slice.
 */
export interface MetricsSlice {
  metricsWindows: number;
}

/** Stub: no metrics until runtime replaces this slice. */
export const createMetricsSlice: StateCreator<AppState, [], [], MetricsSlice> = () => ({ metricsWindows: 0 });
