import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { runScenario } from '../simulation';
import { buildScenario } from '../testing/build-scenario';

const SEEDS = [1, 2, 3, 4];

/**
 * 40 users (think 0.1 s) keep connections of mean length `length` requests to
 * a balancer in front of 4 servers with room to spare (about 80,000 requests).
 */
function pool(layer: 'L4' | 'L7', length: number, seed: number, algorithm = 'roundRobin') {
  const servers = ['s1', 's2', 's3', 's4'];
  return buildScenario({
    seed,
    duration: 200,
    nodes: [
      {
        id: 'users',
        kind: 'client',
        workload: { mode: 'closed', users: 40, thinkTime: { type: 'exponential', mean: 0.1 } },
        addresses: 40,
        connections: { requestsPerConnection: length },
      },
      { id: 'lb', kind: 'loadBalancer', layer, algorithm },
      ...servers.map((id) => ({ id, kind: 'server', workers: 16, serviceTime: { type: 'exponential', mean: 0.001 } })),
    ] as ScenarioInput['nodes'],
    links: [{ id: 'in', from: 'users', to: 'lb' }, ...servers.map((id) => ({ id: `to-${id}`, from: 'lb', to: id }))],
  });
}

/** Coefficient of variation of the requests each target received: 0 is a perfectly even split. */
function imbalance(layer: 'L4' | 'L7', length: number, seed: number, algorithm?: string): number {
  const report = runScenario(pool(layer, length, seed, algorithm), { window: 0 });
  const routed = report.nodes.find((n) => n.id === 'lb')!.targets!.map((t) => t.routed);
  const mean = routed.reduce((a, b) => a + b, 0) / routed.length;
  const variance = routed.reduce((sum, r) => sum + (r - mean) ** 2, 0) / routed.length;
  return Math.sqrt(variance) / mean;
}

const meanOver = (f: (seed: number) => number) => SEEDS.reduce((sum, seed) => sum + f(seed), 0) / SEEDS.length;

describe('connections: L4 picks a target per connection, L7 per request', () => {
  let l4: number[];
  let l7: number;
  beforeAll(() => {
    l4 = [imbalance('L4', 1, 1), meanOver((seed) => imbalance('L4', 10, seed)), meanOver((seed) => imbalance('L4', 100, seed))];
    l7 = imbalance('L7', 100, 1);
  });

  it("L4 round robin's per-target imbalance grows with the connections' mean length", () => {
    // Round robin deals connections in turn, but they close at random (geometric lengths), so the
    // connections open on a target drift from 10 (about ±3 at any moment). The drift lasts about one
    // connection (L requests of a user, L × 0.1 s), so over the run a target's share spreads about as √L:
    // ≈ 0.02 at L = 10 and ≈ 0.07 at L = 100 (mean over 4 seeds). At L = 1 it is exact turn-taking.
    expect(l4[0]).toBeLessThan(0.002);
    expect(l4[1]).toBeGreaterThan(0.008);
    expect(l4[2]).toBeGreaterThan(l4[1]! * 2);
  });

  it('L7 round robin stays balanced with the same long connections, since it picks per request', () => {
    expect(l7).toBeLessThan(0.002);
  });

  it('L4 least connections keeps the open connections even, so long connections stay balanced', () => {
    const cv = meanOver((seed) => imbalance('L4', 100, seed, 'leastConnections'));
    expect(cv).toBeLessThan(l4[2]! / 2);
  });
});
