// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { createNode } from '../../scenario/node-factory';
import { NodeSchema, type ServerNode } from '../../scenario/schema';
import type { NodePatch } from '../../store/scenario-slice';
import { AutoscalingFields } from './AutoscalingFields';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Mounts the fieldset over a node kept as the store would: a patch the schema refuses is not applied, and its message comes back. */
function mount(start: Partial<ServerNode> = {}) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  let node = { ...(createNode('server', 'api', 'API', { x: 0, y: 0 }) as ServerNode), ...start };
  const patches: NodePatch[] = [];
  const render = () =>
    root.render(
      <AutoscalingFields
        node={node}
        commit={(patch) => {
          patches.push(patch);
          const parsed = NodeSchema.safeParse({ ...node, ...patch });
          if (!parsed.success) return parsed.error.issues[0]?.message ?? 'refused';
          node = parsed.data as ServerNode;
          render();
          return null;
        }}
      />,
    );
  act(render);
  const field = (label: string) => [...host.querySelectorAll('.field')].find((f) => f.querySelector('label')?.textContent === label);
  const input = (label: string) => field(label)?.querySelector('input') as HTMLInputElement;
  const type = (label: string, text: string) => {
    const box = input(label);
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(box, text);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  return { host, root, patches, field, input, type, current: () => node };
}

describe('a server’s autoscaling fields', () => {
  it('turn autoscaling on with CPU tracking between 1 and twice the replicas', () => {
    const { host, root, patches, field, input } = mount({ replicas: 3 });
    expect(field('Min instances')).toBeUndefined();
    const box = host.querySelector('input[type=checkbox]') as HTMLInputElement;
    act(() => box.click());
    expect(patches[0]).toEqual({ autoscaling: { min: 1, max: 6, policy: { type: 'cpu', target: 0.6 }, interval: 10, coldStart: 30, cooldown: 60 } });
    expect(input('Target utilization').value).toBe('60');
    act(() => root.unmount());
  });

  it('refuse a min above max beside the field, keeping what was typed and the scenario as it was', () => {
    const { root, field, input, type, current } = mount({ autoscaling: { min: 1, max: 4, policy: { type: 'cpu', target: 0.6 }, interval: 10, coldStart: 30, cooldown: 60 } });
    type('Min instances', '6');
    expect(field('Min instances')?.querySelector('[role=alert]')?.textContent).toBe('min instances (6) must not exceed max instances (4)');
    expect(input('Min instances').value).toBe('6');
    expect(current().autoscaling?.min).toBe(1);
    act(() => root.unmount());
  });

  it('edit a schedule step by step', () => {
    const { root, field, type, current, host } = mount({ autoscaling: { min: 1, max: 8, policy: { type: 'schedule', steps: [{ at: 0, replicas: 2 }] }, interval: 10, coldStart: 30, cooldown: 60 } });
    const add = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Add a step') as HTMLButtonElement;
    act(() => add.click());
    type('Step 2 instances', '6');
    expect(current().autoscaling?.policy).toEqual({ type: 'schedule', steps: [{ at: 0, replicas: 2 }, { at: 60, replicas: 6 }] });
    expect(field('Cooldown')).toBeUndefined();
    act(() => root.unmount());
  });
});
