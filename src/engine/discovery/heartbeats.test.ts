import { beforeAll, describe, expect, it } from 'vitest';
import type { RegistryFigures } from '../types';
import { createSimulation } from '../index';
import { Outcome, type TraceSink } from '../types';
import { discoveryScenario } from './discovery-fixture';

/*
 * A crash is not a leave: the instance stays listed until its heartbeats
 * have been missing for heartbeatTimeout, then the registry drops it; a
 * restart lists it again. Server-side discovery shows the timeout alone
 * (no cache on top): calls to the crashed instance fail "node down" until
 * t + heartbeatTimeout, and none reach it after.
 */

describe('a crashed instance and the registry’s heartbeat timeout', () => {
  const crashAt = 2;
  const timeout = 3;
  const restartAt = 8;
  const scenario = discoveryScenario({
    mode: 'serverSide',
    ttl: 0,
    rate: 200,
    heartbeatTimeout: timeout,
    duration: 10,
    faults: [
      { at: crashAt, node: 'api', action: 'crash', replica: 2 },
      { at: restartAt, node: 'api', action: 'restart', replica: 2 },
    ],
  });
  const downAt: number[] = [];
  let registry: RegistryFigures | null = null;
  beforeAll(() => {
    const onLink = scenario.links.findIndex((l) => l.id === 'on');
    const trace: TraceSink = {
      hop(link, depart, _arrive, outcome, reverse) {
        if (reverse && link === onLink && outcome === Outcome.nodeDown) downAt.push(depart);
      },
    };
    const sim = createSimulation(scenario, { trace });
    sim.runUntil(scenario.duration);
    const node = sim.report().nodes[1];
    registry = node?.kind === 'registry' ? node.registry : null;
  });

  it('keeps it listed until the timeout, so calls to it fail "node down" until then', () => {
    expect(downAt.length).toBeGreaterThan(0);
    expect(Math.min(...downAt)).toBeGreaterThanOrEqual(crashAt);
    expect(Math.max(...downAt)).toBeLessThanOrEqual(crashAt + timeout);
    // Round robin over 4: a quarter of the 3 s of calls at 200/s, give or take Poisson noise.
    expect(downAt.length).toBeGreaterThan(100);
    expect(downAt.length).toBeLessThan(200);
  });

  it('drops it at crash + heartbeatTimeout and lists it again at the restart', () => {
    expect(registry?.changes).toEqual([
      { time: crashAt + timeout, instance: 'api #2', listed: false, cause: 'heartbeat' },
      { time: restartAt, instance: 'api #2', listed: true, cause: 'restarted' },
    ]);
    expect(registry?.listed).toEqual(['api #1', 'api #2', 'api #3', 'api #4']);
  });
});
