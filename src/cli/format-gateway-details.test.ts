import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import { buildScenario } from '../engine/testing/build-scenario';
import { nodeDetailLines } from './format-node-details';

describe('the terminal report of a gateway', () => {
  it('says what it admitted, throttled and refused, its calls, and its limit per key', () => {
    const report = runScenario(
      buildScenario({
        duration: 10,
        nodes: [
          { id: 'users', kind: 'client', workload: { mode: 'open', rate: 200 }, invalidCredentials: 0.1 },
          {
            id: 'gw',
            kind: 'gateway',
            auth: { mode: 'service', service: 'idp' },
            rateLimit: { policy: 'tokenBucket', scope: 'perClient', rate: 100, burst: 10 },
            routes: [{ pathPrefix: '/', services: ['a', 'b'] }],
          },
          { id: 'idp', kind: 'server', workers: 4, serviceTime: { type: 'constant', value: 0.001 } },
          { id: 'a', kind: 'server', workers: 4, serviceTime: { type: 'constant', value: 0.001 } },
          { id: 'b', kind: 'server', workers: 4, serviceTime: { type: 'constant', value: 0.001 } },
        ],
        links: [
          { id: 'in', from: 'users', to: 'gw' },
          ...['idp', 'a', 'b'].map((id) => ({ id, from: 'gw', to: id })),
        ],
      }),
    );
    const gateway = report.nodes.find((n) => n.id === 'gw');
    if (!gateway) throw new Error('no gateway in the report');
    const lines = nodeDetailLines(gateway);
    expect(lines[1]).toBe('API gateway gw: what it let through');
    expect(lines[2]).toMatch(/^ {2}admitted 1,\d{3} · throttled \(429\) [\d,]+ · unauthorized \(401\) \d+ · forwarded \d+$/);
    expect(lines[3]).toMatch(/auth-service calls, \d+ token-cache hits · [\d,]+ parallel service calls$/);
    expect(lines[4]).toMatch(/limit key +admitted +throttled +throttled % +room at the end/);
    expect(lines[5]).toMatch(/^ {2}users +1,\d{3} +[\d,]+ +\d+\.\d%/);
  });
});
