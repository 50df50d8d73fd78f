import { afterEach, describe, expect, it } from 'vitest';
import { setBackgroundClient } from '../worker/background-client';
import { exampleScenario, runToEnd } from '../worker/testing/example-run';
import { inProcessBackgroundClient } from '../worker/testing/in-process-background';
import { runComparison } from './compare-runs';

afterEach(() => setBackgroundClient(null));

describe('A/B comparison runs', () => {
  it('gives each side the engine’s own totals and windows for the same seed', async () => {
    setBackgroundClient(inProcessBackgroundClient(undefined, 2));
    const a = exampleScenario('web-tier', 20);
    const b = { ...a, nodes: a.nodes.map((n) => (n.kind === 'loadBalancer' ? { ...n, algorithm: 'leastConnections' as const } : n)) };
    const outcome = await runComparison(a, b, 7);
    if (!outcome.ok) throw new Error(outcome.problem);
    const headless = (s: typeof a) => runToEnd({ ...s, seed: 7 });
    expect(outcome.a.totals).toEqual(headless(a).report.totals);
    expect(outcome.b.totals).toEqual(headless(b).report.totals);
    expect(outcome.a.windows).toEqual(headless(a).windows);
    // The variants differ, so their figures do.
    expect(outcome.b.totals.latency.p99).not.toBe(outcome.a.totals.latency.p99);
  });

  it('says why when a side cannot run, and when there are no workers', async () => {
    setBackgroundClient(inProcessBackgroundClient());
    const a = exampleScenario('web-tier', 5);
    const broken = { ...a, duration: -1 };
    expect(await runComparison(a, broken, 1)).toEqual({ ok: false, problem: expect.stringContaining('duration') });
    setBackgroundClient(null);
    expect(await runComparison(a, a, 1)).toEqual({ ok: false, problem: 'This browser has no Web Workers to run the comparison in.' });
  });
});
