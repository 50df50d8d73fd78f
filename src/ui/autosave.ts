import type { Scenario } from '../scenario/schema';
import { AUTOSAVE_KEY } from './startup';

interface ScenarioSource {
  getState(): { scenario: Scenario };
  subscribe(listener: (state: { scenario: Scenario }, previous: { scenario: Scenario }) => void): () => void;
}

/**
 * Writes the scenario to storage `delayMs` after the last change, so a burst
 * of edits (a drag, typing) costs one write. Returns a function that stops
 * autosaving and flushes a pending write.
 */
export function startAutosave(store: ScenarioSource, storage: Pick<Storage, 'setItem'>, delayMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    timer = null;
    try {
      storage.setItem(AUTOSAVE_KEY, JSON.stringify(store.getState().scenario));
    } catch {
      // Storage full or blocked: the work stays in memory; nothing better to do here.
    }
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenario === previous.scenario) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      save();
    }
  };
  return () => {
    unsubscribe();
    flush();
  };
}
