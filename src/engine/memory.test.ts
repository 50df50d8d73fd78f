import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import { createSimulation } from './index';

/**
 * A full collection, so heap figures measure what is still referenced. Vitest
 * workers do not start with --expose-gc; the flag can still be turned on at
 * run time and the function fetched from a fresh context.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

/** Bytes held now: the JS heap plus typed-array backing stores, which live outside it. */
function bytesHeld(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

describe('memory', () => {
  it('holds no per-request data: one simulated hour at 1,000 requests/s stays flat', () => {
    const parsed = parseScenario({
      version: 1,
      duration: 3600,
      nodes: [
        // Timeouts keep a second reference to each request; retries make new ones.
        {
          id: 'users',
          kind: 'client',
          workload: { mode: 'open', rate: 1000 },
          timeout: 0.5,
          retries: { count: 1, backoff: 0.01, jitter: true },
        },
        { id: 'lb', kind: 'loadBalancer' },
        { id: 'app-1', kind: 'server', workers: 1, queueCapacity: 100, serviceTime: { type: 'exponential', mean: 0.0014 } },
        { id: 'app-2', kind: 'server', workers: 1, queueCapacity: 100, serviceTime: { type: 'exponential', mean: 0.0014 } },
      ],
      links: [
        { id: 'users-lb', from: 'users', to: 'lb', latency: 0.002 },
        { id: 'lb-app-1', from: 'lb', to: 'app-1', latency: 0.0005 },
        { id: 'lb-app-2', from: 'lb', to: 'app-2', latency: 0.0005 },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    // Windows on, as in the worker, with a short memory of them: they are per second, not per request.
    const sim = createSimulation(parsed.scenario, { seed: 5, maxWindows: 60 });

    sim.runUntil(600);
    collectGarbage();
    const after10Minutes = bytesHeld();
    const early = sim.snapshot();

    sim.runUntil(3600);
    collectGarbage();
    const afterHour = bytesHeld();
    const late = sim.snapshot();

    // About 3.6 million requests were made, and only the few now travelling are held.
    expect(late.sent).toBeGreaterThan(3_500_000);
    expect(late.completed / late.sent).toBeGreaterThan(0.99);
    // Servers busy 70% with 2.5 ms of links each way: a dozen or so in flight on average.
    expect(early.inFlight).toBeLessThan(200);
    expect(late.inFlight).toBeLessThan(200);
    expect(sim.windowCount).toBe(3600);
    expect(sim.windowsSince(0)).toHaveLength(60);
    // Three million more requests between the two measurements: keeping even
    // one 8-byte number for each would add 24 MB. Allow 4 MB for the noise of
    // a shared process (JIT code, Vitest's own objects).
    const growth = afterHour - after10Minutes;
    expect(growth, `grew by ${(growth / 2 ** 20).toFixed(2)} MB`).toBeLessThan(4 * 2 ** 20);
    // About 20 million events: a few seconds on an idle core, longer on a shared machine.
  }, 180_000);
});
