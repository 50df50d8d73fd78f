import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scheduler } from './scheduler';

interface Popped {
  time: number;
  target: number;
  arg: number;
}

/** Pops every event left, in the order the scheduler gives them. */
function drain(scheduler: Scheduler): Popped[] {
  const out: Popped[] = [];
  while (scheduler.pop()) out.push({ time: scheduler.now, target: scheduler.poppedTarget, arg: scheduler.poppedArg });
  return out;
}

// Few distinct times, so ties are common and the sequence tie-break is exercised;
// a tiny initial capacity, so the heap's growth is exercised too.
const tiedTime = fc.integer({ min: 0, max: 12 }).map((k) => k / 4);
const anyTime = fc.oneof(tiedTime, fc.double({ min: 0, max: 1e6, noNaN: true }));

describe('Scheduler', () => {
  it('is empty at first: pop() is false and peek() is Infinity', () => {
    const scheduler = new Scheduler(1);
    expect(scheduler.pop()).toBe(false);
    expect(scheduler.peek()).toBe(Number.POSITIVE_INFINITY);
    expect(scheduler.size).toBe(0);
  });

  it('pops times that never decrease', () => {
    fc.assert(
      fc.property(fc.array(anyTime, { maxLength: 300 }), (times) => {
        const scheduler = new Scheduler(1);
        for (const [i, time] of times.entries()) scheduler.schedule(time, i, i);
        const popped = drain(scheduler);
        expect(popped).toHaveLength(times.length);
        for (let i = 1; i < popped.length; i++) {
          expect(popped[i]!.time).toBeGreaterThanOrEqual(popped[i - 1]!.time);
        }
      }),
    );
  });

  it('lets events at equal times leave in the order they were scheduled', () => {
    fc.assert(
      fc.property(fc.array(tiedTime, { minLength: 1, maxLength: 300 }), (times) => {
        const scheduler = new Scheduler(2);
        for (const [order, time] of times.entries()) scheduler.schedule(time, 7, order);
        const popped = drain(scheduler);
        for (let i = 1; i < popped.length; i++) {
          const [a, b] = [popped[i - 1]!, popped[i]!];
          if (a.time === b.time) expect(b.arg).toBeGreaterThan(a.arg);
        }
        // Same multiset of events in and out.
        expect(popped.map((p) => p.arg).sort((x, y) => x - y)).toEqual(times.map((_, i) => i));
      }),
    );
  });

  it('agrees with a sorted-array model under interleaved schedule and pop', () => {
    type Op = { kind: 'schedule'; delay: number; target: number } | { kind: 'pop' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant('schedule' as const),
        delay: fc.oneof(tiedTime, fc.double({ min: 0, max: 100, noNaN: true })),
        target: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      }),
      fc.constant({ kind: 'pop' as const }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const scheduler = new Scheduler(1);
        // The model: events kept sorted by (time, sequence); pop takes the front.
        const model: { time: number; seq: number; target: number; arg: number }[] = [];
        let seq = 0;
        let now = 0;
        for (const o of ops) {
          if (o.kind === 'schedule') {
            const time = now + o.delay;
            const event = { time, seq: seq++, target: o.target, arg: seq };
            scheduler.schedule(time, event.target, event.arg);
            model.push(event);
            model.sort((a, b) => a.time - b.time || a.seq - b.seq);
          } else {
            const expected = model.shift();
            expect(scheduler.pop()).toBe(expected !== undefined);
            if (expected) {
              now = expected.time;
              expect(scheduler.now).toBe(expected.time);
              expect(scheduler.poppedTarget).toBe(expected.target);
              expect(scheduler.poppedArg).toBe(expected.arg);
            }
          }
          expect(scheduler.size).toBe(model.length);
          expect(scheduler.peek()).toBe(model[0]?.time ?? Number.POSITIVE_INFINITY);
        }
      }),
    );
  });

  it('refuses to schedule before the current time, but accepts exactly now', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-9, max: 1, noNaN: true }),
        (time, fraction) => {
          const scheduler = new Scheduler();
          scheduler.schedule(time, 1, 1);
          scheduler.pop();
          const past = time * (1 - fraction);
          // A fraction too small to change the double leaves `past` equal to now, which is allowed.
          fc.pre(past < time);
          expect(() => scheduler.schedule(past, 2, 2)).toThrow(RangeError);
          expect(scheduler.size).toBe(0);
          scheduler.schedule(time, 3, 3);
          expect(scheduler.pop()).toBe(true);
          expect(scheduler.poppedArg).toBe(3);
        },
      ),
    );
  });

  it('refuses times before a clock moved on by advanceTo', () => {
    const scheduler = new Scheduler();
    scheduler.advanceTo(5);
    expect(() => scheduler.schedule(4.999, 0, 0)).toThrow(RangeError);
    scheduler.advanceTo(3);
    expect(scheduler.now).toBe(5);
  });
});
