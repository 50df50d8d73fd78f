import type { Scenario, ScenarioInput } from '../../scenario/schema';
import { buildScenario } from './build-scenario';

/** client → (balancer →) a scaling server group: what the autoscaling tests run. */
export function scalingScenario(options: {
  rate: number;
  autoscaling: unknown;
  replicas?: number;
  workers?: number;
  serviceMean?: number;
  duration?: number;
  latency?: number;
  balancer?: boolean;
  seed?: number;
  changes?: unknown[];
}): Scenario {
  const latency = options.latency ?? 0;
  const server = {
    id: 'api',
    kind: 'server',
    workers: options.workers ?? 1,
    serviceTime: { type: 'exponential', mean: options.serviceMean ?? 0.1 },
    replicas: options.replicas ?? 1,
    costPerHour: 0.36,
    autoscaling: options.autoscaling,
  };
  const client = { id: 'users', kind: 'client', workload: { mode: 'open', rate: options.rate } };
  return buildScenario({
    // Version 4 as written: a version-1 file's `changes` would be dropped by the migration.
    version: 4,
    duration: options.duration ?? 200,
    warmup: 0,
    seed: options.seed ?? 1,
    nodes: (options.balancer ? [client, { id: 'lb', kind: 'loadBalancer', algorithm: 'roundRobin' }, server] : [client, server]) as ScenarioInput['nodes'],
    links: options.balancer
      ? [
          { id: 'in', from: 'users', to: 'lb', latency },
          { id: 'out', from: 'lb', to: 'api', latency },
        ]
      : [{ id: 'in', from: 'users', to: 'api', latency }],
    ...(options.changes ? { changes: options.changes } : {}),
  } as Omit<ScenarioInput, 'version'>);
}
