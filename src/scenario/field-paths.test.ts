import { describe, expect, it } from 'vitest';
import { createNode } from './node-factory';
import { numericFieldPaths } from './field-paths';

describe('numeric field paths of a node', () => {
  it('lists a client’s rate and a parallel job’s N and fractions, never its position', () => {
    const client = numericFieldPaths(createNode('client', 'users', 'Users', { x: 5, y: 5 }));
    expect(client).toContain('nodes.users.workload.rate');
    expect(client.some((p) => p.includes('position'))).toBe(false);
    const job = numericFieldPaths(createNode('parallelJob', 'job', 'Job', { x: 0, y: 0 }));
    expect(job).toEqual(expect.arrayContaining(['nodes.job.workers', 'nodes.job.serialFraction', 'nodes.job.contention', 'nodes.job.coherency']));
  });
});
