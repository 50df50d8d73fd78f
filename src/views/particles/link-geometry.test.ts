import { describe, expect, it } from 'vitest';
import { pointAt, polyline } from './link-geometry';

describe('pointAt', () => {
  it('walks a polyline by length, not by point count', () => {
    // An L: 30 along x, then 10 along y (total 40).
    const path = polyline([0, 0, 10, 0, 30, 0, 30, 10]);
    const out = new Float64Array(4);
    pointAt(path, 0, out);
    expect(Array.from(out)).toEqual([0, 0, 1, 0]);
    pointAt(path, 0.5, out);
    expect(Array.from(out)).toEqual([20, 0, 1, 0]);
    // On the second leg the direction turns downwards.
    pointAt(path, 0.875, out);
    expect(Array.from(out)).toEqual([30, 5, 0, 1]);
    pointAt(path, 1.2, out);
    expect(Array.from(out)).toEqual([30, 10, 0, 1]);
  });
});
