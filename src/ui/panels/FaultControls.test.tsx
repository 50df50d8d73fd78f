// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../store';
import { FaultControls } from './FaultControls';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const original = useAppStore.getState().injectFault;
afterEach(() => useAppStore.setState({ injectFault: original, runStatus: 'idle' }));

function mount(kind: 'server' | 'cache', replicas = 1) {
  const host = document.createElement('div');
  const root = createRoot(host);
  act(() => root.render(<FaultControls nodeId="app" kind={kind} label="App" replicas={replicas} />));
  const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith(name));
  return { host, root, button };
}

describe('fault controls', () => {
  it('are disabled with a hint until a run is going', () => {
    const { host, root, button } = mount('server');
    expect(button('Crash')?.disabled).toBe(true);
    expect(host.textContent).toContain('Press Run');
    expect(button('Flush')).toBeUndefined();
    act(() => root.unmount());
  });

  it('send the chosen fault (with the slow-down factor) and show why one was refused', async () => {
    const injectFault = vi.fn(async (_id: string, action: string) => (action === 'flush' ? 'not a cache' : null));
    useAppStore.setState({ runStatus: 'running', injectFault });
    const { host, root, button } = mount('cache');
    await act(async () => button('Crash')?.click());
    expect(injectFault).toHaveBeenLastCalledWith('app', 'crash', undefined);
    const factor = host.querySelector<HTMLInputElement>('input[aria-label="Slow-down factor"]');
    expect(factor?.value).toBe('5');
    await act(async () => button('Slow')?.click());
    expect(injectFault).toHaveBeenLastCalledWith('app', 'slow', 5);
    await act(async () => button('Flush')?.click());
    expect(host.textContent).toContain('not a cache');
    act(() => root.unmount());
  });

  it('on a server of several replicas, act on the whole node or on one machine alone', async () => {
    const injectFault = vi.fn(async () => null);
    useAppStore.setState({ runStatus: 'running', injectFault });
    const { host, root, button } = mount('server', 3);
    const machine = host.querySelector('select')!;
    expect([...machine.options].map((o) => o.textContent)).toEqual(['all 3 replicas', 'app #1 alone', 'app #2 alone', 'app #3 alone']);
    await act(async () => button('Crash')?.click());
    expect(injectFault).toHaveBeenLastCalledWith('app', 'crash', undefined);
    act(() => {
      machine.value = '2';
      machine.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => button('Crash')?.click());
    expect(injectFault).toHaveBeenLastCalledWith('app', 'crash', undefined, 2);
    act(() => root.unmount());
  });
});
