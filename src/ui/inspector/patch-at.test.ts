import { describe, expect, it } from 'vitest';
import { patchAt } from './patch-at';

describe('patchAt', () => {
  it('changes only the item at the index, and leaves the list it was given alone', () => {
    const list = [{ a: 1, b: 'x' }, { a: 2, b: 'y' }];
    expect(patchAt(list, 1, { b: 'z' })).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'z' }]);
    expect(list[1]).toEqual({ a: 2, b: 'y' });
  });
});
