import { describe, expect, it } from 'vitest';
import type { RegistryFigures } from '../engine/types';
import { nodeDetailLines } from './format-node-details';
import { nodeReport } from './report-fixture';

const figures: RegistryFigures = {
  mode: 'dns',
  listed: ['api #1', 'api #2'],
  instances: 4,
  calls: 15_001,
  staleCalls: 1546,
  unrouted: 0,
  lookups: 20,
  caches: [
    { name: 'resolver 1', entries: 2, stale: 0, missing: 0, expiresAt: 170, refreshes: 2, staleCalls: 301 },
    { name: 'resolver 2', entries: 4, stale: 2, missing: 0, expiresAt: 152, refreshes: 2, staleCalls: 221 },
  ],
  changes: [
    { time: 60, instance: 'api #4', listed: false, cause: 'left' },
    { time: 75, instance: 'api #3', listed: false, cause: 'heartbeat' },
  ],
};

describe('the terminal report of a service registry', () => {
  it('gives the calls and stale calls, each cached copy against the list, and when instances came and went', () => {
    expect(nodeDetailLines(nodeReport({ id: 'finder', kind: 'registry', registry: figures }))).toEqual([
      '',
      'Service registry finder (DNS): 2 of 4 instances listed at the end',
      '  15,001 calls · 1,546 to instances that had left (10.31 %) · 0 found none · 20 look-ups',
      '  cached copy  entries  stale  missing  refreshes  stale calls',
      '  resolver 1         2      0        0          2          301',
      '  resolver 2         4      2        0          2          221',
      '  at 60 s, api #4 left (deregistered at once)',
      '  at 75 s, api #3 was dropped (no heartbeat)',
    ]);
  });
});
