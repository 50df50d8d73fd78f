import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from './key-index';

describe('KeyIndex', () => {
  it('agrees with a Map under any sequence of sets and deletes, through collisions and wrap-around', () => {
    const op = fc.record({ set: fc.boolean(), key: fc.integer({ min: 0, max: 40 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const index = new KeyIndex(8);
        const model = new Map<number, number>();
        ops.forEach(({ set, key }, i) => {
          if (set && !model.has(key) && model.size < 8) {
            index.set(key, i);
            model.set(key, i);
          } else if (!set) {
            index.delete(key);
            model.delete(key);
          }
          expect(index.size).toBe(model.size);
          for (let k = 0; k <= 40; k++) expect(index.get(k)).toBe(model.get(k) ?? -1);
        });
      }),
      { numRuns: 150 },
    );
  });
});
