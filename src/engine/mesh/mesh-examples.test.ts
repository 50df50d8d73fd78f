import { beforeAll, describe, expect, it } from 'vitest';
import { loadExample } from '../testing/examples';
import { createSimulation } from '../simulation';
import type { CallFigures, Report, WindowSample } from '../types';

/** Runs an example with one-second windows. */
function run(name: string): { report: Report; windows: WindowSample[] } {
  const scenario = loadExample(name);
  const sim = createSimulation(scenario, { window: 1 });
  sim.runUntil(scenario.duration);
  return { report: sim.report(), windows: sim.windowsSince(0) };
}

const apiCalls = (report: Report) => report.nodes.find((n) => n.id === 'api')?.calls?.[0] as CallFigures;
const sidecarOf = (report: Report, id: string) => report.nodes.find((n) => n.id === id)?.sidecar;

describe('mesh-resilience.json', () => {
  let mesh: ReturnType<typeof run>;
  let code: ReturnType<typeof run>;
  beforeAll(() => {
    mesh = run('mesh-resilience.json');
    code = run('breaker-opens-recovers.json');
  });

  it('the mesh’s policy governs API → Payments, which has no call of its own; API and Payments are the meshed services', () => {
    const scenario = loadExample('mesh-resilience.json');
    expect(scenario.links.find((l) => l.id === 'api-payments')?.call).toBeUndefined();
    expect(scenario.mesh?.policy.timeout).toBe(0.3);
    expect(mesh.report.mesh?.services).toEqual(['api', 'payments']);
    expect(mesh.report.mesh?.links.find((l) => l.link === 'api-payments')?.policy).toBe('mesh');
  });

  it('it protects exactly as the policy in code: opens at 20.5 s, 6 times in all, closes at 51.0 s; 3,023 calls fail with "circuit open"', () => {
    const calls = apiCalls(mesh.report);
    const timeline = calls.breaker?.timeline ?? [];
    const opens = timeline.filter((c) => c.state === 'open').map((c) => c.time);
    expect(opens[0]).toBeCloseTo(20.5, 1);
    expect(opens).toHaveLength(6);
    expect(timeline.filter((c) => c.state === 'closed').at(-1)?.time).toBeCloseTo(51.0, 1);
    expect(calls.circuitOpen).toBe(3023);
    // The same breaker states as breaker-opens-recovers.json, where the policy is on the link, each within
    // 10 ms (the sidecars' few milliseconds move when a call ends), and the same counts.
    const inCode = apiCalls(code.report);
    const codeTimeline = inCode.breaker?.timeline ?? [];
    expect(timeline.map((c) => c.state)).toEqual(codeTimeline.map((c) => c.state));
    const apart = timeline.map((c, i) => Math.abs(c.time - (codeTimeline[i]?.time ?? Number.NaN)));
    expect(Math.max(...apart)).toBeLessThan(0.01);
    expect([calls.calls, calls.failed, calls.timeouts]).toEqual([inCode.calls, inCode.failed, inCode.timeouts]);
    expect(mesh.report.totals.completed).toBe(code.report.totals.completed);
  });

  it('goodput is back to about 100 per second after the recovery', () => {
    const after = mesh.windows.filter((w) => w.start >= 57).map((w) => w.completed);
    expect(after.reduce((a, b) => a + b, 0) / after.length).toBeGreaterThan(90);
  });

  it('per hop: 1 ms round trip into API (one sidecar), 2 ms on the call to Payments (two); completed requests 3 ms slower (28.8 ms instead of 25.8 ms)', () => {
    const links = Object.fromEntries((mesh.report.mesh?.links ?? []).map((l) => [l.link, l.addedRoundTrip]));
    expect(links['users-api']).toBeCloseTo(0.001, 12);
    expect(links['api-payments']).toBeCloseTo(0.002, 12);
    const added = mesh.report.totals.latency.mean - code.report.totals.latency.mean;
    expect(added).toBeCloseTo(0.003, 9);
    expect(mesh.report.totals.latency.mean * 1000).toBeCloseTo(28.8, 1);
    expect(code.report.totals.latency.mean * 1000).toBeCloseTo(25.8, 1);
  });

  it('sidecar CPU: 0.2 + (0.2 + 0.3) + (0.2 + 0.3) = 1.2 ms for a request that reaches Payments; about 0.08 of a core over the run', () => {
    expect(0.2 + (0.2 + 0.3) + (0.2 + 0.3)).toBeCloseTo(1.2, 9);
    const api = sidecarOf(mesh.report, 'api');
    const payments = sidecarOf(mesh.report, 'payments');
    const reached = payments?.inbound ?? 0;
    expect(api?.outbound).toBe(reached);
    expect(api?.cpuSeconds).toBeCloseTo((api?.inbound ?? 0) * 0.0002 + reached * 0.0005, 9);
    expect(payments?.cpuSeconds).toBeCloseTo(reached * 0.0005, 9);
    expect(mesh.report.mesh?.cores).toBeCloseTo(0.08, 2);
  });
});
