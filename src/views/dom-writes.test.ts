// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { setAttr, setText } from './dom-writes';

/** Mutation records `write` causes on `element` (attributes, text and children). */
async function mutationsOf(element: Element, write: () => void): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((list) => records.push(...list));
  observer.observe(element, { attributes: true, characterData: true, childList: true, subtree: true });
  write();
  await Promise.resolve();
  records.push(...observer.takeRecords());
  observer.disconnect();
  return records;
}

describe('DOM writes that skip unchanged values', () => {
  it('writes an attribute only when its value changes, and removes it for null', async () => {
    const element = document.createElement('div');
    setAttr(element, 'data-x', 3);
    expect(element.getAttribute('data-x')).toBe('3');
    expect(await mutationsOf(element, () => setAttr(element, 'data-x', '3'))).toHaveLength(0);
    expect(await mutationsOf(element, () => setAttr(element, 'data-x', 4))).toHaveLength(1);
    setAttr(element, 'data-x', null);
    expect(element.hasAttribute('data-x')).toBe(false);
  });

  it('edits the text node in place instead of replacing it', async () => {
    const element = document.createElement('td');
    setText(element, '1,000');
    const node = element.firstChild;
    expect(await mutationsOf(element, () => setText(element, '1,000'))).toHaveLength(0);
    setText(element, '1,001');
    expect(element.textContent).toBe('1,001');
    expect(element.firstChild).toBe(node);
  });
});
