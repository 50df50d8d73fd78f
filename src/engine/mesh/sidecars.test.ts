import { beforeAll, describe, expect, it } from 'vitest';
import { CallPolicySchema } from '../../scenario/call-schema';
import { parseScenario } from '../../scenario/parse';
import type { CallPolicy, Link, Mesh, Scenario, ScenarioInput } from '../../scenario/schema';
import { buildScenario } from '../testing/build-scenario';
import { loadExample, runExample, withNode } from '../testing/examples';
import { createSimulation } from '../simulation';
import type { NodeReport, Report } from '../types';

const HOP = 0.0005;

/** users → front → back: Poisson 40/s, exponential services, 1 ms links; `sidecars` names the servers with one. */
function chain(sidecars: string[], mesh: Partial<Mesh> | null, call?: Partial<CallPolicy>): Scenario {
  const server = (id: string, workers: number, mean: number) => ({
    id,
    kind: 'server',
    workers,
    serviceTime: { type: 'exponential', mean },
    sidecar: sidecars.includes(id),
  });
  return buildScenario({
    seed: 7,
    duration: 120,
    warmup: 0,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate: 40 } },
      server('front', 4, 0.02),
      server('back', 2, 0.03),
    ] as ScenarioInput['nodes'],
    links: [
      { id: 'users-front', from: 'users', to: 'front', latency: 0.001 },
      { id: 'front-back', from: 'front', to: 'back', latency: 0.001, ...(call && { call }) },
    ] as ScenarioInput['links'],
    mesh: mesh as ScenarioInput['mesh'],
  });
}

/**
 * Runs `scenario`, stopping new requests at 100 s (a live edit takes the
 * users' link away) and running on until every request sent has an answer:
 * the meshed and plain runs then average over the very same requests.
 */
function drained(scenario: Scenario): Report {
  const links = scenario.links.filter((l) => l.from !== 'users');
  const stopped = { ...scenario, changes: [{ at: 100, nodes: scenario.nodes, links }] };
  const sim = createSimulation(stopped, { window: 0 });
  sim.runUntil(scenario.duration);
  return sim.report();
}

/** Latency of the requests that completed: whole-run mean and count. */
const latencyOf = (report: Report) => ({ mean: report.totals.latency.mean, count: report.totals.latency.count });
const node = (report: Report, id: string) => report.nodes.find((n) => n.id === id) as NodeReport;

describe('sidecars add their hop latency exactly', () => {
  let plain: Report;
  let both: Report;
  let backOnly: Report;
  beforeAll(() => {
    plain = drained(chain([], null));
    both = drained(chain(['front', 'back'], { hopLatency: HOP, hopCpu: 0.0002, mtls: true, mtlsCpu: 0.0003 }));
    backOnly = drained(chain(['back'], { hopLatency: HOP, hopCpu: 0.0002, mtls: true, mtlsCpu: 0.0003 }));
  });

  it('every request sent has an answer before the end, in all three runs, and the same requests complete', () => {
    for (const report of [plain, both, backOnly]) expect(report.totals.inFlight).toBe(0);
    expect(latencyOf(both).count).toBe(latencyOf(plain).count);
    expect(latencyOf(backOnly).count).toBe(latencyOf(plain).count);
  });

  it('front and back meshed: + 2 × 1 × hop (users → front, front’s sidecar) + 2 × 2 × hop (front → back, both) = 6 × hop a request, to 1e-12 s', () => {
    expect(Math.abs(latencyOf(both).mean - latencyOf(plain).mean - 6 * HOP)).toBeLessThan(1e-12);
  });

  it('only back has a sidecar: the call front → back passes that one only, + 2 × hop a request', () => {
    expect(Math.abs(latencyOf(backOnly).mean - latencyOf(plain).mean - 2 * HOP)).toBeLessThan(1e-12);
  });

  it('the report lists the meshed links with the sidecars each passes and the round trip they add', () => {
    expect(both.mesh?.links.map((l) => [l.link, l.sidecars, l.addedRoundTrip, l.mtls])).toEqual([
      ['users-front', 1, 2 * HOP, false],
      ['front-back', 2, 4 * HOP, true],
    ]);
    expect(backOnly.mesh?.links.map((l) => [l.link, l.sidecars, l.mtls])).toEqual([['front-back', 1, false]]);
    expect(both.theory).toBeNull();
  });

  it('sidecar CPU: hop CPU per request through it, plus mTLS CPU on the call between two sidecars', () => {
    const sent = node(both, 'front').arrivals;
    const front = node(both, 'front').sidecar;
    const back = node(both, 'back').sidecar;
    // front's sidecar: every request in (no mTLS from the users) and out (mTLS to back's).
    expect(front?.inbound).toBe(sent);
    expect(front?.outbound).toBe(sent);
    expect(front?.cpuSeconds).toBeCloseTo(sent * 0.0002 + sent * (0.0002 + 0.0003), 9);
    expect(back?.cpuSeconds).toBeCloseTo(sent * (0.0002 + 0.0003), 9);
    expect(back?.cores).toBeCloseTo((back?.cpuSeconds ?? 0) / 120, 12);
    expect(both.mesh?.cpuSeconds).toBeCloseTo((front?.cpuSeconds ?? 0) + (back?.cpuSeconds ?? 0), 12);
    // Priced at the service's own price per core: $0.10 an hour over 4 workers.
    expect(front?.costPerHour).toBeCloseTo(((front?.cpuSeconds ?? 0) / 120) * (0.1 / 4), 12);
    expect(node(plain, 'front').sidecar).toBeUndefined();
  });
});

