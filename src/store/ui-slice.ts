import type { StateCreator } from 'zustand';
import type { AppState, Message, Selection } from './types';

export interface UiSlice {
  selection: Selection;
  messages: Message[];
  /** Grows when the canvas should fit everything into view (a new scenario was opened). */
  fitRequest: number;
  requestFit(): void;
  /** Selects a node or link for the inspector; null shows the scenario settings. */
  select(selection: Selection): void;
  /** Shows a message and returns its id. A message with the same title replaces the older one. */
  notify(message: Omit<Message, 'id'>): number;
  dismiss(id: number): void;
  /** Presenter mode: side panels hidden, large type, high contrast (a projector). UI state, never in the scenario. */
  presenter: boolean;
  setPresenter(on: boolean): void;
  /** Whether the example write-up beside the canvas is unfolded. */
  writeupOpen: boolean;
  setWriteupOpen(open: boolean): void;
}

/** Messages kept at once; older ones are dropped so a burst cannot fill the screen. */
const MAX_MESSAGES = 4;

/** Selection and messages: UI state that undo never touches. */
export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => {
  let nextId = 1;
  return {
    selection: null,
    messages: [],
    fitRequest: 0,
    requestFit: () => set((state) => ({ fitRequest: state.fitRequest + 1 })),
    select: (selection) => set({ selection }),
    notify: (message) => {
      const id = nextId++;
      set((state) => ({
        messages: [...state.messages.filter((m) => m.title !== message.title), { ...message, id }].slice(-MAX_MESSAGES),
      }));
      return id;
    },
    dismiss: (id) => set((state) => ({ messages: state.messages.filter((m) => m.id !== id) })),
    presenter: false,
    setPresenter: (presenter) => set({ presenter }),
    writeupOpen: true,
    setWriteupOpen: (writeupOpen) => set({ writeupOpen }),
  };
};
