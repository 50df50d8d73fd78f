import { type RefObject, useEffect, useRef } from 'react';
import { useAppStore } from '../store';
import { onDisplayBeat } from '../store/display-beat';
import type { AppState } from '../store/types';
import type { Chart } from './charts/time-series-chart';

/**
 * Mounts a D3 chart on the returned element and feeds it from the store:
 * on every display beat it looks and redraws when the data changed, so
 * React never re-renders for new data.
 */
export function useLiveChart<E extends Element, Data>(
  create: (element: E) => Chart<Data>,
  select: (state: AppState) => Data,
  /** A value that changes whenever the data does (compared with ===). */
  version: (state: AppState) => unknown,
): RefObject<E | null> {
  const ref = useRef<E>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = create(element);
    let seen: unknown = Symbol('never');
    let alive = true;
    const redraw = () => {
      // A redraw already queued by the ticker may run after unmount.
      if (!alive) return;
      const state = useAppStore.getState();
      const current = version(state);
      if (current === seen) return;
      seen = current;
      chart.update(select(state));
    };
    const resize = () => {
      const box = element.parentElement?.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) chart.resize(box.width, box.height);
    };
    resize();
    redraw();
    const stopTicking = onDisplayBeat(redraw);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    if (observer && element.parentElement) observer.observe(element.parentElement);
    return () => {
      alive = false;
      stopTicking();
      observer?.disconnect();
      chart.destroy();
    };
  }, [create, select, version]);
  return ref;
}
