import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { loadExample } from '../testing/examples';
import type { RegistryFigures, Report, Simulation, WindowSample } from '../types';
import { expectedStaleCalls } from './stale-theory';

/* Every sentence of discovery-scale-in.json's write-up, checked against its headless run. */

describe('discovery-scale-in.json', () => {
  let sim: Simulation;
  let report: Report;
  let windows: WindowSample[];
  /** Resolvers whose record still lists an instance that left, at 60, 80, 100 and 120 s. */
  const staleResolvers: number[] = [];
  /** When the client-side caller's copy expired (as seen at 70 s). */
  let copyExpiresAt = 0;
  const index = (id: string) => sim.layout().nodeIndex[id] as number;
  const registry = (id: string) => report.nodes[index(id)]?.registry as RegistryFigures;
  /** The end of the last metrics window in which registry `id` sent a stale call. */
  const lastStale = (id: string) => windows.filter((w) => (w.nodes[index(id)]?.staleCalls ?? 0) > 0).at(-1)?.end;
  const failuresAt = (group: string) => report.nodes[index(group)]?.refused;

  beforeAll(() => {
    const scenario = loadExample('discovery-scale-in.json');
    sim = createSimulation(scenario);
    for (const t of [60, 70, 80, 100, 120]) {
      sim.runUntil(t);
      const live = sim.snapshot().nodes;
      if (t === 70) copyExpiresAt = live[index('registry-client')]?.registry?.caches[0]?.expiresAt ?? 0;
      else staleResolvers.push(live[index('registry-dns')]?.registry?.caches.filter((c) => c.stale > 0).length ?? -1);
    }
    sim.runUntil(scenario.duration);
    report = sim.report();
    windows = sim.windowsSince(0);
  });

  it('scales every service in from 4 instances to 2 at 60 s, and each registry drops the two that left', () => {
    for (const id of ['registry-client', 'registry-dns', 'registry-server']) {
      expect(registry(id).changes.map((c) => [c.time, c.cause])).toEqual([
        [60, 'left'],
        [60, 'left'],
      ]);
      expect(registry(id).listed).toHaveLength(2);
    }
  });

  it('client-side, TTL 30 s: the copy names them until 74.5 s, so 736 calls fail "stale endpoint" in 14.5 s, half the calls', () => {
    expect(copyExpiresAt).toBeCloseTo(74.5, 1);
    expect(copyExpiresAt - 60).toBeCloseTo(14.5, 1);
    expect(registry('registry-client').staleCalls).toBe(736);
    expect(failuresAt('orders-client')).toBe(736);
    expect(lastStale('registry-client')).toBe(75);
    // Half of 100 calls a second for 14.5 s.
    expect(736 / (100 * 14.5)).toBeCloseTo(0.5, 1);
  });

  it('on average over seeds: 100 × 1/2 × 15 s = 750 (two of four instances left, half the TTL remains)', () => {
    expect(2 * expectedStaleCalls(100, 4, 30)).toBe(750);
  });

  it('DNS on average: 100 × 1/2 × 30 s = 1,500, as many as a client-side copy of the same TTL (stale-theory.test.ts checks the mean)', () => {
    expect(2 * expectedStaleCalls(100, 4, 60)).toBe(1500);
  });

  it('DNS, TTL 60 s, 8 resolvers: stale records thin out, 8 at 60 s, 5 at 80 s, 3 at 100 s, none from 120 s on; 1,546 failures', () => {
    expect(staleResolvers).toEqual([8, 5, 3, 0]);
    expect(registry('registry-dns').staleCalls).toBe(1546);
    expect(failuresAt('orders-dns')).toBe(1546);
    expect(lastStale('registry-dns')).toBeLessThanOrEqual(120);
  });

  it('server-side: no stale call; a look-up (2 ms) and the router hop (1 ms each way) make the mean 26 ms against 22 ms', () => {
    expect(registry('registry-server').staleCalls).toBe(0);
    expect(failuresAt('orders-server')).toBe(0);
    expect(registry('registry-server').lookups).toBe(report.nodes[index('registry-server')]?.arrivals);
    const mean = (client: string) => report.nodes[index(client)]?.latency.mean ?? 0;
    expect(mean('users-server') * 1000).toBeCloseTo(26, 0);
    expect(mean('users-client') * 1000).toBeCloseTo(22, 0);
    // The difference is the look-up and the two extra milliseconds of link, within the service times' noise.
    expect((mean('users-server') - mean('users-client')) * 1000).toBeCloseTo(4, 0);
  });

  it('every stale-endpoint failure in the totals is one of those, 736 + 1,546 = 2,282', () => {
    expect(report.totals.failures.staleEndpoint).toBe(2282);
    expect(report.totals.failed).toBe(2282);
  });
});
