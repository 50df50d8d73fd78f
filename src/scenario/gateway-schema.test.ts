import { describe, expect, it } from 'vitest';
import { GatewayNodeSchema, gatewayWithoutDangling } from './gateway-schema';
import { parseScenario } from './parse';
import { SCENARIO_VERSION } from './schema';

/** users → gw → api, with the gateway's fields overridden. */
function withGateway(gateway: Record<string, unknown>) {
  return parseScenario({
    version: SCENARIO_VERSION,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate: 10 } },
      { id: 'gw', kind: 'gateway', ...gateway },
      { id: 'api', kind: 'server', workers: 2, serviceTime: { type: 'constant', value: 0.01 } },
    ],
    links: [
      { id: 'in', from: 'users', to: 'gw' },
      { id: 'on', from: 'gw', to: 'api' },
    ],
  });
}

const errorsOf = (gateway: Record<string, unknown>) => {
  const result = withGateway(gateway);
  return result.ok ? [] : result.errors;
};

describe('a gateway refuses bad input with a message naming the node and the field', () => {
  it('a route to a service it does not link to', () => {
    expect(errorsOf({ routes: [{ pathPrefix: '/orders', services: ['orders'] }] })).toEqual([
      'gateway "gw" field "routes.0.services.0": "orders" is not linked from this gateway; link it first.',
    ]);
  });

  it('a negative rate or burst', () => {
    const errors = errorsOf({ rateLimit: { policy: 'tokenBucket', rate: -5, burst: -1 } });
    expect(errors).toContain('node "gw" (nodes[1]) field "rateLimit.rate": must be greater than 0 (it is -5).');
    expect(errors).toContain('node "gw" (nodes[1]) field "rateLimit.burst": must be at least 1 (it is -1).');
  });

  it('a quorum larger than the fan-out', () => {
    expect(errorsOf({ routes: [{ services: ['api', 'api'], quorum: 3 }] })).toEqual([
      'gateway "gw" field "routes.0.quorum": a quorum of 3 is larger than the 2 service(s) the route fans out to.',
    ]);
  });

  it('an auth service that is missing or not linked', () => {
    expect(errorsOf({ auth: { mode: 'service' } })).toEqual(['gateway "gw" field "auth.service": mode "service" needs the id of a linked auth service.']);
    expect(errorsOf({ auth: { mode: 'service', service: 'idp' } })).toEqual([
      'gateway "gw" field "auth.service": "idp" is not linked from this gateway; link it first.',
    ]);
  });

  it('a good gateway parses, with every default filled in', () => {
    const result = withGateway({ routes: [{ services: ['api'] }] });
    expect(result.ok).toBe(true);
  });
});

describe('a gateway after links were removed', () => {
  const gateway = GatewayNodeSchema.parse({
    id: 'gw',
    kind: 'gateway',
    auth: { mode: 'service', service: 'idp' },
    routes: [
      { pathPrefix: '/a', services: ['a', 'b', 'c'], quorum: 3 },
      { pathPrefix: '/c', services: ['c'] },
    ],
  });

  it('drops services it no longer links to, shrinking quorums, and a route left with none', () => {
    const after = gatewayWithoutDangling(gateway, new Set(['a', 'b', 'idp']));
    expect(after.routes).toEqual([{ ...gateway.routes[0], services: ['a', 'b'], quorum: 2 }]);
    expect(after.auth).toEqual(gateway.auth);
  });

  it('falls back to local validation when its auth service is gone, and is unchanged when nothing is', () => {
    expect(gatewayWithoutDangling(gateway, new Set(['a', 'b', 'c'])).auth).toMatchObject({ mode: 'local', service: null });
    expect(gatewayWithoutDangling(gateway, new Set(['a', 'b', 'c', 'idp']))).toBe(gateway);
  });
});

describe('a gateway that links nowhere', () => {
  it('is warned about: what it admits fails with "no route"', () => {
    const result = parseScenario({
      version: SCENARIO_VERSION,
      nodes: [
        { id: 'users', kind: 'client', workload: { mode: 'open', rate: 10 } },
        { id: 'gw', kind: 'gateway' },
      ],
      links: [{ id: 'in', from: 'users', to: 'gw' }],
    });
    expect(result.ok && result.warnings).toEqual(['gateway "gw" links to no service: requests it admits fail with "no route".']);
  });
});
