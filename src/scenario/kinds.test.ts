import { describe, expect, it } from 'vitest';
import { FAULTABLE_KINDS, FLUSHABLE_KINDS, faultRefusal } from './faults';
import { isNodeKind, KIND_TRAITS, listKinds, NODE_KINDS, oneOfKinds, scenarioCostPerHour } from './kinds';
import { createNode } from './node-factory';

describe('the kind table', () => {
  it('lists every kind once, in palette order', () => {
    expect(NODE_KINDS).toEqual(['client', 'loadBalancer', 'server', 'database', 'cache', 'cdn', 'sessionStore', 'messageQueue', 'topic', 'parallelJob', 'gateway', 'registry', 'pooler']);
    expect(isNodeKind('cdn')).toBe(true);
    expect(isNodeKind('toString')).toBe(false);
  });

  it('gives each kind its own id prefix and title', () => {
    const prefixes = NODE_KINDS.map((kind) => KIND_TRAITS[kind].idPrefix);
    const titles = NODE_KINDS.map((kind) => KIND_TRAITS[kind].title);
    expect(new Set(prefixes).size).toBe(NODE_KINDS.length);
    expect(new Set(titles).size).toBe(NODE_KINDS.length);
  });

  it('derives the kinds a fault can reach, and the message that names them', () => {
    expect(FAULTABLE_KINDS).toEqual(['server', 'database', 'cache', 'cdn', 'sessionStore', 'parallelJob']);
    expect(FLUSHABLE_KINDS).toEqual(['cache', 'cdn']);
    expect(faultRefusal('client', 'crash')).toBe('only servers, databases, caches, CDNs, session stores and parallel jobs can crash or slow down.');
    expect(faultRefusal('database', 'flush')).toBe('only caches and CDNs can be flushed.');
    expect(faultRefusal('cache', 'flush')).toBeNull();
  });

  it('lists kinds as a sentence does', () => {
    expect(listKinds([])).toBe('');
    expect(listKinds(['cdn'])).toBe('CDNs');
    expect(listKinds(['server', 'database', 'cache'])).toBe('servers, databases and caches');
  });

  it('offers one of several kinds as a sentence does', () => {
    expect(oneOfKinds([])).toBe('');
    expect(oneOfKinds(['cdn'])).toBe('a CDN');
    expect(oneOfKinds(['server', 'database', 'cache'])).toBe('a server, a database or a cache');
  });

  it("costs a scenario by each kind's rule: servers' replicas × their cost, the rest free", () => {
    const server = { ...createNode('server', 'app', 'App', { x: 0, y: 0 }), replicas: 3, costPerHour: 0.1 };
    const database = createNode('database', 'db', 'DB', { x: 0, y: 0 });
    expect(scenarioCostPerHour([server, database])).toBeCloseTo(0.3);
  });
});
