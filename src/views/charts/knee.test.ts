import { describe, expect, it } from 'vitest';
import { kneeIndex } from './knee';

describe('the knee of a curve', () => {
  it('is where a saturating curve stops rising steeply', () => {
    // Throughput against replicas: 100/s each until the offered 400/s is met.
    const xs = [1, 2, 3, 4, 5, 6, 7, 8];
    const ys = [100, 200, 300, 400, 400, 400, 400, 400];
    expect(kneeIndex(xs, ys)).toBe(3);
  });

  it('is none for a straight line, a falling curve, or too few points', () => {
    expect(kneeIndex([1, 2, 3, 4], [1, 2, 3, 4])).toBeNull();
    expect(kneeIndex([1, 2, 3], [3, 2, 1])).toBeNull();
    expect(kneeIndex([1, 2], [1, 2])).toBeNull();
  });
});
