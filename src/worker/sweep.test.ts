import { describe, expect, it } from 'vitest';
import { oneServer } from '../engine/testing/build-scenario';
import { INSTANCE_SIZES } from '../scenario/instance-sizes';
import { sweepVariants } from './sweep';

const system = () => oneServer({ rate: 150 });

describe('cost against latency sweep', () => {
  it('offers replicas 1..N, then every instance size, leaving the rest of the scenario alone', () => {
    const variants = sweepVariants(system(), 'app', 3);
    expect(variants.map((v) => v.label)).toEqual(['×1', '×2', '×3', ...INSTANCE_SIZES.map((s) => s.name)]);
    const app = variants[2]?.scenario.nodes.find((n) => n.id === 'app');
    expect(app).toMatchObject({ replicas: 3, workers: 2 });
    expect(sweepVariants(system(), 'users', 3)).toEqual([]);
  });
});
