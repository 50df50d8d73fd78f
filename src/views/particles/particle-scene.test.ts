import { describe, expect, it } from 'vitest';
import { polyline } from './link-geometry';
import type { ParticleScene } from './particle-renderer';
import { readScene } from './particle-scene';

describe('the scene a particle worker is sent', () => {
  it('is sent again only when the viewport or a link path changed', () => {
    const paths = [polyline([0, 0, 10, 0]), null];
    let transform: [number, number, number] = [0, 0, 1];
    let frames = 0;
    const scene: ParticleScene = { beginFrame: () => frames++, transform: () => transform, linkPath: (i) => paths[i] ?? null };

    const first = readScene(scene, 2, null);
    expect(first).toEqual({ transform: [0, 0, 1], links: [paths[0], null] });
    expect(readScene(scene, 2, first)).toBeNull();
    // Each read is a new frame for the scene's per-frame cache.
    expect(frames).toBe(2);

    transform = [5, 0, 1];
    const panned = readScene(scene, 2, first);
    expect(panned?.transform).toEqual([5, 0, 1]);

    paths[1] = polyline([10, 0, 20, 0]);
    expect(readScene(scene, 2, panned)?.links[1]).toBe(paths[1]);
    expect(readScene(scene, 1, panned)).not.toBeNull();
  });
});
