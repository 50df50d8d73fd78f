import { describe, expect, it } from 'vitest';
import type { NodeReportOf, ResourcesReport } from '../engine/types';
import { nodeDetailLines } from './format-node-details';
import { nodeReport } from './report-fixture';

const resources: ResourcesReport = {
  completions: 20_000,
  throughput: 200,
  resources: [
    { resource: 'cpu', units: 4, utilization: 0.396, meanQueue: 0, visits: 60_000, busyTime: 158.2, visitRatio: 3, serviceTime: 0.002637, demand: 0.00791 },
    { resource: 'disk', units: 1, utilization: 1, meanQueue: 61.33, visits: 40_000, busyTime: 100, visitRatio: 2, serviceTime: 0.0025, demand: 0.005 },
    { resource: 'network', units: 1, utilization: 0.08, meanQueue: 0, visits: 20_000, busyTime: 8, visitRatio: 1, serviceTime: 0.0004, demand: 0.0004 },
  ],
  memory: { ramMB: 4096, meanWorkingSetMB: 5376, peakWorkingSetMB: 5376, utilization: 1.3125, pagingFactor: 5.52 },
  bottleneck: 'disk',
};

describe('the terminal report of a server with resources', () => {
  it('prints each resource’s V, S and D, the bottleneck with its bound, and memory with paging', () => {
    const node = nodeReport({ id: 'app', kind: 'server', replicas: 2, resources }) as NodeReportOf<'server'>;
    expect(nodeDetailLines(node)).toEqual([
      '',
      'Server app: resources (operational laws, after warm-up)',
      '  resource  units  util %  mean queue  visits V   S ms  demand D ms  D/unit ms',
      '  cpu           4    39.6        0.00      3.00   2.64         7.91       1.98',
      '  disk          1   100.0       61.33      2.00   2.50         5.00       5.00',
      '  network       1     8.0        0.00      1.00  0.400        0.400      0.400',
      '  bottleneck: disk (largest demand per unit): X ≤ 2 / 5.00 ms = 400.0/s; measured 200.0/s',
      '  memory: working set 5,376 MB on average (peak 5,376 MB) of 4,096 MB RAM, 131.3%; paging slowed CPU work × 5.52',
    ]);
  });
});
