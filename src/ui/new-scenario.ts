import { emptyScenario } from '../scenario/starter';
import { type AppStore, useAppStore } from '../store';

/**
 * The toolbar's New: an empty canvas with the format's own run settings (seed, duration, warm-up, …), not the
 * last scenario's (after the M/M/1 example, New used to keep its 3,600 s). One undo step brings the previous
 * scenario back whole.
 */
export function startNewScenario(store: AppStore = useAppStore): void {
  const { replaceScenario, notify } = store.getState();
  replaceScenario(emptyScenario());
  notify({ tone: 'info', title: 'Started an empty scenario. Undo brings back the previous one.' });
}
