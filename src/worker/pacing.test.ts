import { describe, expect, it } from 'vitest';
import { advance, Pacer } from './pacing';
import { createFakeSimulation, tinyScenario } from './testing/fake-simulation';

describe('Pacer', () => {
  it('maps wall time to simulated time at the chosen speed', () => {
    const pacer = new Pacer(0.1);
    pacer.start(2, 1000);
    expect(pacer.target(1000)).toBe(2);
    expect(pacer.target(2000)).toBeCloseTo(2.1);
    pacer.setSpeed(10, 2.1, 2000);
    expect(pacer.target(2500)).toBeCloseTo(7.1);
  });

  it('has no target at max speed', () => {
    const pacer = new Pacer(Number.POSITIVE_INFINITY);
    pacer.start(0, 0);
    expect(pacer.target(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('forgives a lag longer than 250 ms instead of leaping ahead later', () => {
    const pacer = new Pacer(1);
    pacer.start(0, 0);
    // The machine managed 0.5 s of simulated time in 3 wall seconds.
    pacer.forgiveLag(0.5, 3000);
    expect(pacer.target(3000)).toBeCloseTo(0.75);
    // A small lag is kept: the run catches up smoothly.
    const steady = new Pacer(1);
    steady.start(0, 0);
    steady.forgiveLag(0.9, 1000);
    expect(steady.target(1000)).toBeCloseTo(1);
  });
});

describe('advance', () => {
  it('reaches the target exactly and processes every event up to it', () => {
    const sim = createFakeSimulation({ ...tinyScenario, seed: 0 }, {});
    expect(advance(sim, 1.05, Number.POSITIVE_INFINITY, () => 0)).toBe(true);
    expect(sim.now).toBe(1.05);
    expect(sim.events).toBe(10);
  });

  it('stops at the deadline, short of the target, and resumes to the same state', () => {
    const scenario = { ...tinyScenario, duration: 1000 };
    let wall = 0;
    const sliced = createFakeSimulation(scenario, {});
    let slices = 0;
    while (!advance(sliced, 500, wall + 10, () => (wall += 1))) slices++;
    const whole = createFakeSimulation(scenario, {});
    whole.runUntil(500);
    expect(slices).toBeGreaterThan(0);
    expect(sliced.now).toBe(500);
    expect(sliced.snapshot()).toEqual(whole.snapshot());
  });
});
