import { useEffect } from 'react';
import { useAppStore } from '../store';

/** The key that turns presenter mode on and off (Esc also leaves it). */
export const PRESENTER_KEY = 'p';

/** Where the choice is remembered between visits: a projector setup outlives one page load. */
export const PRESENTER_STORAGE_KEY = 'scale-playground:presenter';

/**
 * P toggles presenter mode and Esc leaves it, unless a text field or a
 * modified key has the keystroke; the choice is kept in localStorage.
 */
export function usePresenterMode(): void {
  useEffect(() => {
    if (readStored()) useAppStore.getState().setPresenter(true);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const { presenter, setPresenter } = useAppStore.getState();
      if (event.key.toLowerCase() === PRESENTER_KEY) setPresenter(!presenter);
      else if (event.key === 'Escape' && presenter) setPresenter(false);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.presenter !== previous.presenter) store(state.presenter);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, []);
}

function readStored(): boolean {
  try {
    return readPresenterPreference(localStorage);
  } catch {
    return false;
  }
}

/** Whether presenter mode is the remembered choice: a page opens in it (main.tsx, the prepaint's snapshot). */
export function readPresenterPreference(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    return storage?.getItem(PRESENTER_STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

function store(on: boolean): void {
  try {
    if (on) localStorage.setItem(PRESENTER_STORAGE_KEY, 'on');
    else localStorage.removeItem(PRESENTER_STORAGE_KEY);
  } catch {
    // Private browsing without storage: the mode simply is not remembered.
  }
}
