import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';

const withJob = (job: Record<string, unknown>) => ({
  version: 4,
  nodes: [
    { id: 'user', kind: 'client', workload: { mode: 'open', rate: 1 } },
    { id: 'job', kind: 'parallelJob', workers: 4, workTime: { type: 'constant', value: 0.1 }, ...job },
  ],
  links: [{ id: 'in', from: 'user', to: 'job' }],
});

describe('a parallel job in a scenario file', () => {
  it('takes the defaults: s = 5 %, no contention, no coherency, an unbounded queue', () => {
    const parsed = parseScenario(withJob({}));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.scenario.nodes[1]).toMatchObject({ serialFraction: 0.05, contention: 0, coherency: 0, queueCapacity: null });
  });

  it.each([
    ['serialFraction', 1.5],
    ['serialFraction', -0.1],
    ['contention', 2],
    ['coherency', -1],
  ])('refuses %s = %f with a message naming the node, the field and the range', (field: string, value: number) => {
    const parsed = parseScenario(withJob({ [field]: value }));
    expect(parsed.ok).toBe(false);
    const text = parsed.ok ? '' : parsed.errors.join('\n');
    expect(text).toContain('job');
    expect(text).toContain(field);
    expect(text).toMatch(value > 1 ? /must be at most 1 \(it is / : /must be at least 0 \(it is /);
  });

  it('refuses more than 64 workers', () => {
    const parsed = parseScenario(withJob({ workers: 65 }));
    expect(parsed.ok ? '' : parsed.errors.join('\n')).toMatch(/workers/);
  });
});
