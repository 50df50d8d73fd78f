import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../index';
import { buildScenario } from '../testing/build-scenario';

/*
 * A watched run reads the gateway's live figures (bucket levels, window
 * room) at every frame; a headless run never does. Both must give the same
 * report, so reading a level may change nothing a later decision uses.
 */
const scenario = (policy: 'tokenBucket' | 'slidingWindow') =>
  buildScenario({
    duration: 20,
    nodes: [
      { id: 'a', kind: 'client', workload: { mode: 'open', rate: 300 }, invalidCredentials: 0.1, retries: { count: 2, backoff: 0.01, jitter: true, honourRetryAfter: true } },
      { id: 'b', kind: 'client', workload: { mode: 'open', rate: 40 } },
      {
        id: 'gw',
        kind: 'gateway',
        workers: 2,
        auth: { mode: 'service', service: 'auth', cacheTtl: 0.5 },
        rateLimit: { policy, scope: 'perClient', rate: 77.7, burst: 13, limit: 60, window: 0.7 },
        routes: [{ pathPrefix: '/', services: ['s1', 's2', 's3'], quorum: 2, timeout: 0.05 }],
      },
      { id: 'auth', kind: 'server', workers: 2, serviceTime: { type: 'exponential', mean: 0.003 } },
      ...['s1', 's2', 's3'].map((id) => ({ id, kind: 'server' as const, workers: 4, serviceTime: { type: 'exponential' as const, mean: 0.01 } })),
    ],
    links: [
      { id: 'a-in', from: 'a', to: 'gw' },
      { id: 'b-in', from: 'b', to: 'gw' },
      ...['auth', 's1', 's2', 's3'].map((id) => ({ id: `to-${id}`, from: 'gw', to: id })),
    ],
  });

describe('a gateway watched live gives the headless report', () => {
  it.each(['tokenBucket', 'slidingWindow'] as const)('%s: live figures read every 13 ms change no figure', (policy) => {
    const headless = runScenario(scenario(policy));
    const watched = createSimulation(scenario(policy));
    for (let t = 0.013; t < 20; t += 0.013) {
      watched.runUntil(t);
      watched.snapshot();
    }
    watched.runUntil(20);
    expect(watched.report()).toEqual(headless);
    expect(headless.totals.failures.throttled).toBeGreaterThan(0);
    expect(headless.totals.failures.unauthorized).toBeGreaterThan(0);
  });
});
