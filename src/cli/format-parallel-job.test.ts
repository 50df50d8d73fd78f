import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import { oneJobAtATime } from '../engine/parallel/testing';
import { nodeDetailLines } from './format-node-details';

describe('the terminal report of a parallel job', () => {
  it('prints its speedup and efficiency against Amdahl and the USL', () => {
    const report = runScenario(oneJobAtATime({ workers: 16, serialFraction: 0.05, duration: 5 }));
    const job = report.nodes.find((n) => n.kind === 'parallelJob');
    if (!job) throw new Error('no job');
    const text = nodeDetailLines(job).join('\n');
    expect(text).toContain('Parallel job job: 16 workers (s 5.0%, σ 0.0%, κ 0.0%)');
    expect(text).toMatch(/speedup 9\.14× over one worker \(efficiency 57\.1%\)/);
    expect(text).toContain('Amdahl predicts 9.14×');
  });
});
