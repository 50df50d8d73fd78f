import { type RefObject, useEffect, useRef } from 'react';
import { useAppStore } from '../store';
import type { AppState } from '../store/types';
import type { Chart } from './time-series-chart';

/** Charts redraw at most this often (ms): 5 times a second, whatever the frame rate. */
export const CHART_REFRESH_MS = 200;

/**
 * One timer for every chart, so they redraw together from the same data (the
 * thinned windows are computed once per tick, not once per chart). Each chart
 * redraws in its own task, so one tick never becomes one long task.
 */
const redraws = new Set<() => void>();
let ticker: ReturnType<typeof setInterval> | null = null;

function onTick(redraw: () => void): () => void {
  redraws.add(redraw);
  ticker ??= setInterval(() => {
    for (const r of redraws) setTimeout(r, 0);
  }, CHART_REFRESH_MS);
  return () => {
    redraws.delete(redraw);
    if (redraws.size === 0 && ticker !== null) {
      clearInterval(ticker);
      ticker = null;
    }
  };
}

/**
 * Mounts a D3 chart on the returned element and feeds it from the store:
 * a shared timer looks every CHART_REFRESH_MS and redraws when the data
 * changed, so React never re-renders for new data.
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
    const stopTicking = onTick(redraw);
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
