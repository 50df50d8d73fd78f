import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceCeil, ParticleSink } from './particle-sink';
import { PARTICLE_MAX_WALL_MS, PARTICLE_MIN_WALL_MS, particleLifetimeMs } from './protocol';

describe('niceCeil', () => {
  it('rounds up to a whole number with two significant digits', () => {
    expect([0.3, 1, 1.2, 2, 3, 7, 11, 99.5, 257, 1234].map(niceCeil)).toEqual([1, 1, 2, 2, 3, 7, 11, 100, 260, 1300]);
  });
  it('is never below its input, and never far above it (the screen keeps ~90 % of its budget)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (x) => niceCeil(x) >= x && niceCeil(x) <= Math.max(1, x * 1.1 + 1)));
  });
});

describe('particleLifetimeMs', () => {
  it('shows a hop for its real duration at slow speeds, stretched or clipped otherwise', () => {
    expect(particleLifetimeMs(0.1, 0.1)).toBe(1000);
    expect(particleLifetimeMs(0.001, 1)).toBe(PARTICLE_MIN_WALL_MS);
    expect(particleLifetimeMs(100, 1)).toBe(PARTICLE_MAX_WALL_MS);
    expect(particleLifetimeMs(0.001, Number.POSITIVE_INFINITY)).toBe(PARTICLE_MIN_WALL_MS);
  });
});

describe('ParticleSink', () => {
  it('keeps every hop when few are seen, in the order given', () => {
    const sink = new ParticleSink(10);
    sink.hop(3, 1, 1.5, 0, false);
    sink.hop(4, 2, 2.5, 1, true);
    const batch = sink.take();
    expect(Array.from(batch.link)).toEqual([3, 4]);
    expect(Array.from(batch.depart)).toEqual([1, 2]);
    expect(Array.from(batch.arrive)).toEqual([1.5, 2.5]);
    expect(Array.from(batch.outcome)).toEqual([0, 1]);
    expect(Array.from(batch.reverse)).toEqual([0, 1]);
    expect(sink.take().link.length).toBe(0);
  });

  it('never holds more than its capacity between takes', () => {
    const sink = new ParticleSink(50);
    for (let i = 0; i < 1000; i++) sink.hop(0, i, i + 0.001, 0, false);
    expect(sink.take().link.length).toBe(50);
  });

  it('samples so that the live particles stay under the budget at any rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 200_000 }), fc.constantFrom(0.1, 1, 10, 1000), (hopsPerSecond, speed) => {
        const sink = new ParticleSink(5000);
        const feed = (wallMs: number) => {
          const hops = Math.round((hopsPerSecond * wallMs) / 1000);
          for (let i = 0; i < hops; i++) sink.hop(0, 0, 0.002, 0, false);
        };
        // One wall second in 16 ms frames, retuning after each as the worker does.
        let kept = 0;
        for (let frame = 0; frame < 60; frame++) {
          feed(16);
          kept += sink.take().link.length;
          sink.retune(16, speed);
        }
        const lifetimeMs = particleLifetimeMs(0.002, speed);
        const liveAtOnce = (kept / 960) * lifetimeMs;
        // The first frames run before the rate adapts; allow them, then the budget holds.
        expect(liveAtOnce).toBeLessThan(5000 * 1.6);
        if (hopsPerSecond * (lifetimeMs / 1000) <= 5000) expect(sink.sampleEvery).toBe(1);
      }),
      { numRuns: 40 },
    );
  });

  it('reports a 1-in-N rate that matches what it keeps', () => {
    const sink = new ParticleSink(1000);
    sink.sampleEvery = 10;
    for (let i = 0; i < 100_000; i++) sink.hop(i % 4, 0, 1, 0, false);
    // Capacity caps it at 1000 of the expected 10,000; check the rate on a smaller run.
    const small = new ParticleSink(100_000);
    small.sampleEvery = 10;
    for (let i = 0; i < 100_000; i++) small.hop(i % 4, 0, 1, 0, false);
    const batch = small.take();
    expect(batch.link.length).toBeGreaterThan(9_000);
    expect(batch.link.length).toBeLessThan(11_000);
    // Sampling is not in step with the path: every link of a 4-hop rhythm is represented.
    expect(new Set(batch.link).size).toBe(4);
    expect(sink.take().link.length).toBe(1000);
  });
});
