import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/simulation';
import { loadExample } from '../../engine/testing/examples';
import type { LiveSnapshot, Report } from '../../engine/types';
import { controlPlaneRows } from './control-plane-rows';

describe('the control plane’s rows', () => {
  const services = [
    { id: 'api', label: 'API' },
    { id: 'payments', label: 'Payments' },
  ];
  const nodeIndex = { users: 0, api: 1, payments: 2 };
  let live: LiveSnapshot;
  let report: Report;
  beforeAll(() => {
    const scenario = loadExample('mesh-resilience.json');
    const sim = createSimulation(scenario, { window: 0 });
    // 30 s: Payments has been slow for 10 s and the mesh's breaker is open.
    sim.runUntil(30);
    live = sim.snapshot();
    sim.runUntil(scenario.duration);
    report = sim.report();
  });

  it('while the run goes: each sidecar’s requests, the breaker open on API’s calls, its ejections so far', () => {
    const [api, payments] = controlPlaneRows(services, live, nodeIndex);
    expect(api?.breaker).toBe('open');
    // Opened at 20.5 s and again at 26.2 s, after its first probes timed out.
    expect(api?.ejections).toBe(2);
    expect(api?.outbound).toBe(payments?.inbound);
    // Payments calls nobody: no retries or ejections to show.
    expect(payments).toMatchObject({ breaker: null, retries: null, ejections: null });
    expect(api?.cores).toBeGreaterThan(0);
  });

  it('from the report: the same figures the report gives', () => {
    const [api] = controlPlaneRows(services, report, nodeIndex);
    expect(api).toMatchObject({ inbound: 7827, outbound: 4804, retries: 0, ejections: 6, breaker: 'closed' });
  });

  it('before a run: dashes (nulls) for every figure', () => {
    expect(controlPlaneRows(services, null, {})[0]).toMatchObject({ inbound: null, cores: null, breaker: null });
  });
});