/** A report's figures without the mesh's own (what the mesh adds beside the figures it must not change). */
function figuresOf(report: Report): unknown {
  const { mesh: _mesh, theory: _theory, ...rest } = report;
  return { ...rest, nodes: rest.nodes.map(({ sidecar: _sidecar, ...n }) => n) };
}

/** `scenario` with the call policy of link `id` moved into a mesh over every server, with hop costs `hop`. */
function moveIntoMesh(scenario: Scenario, id: string, hop = { hopLatency: 0, hopCpu: 0, mtlsCpu: 0 }): Scenario {
  const link = scenario.links.find((l) => l.id === id) as Link;
  const mesh: Mesh = { ...hop, mtls: true, policy: link.call as CallPolicy };
  const links = scenario.links.map(({ call, ...l }) => (l.id === id ? l : { ...l, ...(call && { call }) }));
  const nodes = scenario.nodes.map((n) => (n.kind === 'server' ? { ...n, sidecar: true } : n));
  return { ...scenario, nodes, links, mesh };
}

describe('the mesh’s policy behaves as the same policy written on the link', () => {
  it('breaker-opens-recovers.json: timeout and breaker in the mesh, free sidecars: the same report, figure for figure', () => {
    const onLink = loadAndRun('breaker-opens-recovers.json');
    const meshed = runExample(moveIntoMesh(onLink.scenario, 'api-payments'));
    expect(figuresOf(meshed)).toEqual(figuresOf(onLink.report));
    expect(meshed.mesh?.links.find((l) => l.link === 'api-payments')?.policy).toBe('mesh');
    expect(node(meshed, 'api').sidecar?.policyLinks).toEqual(['api-payments']);
  });

  it('with a hop latency, the same as the links lengthened by their sidecars’ hops', () => {
    const { scenario } = loadAndRun('breaker-opens-recovers.json');
    const hop = { hopLatency: 0.002, hopCpu: 0.0001, mtlsCpu: 0.0002 };
    const meshed = runExample(moveIntoMesh(scenario, 'api-payments', hop));
    // users → api passes api's sidecar; api → payments passes both.
    const longer = scenario.links.map((l) => ({ ...l, latency: l.latency + (l.id === 'users-api' ? 1 : 2) * hop.hopLatency }));
    const plain = runExample({ ...scenario, links: longer });
    expect(figuresOf(meshed)).toEqual(figuresOf(plain));
    expect(meshed.totals.latency.mean).toBeGreaterThan(0);
  });

  it('retries and timeouts between two services (a retry storm): the same report', () => {
    const policy: Partial<CallPolicy> = { timeout: 0.3, retries: { count: 2, backoff: 0.05, jitter: true }, budget: { percent: 20, burst: 10 } };
    const onLink = chain([], null, policy);
    const loaded = { ...onLink, nodes: onLink.nodes.map((n) => (n.id === 'users' && n.kind === 'client' ? { ...n, workload: { mode: 'open' as const, rate: 62 } } : n)) };
    const plain = runExample(loaded);
    const meshed = runExample(moveIntoMesh(loaded, 'front-back'));
    expect(figuresOf(meshed)).toEqual(figuresOf(plain));
    const calls = node(meshed, 'front').calls?.[0];
    expect(calls?.retries).toBeGreaterThan(0);
    expect(calls?.timeouts).toBeGreaterThan(0);
  });
});

