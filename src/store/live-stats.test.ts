import { beforeEach, describe, expect, it } from 'vitest';
import type { LiveNode } from '../engine/types';
import type { Frame } from '../worker/protocol';
import { NO_FAILURES } from '../worker/testing/fake-simulation';
import { createAppStore, type AppStore } from './index';
import { computeNodeLiveStats } from './live-stats';
import { starterScenario } from '../scenario/starter';

let store: AppStore;
const node = (busy: number, queueLength: number, workers = 4, fault: Partial<LiveNode> = {}) => ({
  busy,
  queueLength,
  inSystem: busy + queueLength,
  workers,
  ...fault,
});
const windowNode = (utilization: number, dropped = 0) => ({ utilization, queueLength: 0, p99: 0.08, served: 10, dropped });

/** Feeds one frame in which nodes 0..n have the given live figures and last-window figures. */
function feed(nodes: ReturnType<typeof node>[], windowNodes: ReturnType<typeof windowNode>[] | null) {
  const frame = {
    epoch: 1,
    now: 3,
    simFrom: 2,
    wallSpan: 16,
    status: 'running',
    snapshot: { now: 3, events: 1, sent: 1, completed: 1, failed: 0, failures: NO_FAILURES, inFlight: 0, retries: 0, nodes },
    windows: windowNodes ? [{ start: 2, end: 3, completed: 1, failed: 0, throughput: 1, p50: 0, p95: 0, p99: 0, nodes: windowNodes }] : [],
    particles: { link: new Uint32Array(), depart: new Float64Array(), arrive: new Float64Array(), outcome: new Uint8Array(), reverse: new Uint8Array() },
    sampleEvery: 1,
    report: null,
    error: null,
  } satisfies Frame;
  store.getState().applyFrame(frame, 0);
  store.getState().flushMetrics();
}

beforeEach(() => {
  store = createAppStore(starterScenario());
  store.getState().startMetrics(1, ['a', 'b', 'c', 'd'], []);
});

describe('computeNodeLiveStats', () => {
  it('is null before any run has figures, and for a node the run does not know', () => {
    expect(computeNodeLiveStats(store.getState(), 'a')).toBeNull();
    feed([node(1, 0)], null);
    expect(computeNodeLiveStats(store.getState(), 'zzz')).toBeNull();
  });

  it('uses the instant utilization until a window closes, then the window', () => {
    feed([node(2, 0)], null);
    expect(computeNodeLiveStats(store.getState(), 'a')).toEqual({ utilization: 0.5, queueLength: 0, p99: 0, health: 'healthy', down: false, slowFactor: 1, resources: null, saturated: null, replicas: null, replicaBusy: null });
    feed([node(2, 0)], [windowNode(0.3)]);
    expect(computeNodeLiveStats(store.getState(), 'a')).toMatchObject({ utilization: 0.3, p99: 0.08 });
  });

  it('badges the saturated resource of a server with resources, memory while it pages, none when all are below 85 %', () => {
    const at = (cpu: number, disk: number, network: number, memory: number) => node(2, 0, 4, { resources: { cpu, disk, network, memory } });
    feed([at(0.4, 0.99, 0.1, 0.6), at(0.95, 0.3, 0.1, 0.6), at(0.95, 0.3, 0.1, 1.2), at(0.8, 0.84, 0.5, 0.9)], null);
    const badges = ['a', 'b', 'c', 'd'].map((id) => computeNodeLiveStats(store.getState(), id)?.saturated);
    expect(badges).toEqual(['disk', 'cpu', 'memory', null]);
  });

  it('tells idle, healthy, saturated and failing apart', () => {
    feed([node(0, 0), node(1, 0), node(4, 9), node(4, 0)], [{ ...windowNode(0), served: 0 }, windowNode(0.4), windowNode(0.95), windowNode(0.9, 3)]);
    const all = ['a', 'b', 'c', 'd'].map((id) => computeNodeLiveStats(store.getState(), id)?.health);
    expect(all).toEqual(['idle', 'healthy', 'saturated', 'failing']);
  });

  it('says when a node is down (failing) or slowed by a fault', () => {
    feed([node(0, 0, 4, { down: true }), node(1, 0, 4, { slowFactor: 5 })], [windowNode(0), windowNode(0.3)]);
    expect(computeNodeLiveStats(store.getState(), 'a')).toMatchObject({ down: true, health: 'failing', slowFactor: 1 });
    expect(computeNodeLiveStats(store.getState(), 'b')).toMatchObject({ down: false, health: 'healthy', slowFactor: 5 });
  });

  it('gives each replica of a replicated node its own state: one down is not the node down', () => {
    const replica = (down: boolean, slowFactor = 1) => ({ busy: 0, queueLength: 0, utilization: 0, down, slowFactor });
    feed([node(1, 0, 4, { perReplica: [replica(false), replica(true), replica(false, 3)], replicasDown: 1 })], [windowNode(0.3)]);
    expect(computeNodeLiveStats(store.getState(), 'a')).toMatchObject({ down: false, replicas: ['up', 'down', 'slow'], replicaBusy: [0, 0, 0] });
  });

  it('counts a registry’s listed instances, stale copies and stale calls, and turns it failing in a window with stale calls', () => {
    const cache = (stale: number) => ({ name: 'c', entries: 4, stale, missing: 0, expiresAt: 9, refreshes: 1, staleCalls: 0 });
    const registry = (mode: 'clientSide' | 'serverSide', staleCalls: number, caches: ReturnType<typeof cache>[]) =>
      node(0, 0, 0, { registry: { mode, listed: ['x', 'y'], instances: 4, calls: 100, staleCalls, unrouted: 0, lookups: 1, caches, changes: [] } });
    const withStaleCalls = { ...windowNode(0), staleCalls: 5 };
    feed([registry('clientSide', 30, [cache(2), cache(0), cache(1)]), registry('serverSide', 0, [])], [withStaleCalls, windowNode(0)]);
    expect(computeNodeLiveStats(store.getState(), 'a')).toMatchObject({ health: 'failing', registry: { listed: 2, staleCaches: 2, caches: 3, staleCalls: 30 } });
    expect(computeNodeLiveStats(store.getState(), 'b')).toMatchObject({ health: 'healthy', registry: { listed: 2, staleCaches: 0, caches: null, staleCalls: 0 } });
  });
});
