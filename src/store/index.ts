import { temporal } from 'zundo';
import { type StateCreator, type StoreApi, create } from 'zustand';
import type { Scenario } from '../scenario/schema';
import { createBoundsSweepSlice } from './bounds-sweep-slice';
import { createFieldSweepSlice } from './field-sweep-slice';
import { createMetricsSlice } from './metrics-slice';
import { asHistoryMove, isShownForRun } from './replay-history';
import { createRunSlice } from './run-slice';
import { createScenarioSlice } from './scenario-slice';
import { createSweepSlice } from './sweep-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';

export type { AppState, Message, MessageTone, Selection } from './types';

/** Undo steps kept; older edits fall off the end. */
const UNDO_LIMIT = 200;

const slices: StateCreator<AppState> = (...a) => ({
  ...createScenarioSlice(...a),
  ...createUiSlice(...a),
  ...createRunSlice(...a),
  ...createMetricsSlice(...a),
  ...createSweepSlice(...a),
  ...createBoundsSweepSlice(...a),
  ...createFieldSweepSlice(...a),
});

/**
 * Builds a store. Only `scenario` is tracked for undo, and only when the
 * scenario object itself changed, so selection, messages and the many
 * run/metrics updates per second never enter the history.
 */
export function createAppStore(initial?: Scenario) {
  let api: StoreApi<AppState> | null = null;
  const keepApi: StateCreator<AppState> = (set, get, storeApi) => {
    api = storeApi;
    return slices(set, get, storeApi);
  };
  const store = create<AppState>()(
    temporal(keepApi as StateCreator<AppState, [['temporal', unknown]]>, {
      partialize: (state): Pick<AppState, 'scenario'> => ({ scenario: state.scenario }),
      // A graph the run put on the canvas (a replayed change) is no step of the user's.
      equality: (past, current) => past.scenario === current.scenario || isShownForRun(past.scenario, current.scenario),
      limit: UNDO_LIMIT,
      // Undo and redo say so while they apply, so a run that replays a recording can keep its changes on the canvas.
      wrapTemporal: (initializer) => (set, get, api) => {
        const history = initializer(set, get, api);
        return {
          ...history,
          undo: (steps) => asHistoryMove(() => history.undo(steps)),
          redo: (steps) => asHistoryMove(() => history.redo(steps)),
        };
      },
    }),
  );
  if (initial) {
    store.setState({ scenario: initial });
    store.temporal.getState().clear();
  }
  if (api) storeApis.set(store, api);
  return store;
}

/** Each store's own api object, which its hook reads (the hook holds copies of its methods). */
const storeApis = new WeakMap<object, StoreApi<AppState>>();

/**
 * Makes react-dom/server render `store`'s current state: zustand's hooks read a store's *initial* state there
 * (useSyncExternalStore's server snapshot). Only where no page hydrates from this store: the prepaint's render
 * at build time and in its snapshot worker (src/prepaint/render-page.tsx).
 */
export function serverRenderCurrentState(store: object): void {
  const api = storeApis.get(store);
  if (!api) throw new Error('Not a store of createAppStore.');
  api.getInitialState = api.getState;
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's one store. main.tsx puts the first scenario in before the first render. */
export const useAppStore = createAppStore();

/** Undoes the last scenario edit. */
export const undo = () => useAppStore.temporal.getState().undo();
/** Redoes the last undone scenario edit. */
export const redo = () => useAppStore.temporal.getState().redo();
