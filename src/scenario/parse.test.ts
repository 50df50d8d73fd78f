import { describe, expect, it } from 'vitest';
import { findCycle, parseScenario, parseScenarioJson } from './parse';
import { server, valid, warningsOf } from './parse-fixtures';
import { SCENARIO_LIMITS, SCENARIO_VERSION } from './schema';

/*
 * What the parser accepts, and what it accepts with a warning. What it
 * refuses is in parse-refusals.test.ts.
 */

describe('parseScenario accepts', () => {
  it('a minimal scenario and fills in every default', () => {
    const result = parseScenario(valid());
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.warnings).toEqual([]);
    const { scenario } = result;
    expect(scenario).toMatchObject({ version: SCENARIO_VERSION, seed: 1, duration: 60, warmup: 0, hopLimit: 16 });
    expect(scenario.nodes[0]).toMatchObject({ timeout: null, writeRatio: 0, retries: { count: 0 }, position: { x: 0, y: 0 } });
    expect(scenario.nodes[1]).toMatchObject({ queueCapacity: null });
    expect(scenario.links[0]).toMatchObject({ latency: 0.001, weight: 1 });
  });

  it('a fault on a session store, which can crash like a server', () => {
    const data = valid();
    data.nodes.push({ id: 'store', kind: 'sessionStore', workers: 2, serviceTime: { type: 'constant', value: 0.001 } });
    data.links.push({ id: 'api-store', from: 'api', to: 'store' });
    const result = parseScenario({ ...data, faults: [{ at: 5, node: 'store', action: 'crash' }] });
    expect(result.ok).toBe(true);
  });

  it('a 1000-node file, quickly', () => {
    const servers = Array.from({ length: SCENARIO_LIMITS.maxNodes - 2 }, (_, i) => server(`s${i}`));
    const text = JSON.stringify({
      version: 1,
      nodes: [{ id: 'users', kind: 'client', workload: { mode: 'open', rate: 100 } }, { id: 'lb', kind: 'loadBalancer' }, ...servers],
      links: [{ id: 'in', from: 'users', to: 'lb' }, ...servers.map((s) => ({ id: `to-${s.id}`, from: 'lb', to: s.id }))],
    });
    const started = performance.now();
    const result = parseScenarioJson(text);
    const elapsed = performance.now() - started;
    expect(warningsOf(result)).toEqual([]);
    expect(result.ok && result.scenario.nodes).toHaveLength(1000);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('parseScenario warns, but accepts,', () => {
  it('a cycle with no answering node, naming the cycle and the hop limit', () => {
    const data = valid();
    data.nodes.push(server('worker'));
    data.links.push({ id: 'api-worker', from: 'api', to: 'worker' }, { id: 'worker-api', from: 'worker', to: 'api' });
    expect(warningsOf(parseScenario(data))).toEqual([
      'The links form a cycle (api → worker → api): no node on it or after it answers, so all requests that enter it fail with "hop limit" once they cross more than 16 links.',
    ]);
  });

  it('a cycle with a way out, more mildly', () => {
    const data = valid();
    data.nodes.push(server('worker'), { id: 'db', kind: 'database', workers: 1, readTime: { type: 'constant', value: 0.01 }, writeTime: { type: 'constant', value: 0.02 } });
    data.links.push(
      { id: 'api-worker', from: 'api', to: 'worker' },
      { id: 'worker-api', from: 'worker', to: 'api' },
      { id: 'worker-db', from: 'worker', to: 'db' },
    );
    expect(warningsOf(parseScenario({ ...data, hopLimit: 8 }))).toEqual([
      'The links form a cycle (api → worker → api): requests that go round it fail with "hop limit" once they cross more than 8 links.',
    ]);
  });

  it('a cycle through a database, which forwards rather than answers when it has an outgoing link', () => {
    const data = valid();
    data.nodes.push({ id: 'db', kind: 'database', workers: 1, readTime: { type: 'constant', value: 0.01 }, writeTime: { type: 'constant', value: 0.02 } });
    data.links.push({ id: 'api-db', from: 'api', to: 'db' }, { id: 'db-api', from: 'db', to: 'api' });
    expect(warningsOf(parseScenario(data))).toEqual([
      'The links form a cycle (api → db → api): no node on it or after it answers, so all requests that enter it fail with "hop limit" once they cross more than 16 links.',
    ]);
  });

  it('a cycle through a cache, mildly, since its hits are answered', () => {
    const data = valid();
    data.nodes.push({ id: 'cache', kind: 'cache' });
    data.links.push({ id: 'api-cache', from: 'api', to: 'cache' }, { id: 'cache-api', from: 'cache', to: 'api' });
    expect(warningsOf(parseScenario(data))).toEqual([
      'The links form a cycle (api → cache → api): requests that go round it fail with "hop limit" once they cross more than 16 links.',
    ]);
  });

  it('a cache or CDN with no link onwards, whose misses have nowhere to go', () => {
    const data = valid();
    data.nodes.push({ id: 'edge', kind: 'cdn' });
    data.links.push({ id: 'users-edge', from: 'users', to: 'edge' });
    expect(warningsOf(parseScenario(data))).toEqual(['CDN "edge" has no link onwards: its misses and writes fail with "no route".']);
  });

  it('a client with no link, a load balancer with no target, and a scenario with no client', () => {
    expect(warningsOf(parseScenario({ version: 1, nodes: [{ id: 'users', kind: 'client', workload: { mode: 'open', rate: 1 } }], links: [] }))).toEqual([
      'client "users" has no outgoing link: its requests fail with "no route".',
    ]);
    expect(warningsOf(parseScenario({ version: 1, nodes: [{ id: 'lb', kind: 'loadBalancer' }], links: [] }))).toEqual([
      'load balancer "lb" has no targets: requests to it fail with "no route".',
      'There is no client, so no requests are sent.',
    ]);
  });

  it('a fault set for after the run ends', () => {
    const data = { ...valid(), duration: 30, faults: [{ at: 45, node: 'api', action: 'crash' }] };
    expect(warningsOf(parseScenario(data))).toEqual(['fault (faults[0]): it is set for 45 s, after the run ends (30 s), so it never happens.']);
  });

  it('misspelt fields, which would otherwise fall silently to their defaults', () => {
    const data = { ...valid(), sede: 7 };
    data.nodes[1] = server('api', { queueCapacty: 10 });
    data.links[0] = { ...data.links[0], latncy: 0.2, colour: 'red' };
    const result = parseScenario(data);
    expect(warningsOf(result)).toEqual([
      'node "api" (nodes[1]): unknown field "queueCapacty" is ignored. Did you mean "queueCapacity"?',
      'link "users-api" (links[0]): unknown field "latncy" is ignored. Did you mean "latency"?',
      'link "users-api" (links[0]): unknown field "colour" is ignored.',
      'scenario: unknown field "sede" is ignored. Did you mean "seed"?',
    ]);
    expect(result.ok && result.scenario.seed).toBe(1);
  });
});

describe('unknown-field warnings', () => {
  it('stop after ten, counting the rest, so a file from another tool does not flood the screen', () => {
    const data = valid();
    for (let i = 0; i < 12; i++) data.nodes.push(server(`extra-${i}`, { colour: 'blue' }));
    const warnings = warningsOf(parseScenario(data));
    expect(warnings).toHaveLength(11);
    expect(warnings[0]).toBe('node "extra-0" (nodes[2]): unknown field "colour" is ignored.');
    expect(warnings[10]).toBe('…and 2 more unknown fields, all ignored.');
  });

  it('reach inside nested settings: retries, distributions and health checks', () => {
    const data = valid();
    data.nodes[0] = { ...data.nodes[0], retries: { count: 2, backoff: 0.1, jitter: true, jiter: false } };
    data.nodes[1] = server('api', { serviceTime: { type: 'exponential', mean: 0.1, cv: 2 } });
    data.nodes.push({ id: 'lb', kind: 'loadBalancer', healthCheck: { pasive: { consecutiveFailures: 3, cooloff: 10 } } });
    expect(warningsOf(parseScenario(data))).toEqual([
      'node "users" (nodes[0]) field "retries": unknown field "jiter" is ignored. Did you mean "jitter"?',
      'node "api" (nodes[1]) field "serviceTime": unknown field "cv" is ignored.',
      'node "lb" (nodes[2]) field "healthCheck": unknown field "pasive" is ignored. Did you mean "passive"?',
      'load balancer "lb" has no targets: requests to it fail with "no route".',
    ]);
  });

  it('cover faults too', () => {
    const data = { ...valid(), faults: [{ at: 1, node: 'api', action: 'slow', factr: 3 }] };
    expect(warningsOf(parseScenario(data))).toEqual(['fault (faults[0]): unknown field "factr" is ignored. Did you mean "factor"?']);
  });
});

describe('findCycle', () => {
  const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
  it('returns a cycle as the path that closes on itself', () => {
    const links = [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'd' },
      { from: 'd', to: 'b' },
    ];
    expect(findCycle({ nodes, links })).toEqual(['b', 'c', 'd', 'b']);
  });

  it('returns null for a diamond, which merges but does not loop', () => {
    const links = [
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
      { from: 'b', to: 'd' },
      { from: 'c', to: 'd' },
    ];
    expect(findCycle({ nodes, links })).toBeNull();
  });
});
