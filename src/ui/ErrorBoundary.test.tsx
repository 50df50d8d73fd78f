// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let broken = true;
function Fragile() {
  if (broken) throw new Error('node "x" has no kind');
  return <p>all good</p>;
}

afterEach(() => vi.restoreAllMocks());

describe('ErrorBoundary', () => {
  it('shows what failed instead of a blank page, and recovers with Start over', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const host = document.createElement('div');
    const root = createRoot(host);
    const startOver = vi.fn(() => {
      broken = false;
    });
    act(() =>
      root.render(
        <ErrorBoundary area="The canvas" onStartOver={startOver}>
          <Fragile />
        </ErrorBoundary>,
      ),
    );
    expect(host.textContent).toContain('The canvas hit an error.');
    expect(host.textContent).toContain('node "x" has no kind');
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Open the starter'));
    act(() => button?.click());
    expect(startOver).toHaveBeenCalledOnce();
    expect(host.textContent).toBe('all good');
    act(() => root.unmount());
  });
});
