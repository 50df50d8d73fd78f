import { describe, expect, it } from 'vitest';
import { createNode } from '../scenario/node-factory';
import { nodeSummary } from './node-kinds';

describe('a card summary shows the settings a name would otherwise have to carry', () => {
  it("a server's workers (one worker, singular) and its speed, when it is not the baseline", () => {
    const server = createNode('server', 'n', 'N', { x: 0, y: 0 });
    expect(nodeSummary(server)).not.toMatch(/speed/);
    expect(nodeSummary({ ...server, workers: 1 })).toMatch(/^1 worker · /);
    expect(nodeSummary({ ...server, speed: 0.5 })).toMatch(/ · speed ×0\.5$/);
  });

  it("a cache's expiry, alone or beside its eviction policy", () => {
    const cache = createNode('cache', 'n', 'N', { x: 0, y: 0 });
    expect(nodeSummary({ ...cache, capacity: 600, eviction: 'ttl', ttl: 1.7 })).toBe('600 entries · TTL 1.7 s');
    expect(nodeSummary({ ...cache, capacity: 500, eviction: 'lru', ttl: 30 })).toBe('500 entries · LRU · TTL 30 s');
    expect(nodeSummary({ ...cache, capacity: 500, eviction: 'lru', ttl: null })).toBe('500 entries · LRU');
  });

  it("a client's addresses, when set", () => {
    const client = createNode('client', 'n', 'N', { x: 0, y: 0 });
    expect(nodeSummary(client)).not.toMatch(/addresses/);
    expect(nodeSummary({ ...client, addresses: 24 })).toMatch(/ · 24 addresses$/);
  });
});
