// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';

// React warns about act() unless told this is a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function render(value: number | null, onCommit: (v: number | null) => string | null) {
  act(() => root.render(<NumberField label="Service time mean" value={value} spec={SPECS.positiveTime} onCommit={onCommit} />));
}

/** Types into the input the way React sees a user typing. */
function type(text: string) {
  const input = host.querySelector('input')!;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const input = () => host.querySelector('input')!;
const note = () => host.querySelector('.field__error, .field__hint')!.textContent;

describe('NumberField', () => {
  it('shows the stored seconds as milliseconds, with unit and range', () => {
    render(0.05, () => null);
    expect(input().value).toBe('50');
    expect(host.textContent).toContain('ms');
    expect(note()).toBe('more than 0 ms');
    expect(host.querySelector('label')!.htmlFor).toBe(input().id);
  });

  it('commits a valid value in stored units', () => {
    const onCommit = vi.fn(() => null);
    render(0.05, onCommit);
    type('120');
    expect(onCommit).toHaveBeenCalledWith(0.12);
    expect(input().getAttribute('aria-invalid')).toBe('false');
  });

  it('keeps an out-of-range value out of the store and says why beside the field', () => {
    const onCommit = vi.fn(() => null);
    render(0.05, onCommit);
    type('0');
    expect(onCommit).not.toHaveBeenCalled();
    expect(note()).toBe('More than 0 ms.');
    expect(input().value).toBe('0');
    expect(input().getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the store’s refusal beside the field', () => {
    render(0.05, () => 'the warm-up must be shorter than the duration');
    type('70');
    expect(note()).toBe('the warm-up must be shorter than the duration');
  });

  it('follows a value changed elsewhere (undo) and clears its error', () => {
    render(0.05, () => null);
    type('abc');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    render(0.2, () => null);
    expect(input().value).toBe('200');
    expect(input().getAttribute('aria-invalid')).toBe('false');
  });

  it('keeps a half-typed number such as "1." while the stored value matches it', () => {
    let stored: number | null = 0.05;
    const onCommit = (v: number | null) => {
      stored = v;
      return null;
    };
    render(stored, onCommit);
    type('1.');
    render(stored, onCommit);
    expect(stored).toBe(0.001);
    expect(input().value).toBe('1.');
  });
});
