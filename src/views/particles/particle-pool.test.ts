import { describe, expect, it } from 'vitest';
import { Outcome } from '../../engine/types';
import type { ParticleDelivery } from '../../store/metrics-slice';
import { PARTICLE_MIN_WALL_MS } from '../../worker/protocol';
import { PARTICLE_KINDS, ParticlePool } from './particle-pool';

function delivery(hops: [link: number, depart: number, arrive: number, outcome: number, reverse: number][], extra: Partial<ParticleDelivery> = {}): ParticleDelivery {
  return {
    batch: {
      link: Uint32Array.from(hops.map((h) => h[0])),
      depart: Float64Array.from(hops.map((h) => h[1])),
      arrive: Float64Array.from(hops.map((h) => h[2])),
      outcome: Uint8Array.from(hops.map((h) => h[3])),
      reverse: Uint8Array.from(hops.map((h) => h[4])),
    },
    epoch: 1,
    simFrom: 0,
    simTo: 1,
    wallSpan: 1000,
    receivedAt: 10_000,
    sampleEvery: 1,
    ...extra,
  };
}

describe('ParticlePool', () => {
  it('replays a batch over the wall time it took: a hop at the middle of the interval starts half way', () => {
    const pool = new ParticlePool(10);
    pool.add(delivery([[2, 0.5, 1.5, Outcome.request, 0]]));
    expect(pool.start[0]).toBe(10_500);
    // One simulated second at 1× lasts one wall second.
    expect(pool.end[0]).toBe(11_500);
    const seen: [number, number][] = [];
    pool.sweep(11_000, (i, progress) => seen.push([pool.link[i]!, progress]));
    expect(seen).toEqual([[2, 0.5]]);
  });

  it('does not draw a particle before its start, and forgets it after its end', () => {
    const pool = new ParticlePool(10);
    pool.add(delivery([[0, 0.9, 0.901, Outcome.ok, 1]]));
    const visits: number[] = [];
    pool.sweep(10_100, (_i, p) => visits.push(p));
    expect(visits).toEqual([]);
    expect(pool.size).toBe(1);
    pool.sweep(10_900 + PARTICLE_MIN_WALL_MS / 2, (_i, p) => visits.push(p));
    expect(visits[0]).toBeCloseTo(0.5);
    pool.sweep(10_900 + PARTICLE_MIN_WALL_MS, () => {});
    expect(pool.size).toBe(0);
  });

  it('moves a response from the far end back to the start', () => {
    const pool = new ParticlePool(10);
    pool.add(delivery([[0, 0, 1, Outcome.ok, 1]]));
    const visits: number[] = [];
    pool.sweep(10_250, (_i, p) => visits.push(p));
    expect(visits[0]).toBeCloseTo(0.75);
  });

  it('colours by outcome', () => {
    const pool = new ParticlePool(10);
    pool.add(delivery([0, 1, 2, 3, 4, 5, 6, 7].map((o) => [0, 0, 1, o, 0] as [number, number, number, number, number])));
    expect(Array.from(pool.kind.slice(0, 8), (k) => PARTICLE_KINDS[k])).toEqual([
      'request',
      'ok',
      'dropped',
      'timedOut',
      'error',
      'error',
      'error',
      'probe',
    ]);
  });

  it('holds no more than its capacity and clears on a new epoch', () => {
    const pool = new ParticlePool(3);
    pool.add(delivery(Array.from({ length: 10 }, () => [0, 0, 1, 0, 0] as [number, number, number, number, number])));
    expect(pool.size).toBe(3);
    pool.add(delivery([[1, 0, 1, 0, 0]], { epoch: 2 }));
    expect(pool.size).toBe(1);
    expect(pool.link[0]).toBe(1);
  });
});
