import { parseScenario } from '../../scenario/parse';
import type { Scenario, ScenarioInput } from '../../scenario/schema';

/** Parses a scenario written in a test, failing loudly if the test wrote it wrong. */
export function buildScenario(input: Omit<ScenarioInput, 'version'>): Scenario {
  const parsed = parseScenario({ version: 1, ...input });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** client → lb → n servers, zero link latency, so closed forms apply directly. */
export function balancedPool(options: {
  rate: number;
  servers: number;
  serviceMean: number;
  algorithm: string;
  duration: number;
  warmup?: number;
  seed?: number;
  healthCheck?: unknown;
  faults?: unknown[];
  latency?: number;
}): Scenario {
  const ids = Array.from({ length: options.servers }, (_, i) => `server-${i + 1}`);
  const latency = options.latency ?? 0;
  return buildScenario({
    duration: options.duration,
    warmup: options.warmup ?? 0,
    seed: options.seed ?? 1,
    nodes: [
      { id: 'client', kind: 'client', workload: { mode: 'open', rate: options.rate } },
      { id: 'lb', kind: 'loadBalancer', algorithm: options.algorithm, healthCheck: options.healthCheck },
      ...ids.map((id) => ({ id, kind: 'server', workers: 1, serviceTime: { type: 'exponential', mean: options.serviceMean } })),
    ] as ScenarioInput['nodes'],
    links: [
      { id: 'in', from: 'client', to: 'lb', latency },
      ...ids.map((id) => ({ id: `to-${id}`, from: 'lb', to: id, latency })),
    ],
    faults: options.faults as ScenarioInput['faults'],
  });
}
