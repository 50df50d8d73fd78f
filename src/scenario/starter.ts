import { parseScenario } from './parse';
import { SCENARIO_VERSION, type Scenario, type ScenarioInput } from './schema';

/**
 * The scenario a first visit opens: a client sends 40 requests per second
 * through a load balancer to two servers that share a database. Each server
 * can serve 4 / 0.05 s = 80 requests per second, so both run at about 25 %
 * and the p99 stays low until someone raises the rate.
 */
export const STARTER_SCENARIO: ScenarioInput = {
  version: 4,
  name: 'Two servers behind a load balancer',
  description: 'A first system to run: raise the client rate or remove a server to watch queues grow.',
  seed: 1,
  duration: 60,
  warmup: 5,
  nodes: [
    {
      id: 'client-1',
      kind: 'client',
      label: 'Users',
      position: { x: 0, y: 140 },
      workload: { mode: 'open', rate: 40 },
      timeout: 2,
      writeRatio: 0.1,
    },
    { id: 'lb-1', kind: 'loadBalancer', label: 'Load balancer', position: { x: 260, y: 140 } },
    {
      id: 'server-1',
      kind: 'server',
      label: 'API server 1',
      position: { x: 520, y: 20 },
      workers: 4,
      queueCapacity: 100,
      serviceTime: { type: 'exponential', mean: 0.05 },
    },
    {
      id: 'server-2',
      kind: 'server',
      label: 'API server 2',
      position: { x: 520, y: 260 },
      workers: 4,
      queueCapacity: 100,
      serviceTime: { type: 'exponential', mean: 0.05 },
    },
    {
      id: 'database-1',
      kind: 'database',
      label: 'Database',
      position: { x: 780, y: 140 },
      workers: 8,
      queueCapacity: 200,
      readTime: { type: 'lognormal', mean: 0.004, cv: 0.5 },
      writeTime: { type: 'lognormal', mean: 0.012, cv: 0.5 },
    },
  ],
  links: [
    { id: 'link-1', from: 'client-1', to: 'lb-1', latency: 0.01 },
    { id: 'link-2', from: 'lb-1', to: 'server-1', latency: 0.001 },
    { id: 'link-3', from: 'lb-1', to: 'server-2', latency: 0.001 },
    { id: 'link-4', from: 'server-1', to: 'database-1', latency: 0.001 },
    { id: 'link-5', from: 'server-2', to: 'database-1', latency: 0.001 },
  ],
};

/** The starter scenario, validated and with every default filled in. */
export function starterScenario(): Scenario {
  const result = parseScenario(STARTER_SCENARIO);
  if (!result.ok) throw new Error(`The starter scenario is invalid: ${result.errors.join('; ')}`);
  return result.scenario;
}

/** The scenario New starts: no nodes or links, and every other field (seed, duration, warm-up, …) the format's default. */
export function emptyScenario(): Scenario {
  // Through the parser, so a field the format gains later takes its default here too.
  const result = parseScenario({ version: SCENARIO_VERSION, nodes: [], links: [] });
  if (!result.ok) throw new Error(`The empty scenario is invalid: ${result.errors.join('; ')}`);
  return result.scenario;
}