describe('a link’s own call policy takes precedence over the mesh’s', () => {
  it('the link keeps its own policy; the mesh’s governs the other meshed links', () => {
    const own: CallPolicy = { timeout: 0.05, retries: { count: 1, backoff: 0.01, jitter: false }, budget: null, breaker: null, maxConcurrent: null };
    const meshPolicy: CallPolicy = { timeout: 1, retries: { count: 3, backoff: 0.01, jitter: false }, budget: null, breaker: null, maxConcurrent: 7 };
    const base = chain(['front', 'back'], { hopLatency: 0, hopCpu: 0, mtlsCpu: 0, policy: meshPolicy }, own);
    const meshed = runExample(base);
    const plain = runExample({ ...chain([], null, own) });
    expect(figuresOf(meshed)).toEqual(figuresOf(plain));
    expect(meshed.mesh?.links.find((l) => l.link === 'front-back')?.policy).toBe('own');
    expect(node(meshed, 'front').sidecar?.policyLinks).toEqual([]);
    // Without a policy of its own, the link takes the mesh's (its bulkhead shows in the calls).
    const { call: _call, ...bare } = base.links[1] as Link;
    const taken = runExample({ ...base, links: [base.links[0] as Link, bare] });
    expect(node(taken, 'front').calls?.[0]?.link).toBe('front-back');
    expect(taken.mesh?.links.find((l) => l.link === 'front-back')?.policy).toBe('mesh');
  });

  it('the caller’s sidecar applies it: to a database (one sidecar), not from an unmeshed sender, not to a session lookup', () => {
    const policy = CallPolicySchema.parse({ timeout: 0.5 });
    const scenario = buildScenario({
      duration: 20,
      nodes: [
        { id: 'users', kind: 'client', workload: { mode: 'open', rate: 20 } },
        { id: 'api', kind: 'server', workers: 4, serviceTime: { type: 'constant', value: 0.01 }, sidecar: true, sessions: 'externalStore' },
        { id: 'sessions', kind: 'sessionStore', workers: 2, serviceTime: { type: 'constant', value: 0.001 } },
        { id: 'db', kind: 'database', workers: 2, readTime: { type: 'constant', value: 0.002 }, writeTime: { type: 'constant', value: 0.004 } },
      ] as ScenarioInput['nodes'],
      links: [
        { id: 'users-api', from: 'users', to: 'api', latency: 0.001 },
        { id: 'api-sessions', from: 'api', to: 'sessions', latency: 0.001 },
        { id: 'api-db', from: 'api', to: 'db', latency: 0.001 },
      ],
      mesh: { policy } as ScenarioInput['mesh'],
    });
    const report = runExample(scenario);
    const links = Object.fromEntries((report.mesh?.links ?? []).map((l) => [l.link, [l.sidecars, l.policy]]));
    expect(links).toEqual({ 'users-api': [1, 'none'], 'api-sessions': [1, 'none'], 'api-db': [1, 'mesh'] });
    expect(node(report, 'api').calls?.map((c) => c.link)).toEqual(['api-db']);
    expect(report.totals.completed).toBeGreaterThan(300);
  });

  it('a mesh policy that does nothing leaves the links plain: the worker does not wait on the call', () => {
    const meshed = runExample(chain(['front', 'back'], { hopLatency: 0, hopCpu: 0, mtlsCpu: 0 }));
    expect(node(meshed, 'front').calls).toBeUndefined();
    expect(figuresOf(meshed)).toEqual(figuresOf(runExample(chain([], null))));
  });

  it('without a mesh, a server’s sidecar does nothing', () => {
    const report = runExample(chain(['front', 'back'], null));
    expect(report.mesh).toBeUndefined();
    expect(figuresOf(report)).toEqual(figuresOf(runExample(chain([], null))));
  });
});

describe('live edits keep the sidecars’ counts', () => {
  it('turning back’s sidecar off mid-run: front → back passes one sidecar from then on', () => {
    const scenario = chain(['front', 'back'], { hopLatency: HOP });
    const nodes = withNode(scenario, 'back', { sidecar: false }).nodes;
    const report = runExample({ ...scenario, changes: [{ at: 60, nodes, links: scenario.links }] });
    expect(report.mesh?.links.find((l) => l.link === 'front-back')?.sidecars).toBe(1);
    // back is rebuilt at 60 s (its settings changed): the report lists the retired one and the new one.
    const backs = report.nodes.filter((n) => n.id === 'back');
    expect(backs.map((n) => n.sidecar === undefined)).toEqual([false, true]);
    expect(node(report, 'front').sidecar?.outbound).toBe(backs.reduce((sum, n) => sum + n.arrivals, 0));
    // back's sidecar counted the requests it took before it went: those sent before 60 s.
    expect(backs[0]?.sidecar?.inbound).toBe(backs[0]?.arrivals);
  });
});

describe('bad mesh input is refused, naming the field', () => {
  const refusal = (mesh: unknown, sidecar: unknown = true) => {
    const parsed = parseScenario({
      version: 4,
      nodes: [
        { id: 'users', kind: 'client', workload: { mode: 'open', rate: 1 } },
        { id: 'api', kind: 'server', sidecar },
      ],
      links: [{ id: 'l', from: 'users', to: 'api' }],
      mesh,
    });
    return parsed.ok ? '' : parsed.errors.join('\n');
  };
  it.each([
    [{ hopLatency: -0.001 }, 'mesh.hopLatency'],
    [{ hopCpu: -1 }, 'mesh.hopCpu'],
    [{ mtlsCpu: -1 }, 'mesh.mtlsCpu'],
    [{ policy: { timeout: 0 } }, 'mesh.policy.timeout'],
    [{ policy: { retries: { count: 11, backoff: 0.1, jitter: true } } }, 'mesh.policy.retries.count'],
  ])('%j', (mesh, field) => {
    expect(refusal(mesh)).toContain(field);
  });
  it('a sidecar that is not true or false names the node and field', () => {
    const message = refusal({}, 'yes');
    expect(message).toContain('api');
    expect(message).toContain('sidecar');
  });
});

function loadAndRun(name: string): { scenario: Scenario; report: Report } {
  const scenario = loadExample(name);
  return { scenario, report: runExample(scenario) };
}
