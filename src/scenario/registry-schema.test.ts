import { describe, expect, it } from 'vitest';
import { connectionProblem } from './connection-rules';
import { parseScenario } from './parse';
import { errorsOf, valid, warningsOf } from './parse-fixtures';
import { createNode } from './node-factory';

/* The service registry's fields and links: what the parser and the canvas refuse, each with a message naming the node. */

const registry = (extra: Record<string, unknown> = {}) => ({ id: 'finder', kind: 'registry', ...extra });

function withRegistry(extra: Record<string, unknown> = {}) {
  const data = valid();
  data.nodes.push(registry(extra));
  data.links = [
    { id: 'users-finder', from: 'users', to: 'finder' },
    { id: 'finder-api', from: 'finder', to: 'api' },
  ];
  return data;
}

describe('a service registry in a scenario file', () => {
  it('takes the defaults: client-side, a 30 s TTL, 4 resolvers, a 10 s heartbeat timeout, a 2 ms look-up', () => {
    const parsed = parseScenario(withRegistry());
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.scenario.nodes[2]).toMatchObject({ mode: 'clientSide', ttl: 30, resolvers: 4, heartbeatTimeout: 10, lookupLatency: 0.002 });
  });

  it('refuses a negative TTL, naming the field and the node', () => {
    expect(errorsOf(parseScenario(withRegistry({ ttl: -5 })))).toEqual([
      'node "finder" (nodes[2]) field "ttl": must be at least 0 (it is -5).',
    ]);
  });

  it('refuses a negative heartbeat timeout and look-up latency, and no resolvers', () => {
    expect(errorsOf(parseScenario(withRegistry({ heartbeatTimeout: -1, lookupLatency: -0.1, resolvers: 0 })))).toEqual([
      'node "finder" (nodes[2]) field "resolvers": must be at least 1 (it is 0).',
      'node "finder" (nodes[2]) field "heartbeatTimeout": must be at least 0 (it is -1).',
      'node "finder" (nodes[2]) field "lookupLatency": must be at least 0 (it is -0.1).',
    ]);
  });

  it('refuses a link from a registry to anything but a server group', () => {
    const data = withRegistry();
    data.nodes.push({ id: 'db', kind: 'database', workers: 1, readTime: { type: 'constant', value: 0.01 }, writeTime: { type: 'constant', value: 0.01 } });
    data.links.push({ id: 'finder-db', from: 'finder', to: 'db' });
    expect(errorsOf(parseScenario(data))).toEqual([
      'link "finder-db" field "to": "finder" cannot link to "db": a service registry\'s links go to the server groups whose instances register with it; this one leads to a database.',
    ]);
  });

  it('warns of a registry that knows no server group', () => {
    const data = withRegistry();
    data.links = [{ id: 'users-finder', from: 'users', to: 'finder' }];
    expect(warningsOf(parseScenario(data))).toContain('service registry "finder" knows no server group (link it to one): requests to it fail with "no route".');
  });
});

describe('linking a registry on the canvas', () => {
  const at = { x: 0, y: 0 };
  const scenario = {
    nodes: [createNode('client', 'users', 'Users', at), createNode('registry', 'finder', 'Finder', at), createNode('server', 'api', 'API', at), createNode('cache', 'c', 'Cache', at)],
    links: [],
  };

  it('lets a caller link to it and it link to a server', () => {
    expect(connectionProblem(scenario, 'users', 'finder')).toBeNull();
    expect(connectionProblem(scenario, 'finder', 'api')).toBeNull();
  });

  it('refuses a link from it to a cache, saying what it may link to', () => {
    expect(connectionProblem(scenario, 'finder', 'c')).toBe(
      '“Finder” cannot link to “Cache”: a service registry\'s links go to the server groups whose instances register with it; this one leads to a cache.',
    );
  });
});

