import { describe, expect, it } from 'vitest';
import { type HookScope, installTestHooks } from './test-hooks';

function scope(name: string) {
  const listeners: ((event: MessageEvent) => void)[] = [];
  let closed = false;
  const hookScope: HookScope = { name, close: () => (closed = true), addEventListener: (_type, listener) => listeners.push(listener) };
  return { hookScope, listeners, closed: () => closed };
}

describe('worker test hooks', () => {
  it('are not armed under the name the app gives its worker', () => {
    const s = scope('simulation');
    installTestHooks(s.hookScope);
    expect(s.listeners).toHaveLength(0);
  });

  it('close the worker on command when the e2e armed them', () => {
    const s = scope('simulation+test-hooks');
    installTestHooks(s.hookScope);
    s.listeners[0]!({ data: { spTest: 'close' } } as MessageEvent);
    expect(s.closed()).toBe(true);
  });

  it('ignore comlink traffic', () => {
    const s = scope('simulation+test-hooks');
    installTestHooks(s.hookScope);
    s.listeners[0]!({ data: { id: '1', type: 'GET', path: [] } } as MessageEvent);
    s.listeners[0]!({ data: null } as MessageEvent);
    expect(s.closed()).toBe(false);
  });
});
