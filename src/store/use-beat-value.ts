import { useEffect, useState } from 'react';
import { onDisplayBeat } from './display-beat';
import { useAppStore } from './index';
import type { AppState } from './types';

/**
 * A store value for a component that shows a live figure: read on the display
 * beat rather than on every store update, so the component re-renders (and
 * the page renders a frame) at most once per beat. `select` must be a
 * stable function (declared outside the component).
 */
export function useBeatValue<T>(select: (state: AppState) => T): T {
  const [value, setValue] = useState(() => select(useAppStore.getState()));
  useEffect(() => {
    const read = () => {
      const next = select(useAppStore.getState());
      setValue((previous) => (Object.is(previous, next) ? previous : next));
    };
    read();
    return onDisplayBeat(read);
  }, [select]);
  return value;
}
