// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DISPLAY_BEAT_MS } from './display-beat';
import { useAppStore } from './index';
import type { AppState } from './types';
import { useBeatValue } from './use-beat-value';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
let renders = 0;

const selectSampleEvery = (s: AppState) => s.sampleEvery;

function Rate() {
  renders++;
  return <span>{useBeatValue(selectSampleEvery)}</span>;
}

beforeEach(() => {
  vi.useFakeTimers();
  renders = 0;
  useAppStore.setState({ sampleEvery: 1 });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root.render(<Rate />));
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

describe('useBeatValue', () => {
  it('shows a store value on the next display beat, not on every store update', () => {
    const rendered = renders;
    act(() => {
      for (const rate of [2, 3, 4, 5]) useAppStore.setState({ sampleEvery: rate });
    });
    expect(host.textContent).toBe('1');
    expect(renders).toBe(rendered);
    act(() => {
      vi.advanceTimersByTime(DISPLAY_BEAT_MS + 50);
    });
    expect(host.textContent).toBe('5');
    expect(renders).toBe(rendered + 1);
  });

  it('does not re-render on a beat when the value did not change', () => {
    act(() => {
      vi.advanceTimersByTime(DISPLAY_BEAT_MS + 50);
    });
    const rendered = renders;
    act(() => {
      vi.advanceTimersByTime(3 * DISPLAY_BEAT_MS);
    });
    expect(renders).toBe(rendered);
  });
});
