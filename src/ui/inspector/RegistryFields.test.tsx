// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { NodeOf } from '../../scenario/kinds';
import { createNode } from '../../scenario/node-factory';
import type { NodePatch } from '../../store/scenario-slice';
import { RegistryFields } from './RegistryFields';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function mount(node: NodeOf<'registry'>) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const patches: NodePatch[] = [];
  act(() =>
    root.render(
      <RegistryFields
        node={node}
        targets={[]}
        commit={(patch) => {
          patches.push(patch);
          return null;
        }}
      />,
    ),
  );
  const labels = () => [...host.querySelectorAll('.field label')].map((l) => l.textContent);
  const input = (label: string) => [...host.querySelectorAll('.field')].find((f) => f.querySelector('label')?.textContent === label)?.querySelector('input') as HTMLInputElement;
  return { host, root, patches, labels, input };
}

const registry = (mode: 'clientSide' | 'serverSide' | 'dns') => ({ ...createNode('registry', 'finder', 'Finder', { x: 0, y: 0 }), mode });

describe('a service registry’s fields', () => {
  it('shows the TTL for cached copies, the resolvers for DNS only, and no TTL server-side', () => {
    const client = mount(registry('clientSide'));
    expect(client.labels()).toEqual(['Discovery', 'TTL', 'Heartbeat timeout', 'Look-up latency']);
    act(() => client.root.unmount());
    const dns = mount(registry('dns'));
    expect(dns.labels()).toEqual(['Discovery', 'TTL', 'Resolvers', 'Heartbeat timeout', 'Look-up latency']);
    act(() => dns.root.unmount());
    const server = mount(registry('serverSide'));
    expect(server.labels()).toEqual(['Discovery', 'Heartbeat timeout', 'Look-up latency']);
    act(() => server.root.unmount());
  });

  it('refuses a negative TTL beside the field and commits nothing; a good one is committed in seconds', () => {
    const { host, root, patches, input } = mount(registry('clientSide'));
    const ttl = input('TTL');
    const type = (text: string) =>
      act(() => {
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        setter?.call(ttl, text);
        ttl.dispatchEvent(new Event('input', { bubbles: true }));
      });
    type('-5');
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('0 s or more');
    expect(patches).toEqual([]);
    type('12');
    expect(patches).toEqual([{ ttl: 12 }]);
    act(() => root.unmount());
  });
});
