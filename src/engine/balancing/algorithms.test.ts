import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import type { TargetState } from './algorithm';
import { buildHashRing, consistentHash, ringOwner } from './consistent-hash';
import { hashAddress } from './hashing';
import { ipHash } from './ip-hash';
import { leastConnections } from './least-connections';
import { powerOfTwoChoices, randomChoice } from './random-choice';
import { roundRobin } from './round-robin';
import { weightedRoundRobin } from './weighted-round-robin';

function targets(count: number, weights?: number[]): TargetState {
  return {
    count,
    eligible: new Uint8Array(count).fill(1),
    open: new Int32Array(count),
    responseTime: new Float64Array(count),
    weights: Float64Array.from(weights ?? Array.from({ length: count }, () => 1)),
    ids: Array.from({ length: count }, (_, i) => `server-${i + 1}`),
  };
}

function shares(pick: () => number, count: number, n: number): number[] {
  const counts = new Array<number>(count).fill(0);
  for (let i = 0; i < n; i++) counts[pick()]!++;
  return counts.map((c) => c / n);
}

describe('round robin', () => {
  it('gives exactly equal shares over whole cycles, skipping targets out of the pool', () => {
    const state = targets(4);
    const rr = roundRobin();
    expect(shares(() => rr.pick(state, 0), 4, 4000)).toEqual([0.25, 0.25, 0.25, 0.25]);
    state.eligible[1] = 0;
    const counts = shares(() => rr.pick(state, 0), 4, 3000);
    expect(counts[1]).toBe(0);
    for (const i of [0, 2, 3]) expect(counts[i]).toBeCloseTo(1 / 3, 10);
  });
});

describe('weighted round robin', () => {
  it('gives shares equal to the weights over every cycle of total weight', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }), (weights) => {
        const state = targets(weights.length, weights);
        const wrr = weightedRoundRobin();
        const total = weights.reduce((a, b) => a + b, 0);
        const counts = new Array<number>(weights.length).fill(0);
        for (let i = 0; i < total * 10; i++) counts[wrr.pick(state, 0)]!++;
        expect(counts).toEqual(weights.map((w) => w * 10));
      }),
    );
  });

  it('interleaves a heavy target instead of sending its requests in one burst', () => {
    const wrr = weightedRoundRobin();
    const state = targets(3, [5, 1, 1]);
    const order = Array.from({ length: 7 }, () => wrr.pick(state, 0));
    expect(order).toEqual([0, 0, 1, 0, 2, 0, 0]);
  });
});

describe('least connections', () => {
  it('never picks a target with more open requests than another eligible one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ open: fc.integer({ min: 0, max: 5 }), eligible: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 20 }),
        (spec, warmup) => {
          const state = targets(spec.length);
          spec.forEach((t, i) => {
            state.open[i] = t.open;
            state.eligible[i] = t.eligible ? 1 : 0;
          });
          const lc = leastConnections();
          for (let i = 0; i < warmup; i++) lc.pick(state, 0);
          const choice = lc.pick(state, 0);
          const eligible = spec.map((t, i) => (t.eligible ? i : -1)).filter((i) => i >= 0);
          if (eligible.length === 0) {
            expect(choice).toBe(-1);
            return;
          }
          expect(state.eligible[choice]).toBe(1);
          for (const i of eligible) expect(state.open[choice]).toBeLessThanOrEqual(state.open[i]!);
        },
      ),
    );
  });
});

describe('random and power of two choices', () => {
  it('random spreads evenly (each share within 1% of 1/n over 200,000 picks)', () => {
    const random = randomChoice(createRng(3));
    const state = targets(5);
    for (const share of shares(() => random.pick(state, 0), 5, 200_000)) expect(Math.abs(share - 0.2)).toBeLessThan(0.01);
  });

  it('power of two never picks the busier of the two it drew, and never the busiest of all when n = 2', () => {
    const p2c = powerOfTwoChoices(createRng(5));
    const state = targets(2);
    state.open[0] = 3;
    state.open[1] = 1;
    for (let i = 0; i < 100; i++) expect(p2c.pick(state, 0)).toBe(1);
  });
});

describe('IP hash', () => {
  it('keeps every client on one server while the pool is unchanged', () => {
    const state = targets(5);
    const hash = ipHash();
    for (let address = 0; address < 2000; address++) {
      const first = hash.pick(state, address);
      for (let again = 0; again < 3; again++) expect(hash.pick(state, address)).toBe(first);
    }
  });

  it('moves most clients when a server joins (the modulo problem)', () => {
    const hash = ipHash();
    const before = targets(4);
    const after = targets(5);
    let moved = 0;
    for (let address = 0; address < 10_000; address++) if (hash.pick(before, address) !== hash.pick(after, address)) moved++;
    // Modulo hashing keeps a key only when h mod 4 = h mod 5: 1 in 5 of keys stay put.
    expect(moved / 10_000).toBeGreaterThan(0.7);
  });
});

describe('consistent hashing', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `server-${i + 1}`);

  it('moves about 1/(n+1) of keys when a server joins, all of them to the newcomer', () => {
    for (const n of [3, 5, 9]) {
      const before = buildHashRing(ids(n), 200);
      const after = buildHashRing(ids(n + 1), 200);
      let moved = 0;
      const keys = 50_000;
      for (let address = 0; address < keys; address++) {
        const key = hashAddress(address);
        const a = ringOwner(before, key);
        const b = ringOwner(after, key);
        if (a !== b) {
          moved++;
          expect(b).toBe(n); // only to the new server
        }
      }
      // With 200 virtual nodes the newcomer's arc is 1/(n+1) within about ±25% (spread ~ 1/sqrt(200)).
      expect(Math.abs(moved / keys - 1 / (n + 1)) / (1 / (n + 1))).toBeLessThan(0.25);
    }
  });

  it('spreads load more evenly as virtual nodes grow', () => {
    const spread = (virtualNodes: number) => {
      const ring = buildHashRing(ids(8), virtualNodes);
      const counts = new Array<number>(8).fill(0);
      for (let address = 0; address < 80_000; address++) counts[ringOwner(ring, hashAddress(address))]!++;
      const mean = 10_000;
      return Math.sqrt(counts.reduce((a, c) => a + (c - mean) ** 2, 0) / 8) / mean;
    };
    const one = spread(1);
    const ten = spread(10);
    const hundred = spread(100);
    const thousand = spread(1000);
    expect(ten).toBeLessThan(one);
    expect(hundred).toBeLessThan(ten);
    expect(thousand).toBeLessThan(hundred);
    // Known result: the relative spread of arc lengths falls like 1/sqrt(virtual nodes).
    expect(hundred).toBeLessThan(0.25);
    expect(thousand).toBeLessThan(0.08);
  });

  it('sends a departed server’s keys to its ring neighbours and leaves the others alone', () => {
    const state = targets(4);
    const ch = consistentHash(100);
    const before = Array.from({ length: 5000 }, (_, a) => ch.pick(state, a));
    state.eligible[2] = 0;
    for (let a = 0; a < 5000; a++) {
      const now = ch.pick(state, a);
      if (before[a] !== 2) expect(now).toBe(before[a]);
      else expect(now).not.toBe(2);
    }
  });
});
