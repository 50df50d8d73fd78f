import { describe, expect, it } from 'vitest';
import { INSTANCE_SIZES } from '../scenario/instance-sizes';
import { parseScenario } from '../scenario/parse';
import { sweepVariants } from './sweep';

function system() {
  const parsed = parseScenario({
    version: 1,
    nodes: [
      { id: 'users', kind: 'client', position: { x: 0, y: 0 }, workload: { mode: 'open', rate: 150 } },
      { id: 'app', kind: 'server', position: { x: 0, y: 0 }, workers: 2, serviceTime: { type: 'exponential', mean: 0.01 }, costPerHour: 0.1 },
    ],
    links: [{ id: 'l', from: 'users', to: 'app', latency: 0 }],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

describe('cost against latency sweep', () => {
  it('offers replicas 1..N, then every instance size, leaving the rest of the scenario alone', () => {
    const variants = sweepVariants(system(), 'app', 3);
    expect(variants.map((v) => v.label)).toEqual(['×1', '×2', '×3', ...INSTANCE_SIZES.map((s) => s.name)]);
    const app = variants[2]?.scenario.nodes.find((n) => n.id === 'app');
    expect(app).toMatchObject({ replicas: 3, workers: 2 });
    expect(sweepVariants(system(), 'users', 3)).toEqual([]);
  });
});
