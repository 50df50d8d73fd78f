// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildScenario } from '../../engine/testing/build-scenario';
import { useAppStore } from '../../store';
import { FaultsEditor } from './FaultsEditor';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const original = useAppStore.getState().updateSettings;
afterEach(() => useAppStore.setState({ updateSettings: original }));

const scenario = buildScenario({
  duration: 60,
  nodes: [
    { id: 'users', kind: 'client', workload: { mode: 'open', rate: 10 } },
    { id: 'cache', label: 'Cache', kind: 'cache' },
    { id: 'app', label: 'App', kind: 'server', workers: 2, serviceTime: { type: 'exponential', mean: 0.01 }, replicas: 3 },
    { id: 'db', label: 'DB', kind: 'database', workers: 2, readTime: { type: 'constant', value: 0.01 }, writeTime: { type: 'constant', value: 0.02 } },
  ],
  links: [
    { id: 'a', from: 'users', to: 'cache' },
    { id: 'b', from: 'cache', to: 'app' },
    { id: 'c', from: 'app', to: 'db' },
  ],
  faults: [{ at: 30, node: 'cache', action: 'flush' }],
});

function mount(shown = scenario) {
  const host = document.createElement('div');
  const root = createRoot(host);
  act(() => root.render(<FaultsEditor scenario={shown} />));
  const select = (label: string) => {
    const field = [...host.querySelectorAll('.field')].find((f) => f.querySelector('label')?.textContent === label);
    return field?.querySelector('select') as HTMLSelectElement;
  };
  const optionsOf = (label: string) => [...select(label).options].map((o) => o.textContent);
  return { root, host, select, optionsOf };
}

describe('the fault timeline editor', () => {
  it('names every kind that can fail when there is none to add a fault to', () => {
    const { root, host } = mount(buildScenario({ duration: 60, nodes: [{ id: 'users', kind: 'client', workload: { mode: 'open', rate: 10 } }], links: [] }));
    const add = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Add fault');
    expect(add?.disabled).toBe(true);
    expect(add?.title).toBe('Add a server, a database, a cache, a CDN, a session store or a parallel job first');
    act(() => root.unmount());
  });

  it('offers every node that can fail, and Flush only for caches and CDNs', () => {
    const { root, optionsOf } = mount();
    expect(optionsOf('Fault 1 node')).toEqual(['Cache', 'App', 'DB']);
    expect(optionsOf('Fault 1 action')).toContain('Flush (empties every entry)');
    act(() => root.unmount());
  });

  it('turns a flush into a crash when its node moves to a server, which cannot be flushed', () => {
    const updateSettings = vi.fn();
    useAppStore.setState({ updateSettings });
    const { root, select } = mount();
    act(() => {
      const node = select('Fault 1 node');
      node.value = 'app';
      node.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(updateSettings).toHaveBeenLastCalledWith({ faults: [{ at: 30, node: 'app', action: 'crash', factor: 1 }] }, 'fault-0-node');
    act(() => root.unmount());
  });

  it('offers one machine of a replicated server alone, and writes its number on the fault', () => {
    const updateSettings = vi.fn();
    useAppStore.setState({ updateSettings });
    const { root, select, optionsOf } = mount({ ...scenario, faults: [{ at: 30, node: 'app', action: 'crash', factor: 1 }] });
    expect(optionsOf('Fault 1 machine')).toEqual(['All 3 replicas', 'app #1 alone', 'app #2 alone', 'app #3 alone']);
    act(() => {
      const machine = select('Fault 1 machine');
      machine.value = '2';
      machine.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(updateSettings).toHaveBeenLastCalledWith({ faults: [{ at: 30, node: 'app', action: 'crash', factor: 1, replica: 2 }] }, 'fault-0-replica');
    act(() => root.unmount());
  });
});
