import type { DiscoveryMode, ScenarioInput } from '../../scenario/schema';
import type { SimContext } from '../component';
import { InstanceState } from '../elastic/membership';
import { buildScenario } from '../testing/build-scenario';
import type { Simulation } from '../types';

/*
 * A small system for the discovery tests: users → registry → api (n
 * instances that never queue), so every failure is the registry's doing.
 * Only tests import this module.
 */

export interface DiscoveryOptions {
  mode: DiscoveryMode;
  ttl: number;
  rate: number;
  instances?: number;
  resolvers?: number;
  lookupLatency?: number;
  heartbeatTimeout?: number;
  duration: number;
  seed?: number;
  /** Latency of the registry → api link (the users → registry link has none). */
  latency?: number;
  faults?: ScenarioInput['faults'];
}

/** Node index of the api group in the fixture. */
export const API = 2;

/** users → registry → api, as a validated scenario. */
export function discoveryScenario(o: DiscoveryOptions) {
  return buildScenario({
    duration: o.duration,
    seed: o.seed ?? 1,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate: o.rate }, addresses: 1000 },
      {
        id: 'registry',
        kind: 'registry',
        mode: o.mode,
        ttl: o.ttl,
        resolvers: o.resolvers ?? 4,
        lookupLatency: o.lookupLatency ?? 0,
        heartbeatTimeout: o.heartbeatTimeout ?? 10,
      },
      { id: 'api', kind: 'server', workers: 64, replicas: o.instances ?? 4, serviceTime: { type: 'constant', value: 0.001 } },
    ],
    links: [
      { id: 'in', from: 'users', to: 'registry', latency: 0 },
      { id: 'on', from: 'registry', to: 'api', latency: o.latency ?? 0 },
    ],
    faults: o.faults ?? [],
  });
}

/** Instance `instance` (from 0) of node `node` stops taking requests now, as a scale-in does (before the autoscaler exists). */
export function scaleIn(sim: Simulation, node: number, instance: number): void {
  const membership = (sim as unknown as SimContext).membershipOf(node);
  if (!membership) throw new Error(`node ${node} has no membership`);
  membership.set(instance, InstanceState.off, sim.now);
}
