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

/** users → app (2 workers, exponential 10 ms, $0.10 an hour), no link latency: a quick system for sweeps and background jobs. */
export function oneServer(options: { rate: number; duration?: number; warmup?: number }): Scenario {
  return buildScenario({
    ...(options.duration === undefined ? {} : { duration: options.duration }),
    ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
    nodes: [
      { id: 'users', kind: 'client', position: { x: 0, y: 0 }, workload: { mode: 'open', rate: options.rate } },
      { id: 'app', kind: 'server', position: { x: 0, y: 0 }, workers: 2, serviceTime: { type: 'exponential', mean: 0.01 }, costPerHour: 0.1 },
    ],
    links: [{ id: 'l', from: 'users', to: 'app', latency: 0 }],
  });
}
