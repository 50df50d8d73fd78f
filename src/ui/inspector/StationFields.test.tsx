// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { createNode } from '../../scenario/node-factory';
import type { NodePatch } from '../../store/scenario-slice';
import { ServerFields } from './StationFields';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function mount() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const patches: NodePatch[] = [];
  const server = createNode('server', 'app', 'App', { x: 0, y: 0 });
  act(() =>
    root.render(
      <ServerFields
        node={server}
        targets={[]}
        commit={(patch) => {
          patches.push(patch);
          return null;
        }}
      />,
    ),
  );
  const field = (label: string) => [...host.querySelectorAll('.field')].find((f) => f.querySelector('label')?.textContent === label);
  return { host, root, patches, field };
}

describe('a server’s scaling fields', () => {
  it('picks a machine size: cores, per-core speed and cost change together', () => {
    const { root, patches, field } = mount();
    const select = field('Machine size')?.querySelector('select') as HTMLSelectElement;
    expect(select.value).toBe('medium');
    act(() => {
      select.value = 'xlarge';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(patches).toEqual([{ workers: 16, speed: 1.2, costPerHour: 0.48 }]);
    act(() => root.unmount());
  });

  it('offers replicas, core performance and cost, each with its unit', () => {
    const { root, field } = mount();
    for (const label of ['Replicas', 'Core performance', 'Cost per replica']) expect(field(label)?.querySelector('input'), label).toBeTruthy();
    expect(field('Replicas')?.textContent).toContain('machines');
    act(() => root.unmount());
  });
});
