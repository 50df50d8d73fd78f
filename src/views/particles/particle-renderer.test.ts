import { describe, expect, it } from 'vitest';
import { discOffsets, pixelWord } from './particle-renderer';

describe('particle pixels', () => {
  it('packs a colour as one little-endian RGBA word', () => {
    const word = pixelWord('#0072B2');
    const bytes = new Uint8Array(new Uint32Array([word]).buffer);
    expect(Array.from(bytes)).toEqual([0x00, 0x72, 0xb2, 0xff]);
  });

  it('stamps a round, symmetric dot', () => {
    const disc = discOffsets(2);
    const points = new Set<string>();
    for (let i = 0; i < disc.length; i += 2) points.add(`${disc[i]},${disc[i + 1]}`);
    // Radius 2: the centre, its 4 neighbours at distance 2 and the 3×3 block, not the corners at (2, 2).
    expect(points.has('0,0')).toBe(true);
    expect(points.has('2,0') && points.has('0,-2')).toBe(true);
    expect(points.has('2,2')).toBe(false);
    expect(points.size).toBe(13);
  });
});
