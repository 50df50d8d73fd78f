// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNode } from '../../scenario/node-factory';
import { useAppStore } from '../../store';
import { FieldSweep } from './FieldSweep';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const original = useAppStore.getState().startFieldSweep;
afterEach(() => useAppStore.setState({ startFieldSweep: original, fieldSweep: null }));

function mount() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const cache = { ...createNode('cache', 'cache', 'Cache', { x: 0, y: 0 }), capacity: 10_000 };
  act(() => root.render(<FieldSweep node={cache} label="Cache" />));
  const input = (label: string) => host.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`) as HTMLInputElement;
  const type = (label: string, text: string) =>
    act(() => {
      const field = input(label);
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, text);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const sweep = () => act(() => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Sweep')?.click());
  return { host, root, input, type, sweep };
}

describe("a cache's field sweep", () => {
  it('suggests its capacity from half to four times it, in boxes wide enough to show 40000 whole', () => {
    const { root, input } = mount();
    expect(input('Sweep from').value).toBe('5000');
    expect(input('Sweep to').value).toBe('40000');
    expect(input('Sweep to').style.width).toBe('calc(5ch + 30px)');
    act(() => root.unmount());
  });

  it('typed from above to, says so and does not run; fixed, it runs', () => {
    const startFieldSweep = vi.fn(async () => {});
    useAppStore.setState({ startFieldSweep });
    const { host, root, input, type, sweep } = mount();
    type('Sweep from', '500');
    type('Sweep to', '400');
    sweep();
    expect(startFieldSweep).not.toHaveBeenCalled();
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('“From” (500) is above “to” (400): put the smaller value first.');
    expect(input('Sweep to').getAttribute('aria-invalid')).toBe('true');
    type('Sweep to', '4000');
    expect(host.querySelector('[role="alert"]')).toBeNull();
    sweep();
    expect(startFieldSweep).toHaveBeenCalledWith('cache', { path: 'nodes.cache.capacity', from: 500, to: 4000, steps: 8 });
    act(() => root.unmount());
  });
});
