import { describe, expect, it } from 'vitest';
import type { ConnectionFigures } from '../engine/connections/connection-figures';
import { connectionLines, inboundConnectionLines } from './format-connections';

const pooled: ConnectionFigures = {
  link: 'app-db',
  target: 'db',
  poolSize: 12,
  instances: 8,
  open: 96,
  inUse: 70,
  waiting: 0,
  peakOpen: 12,
  calls: 99811,
  handshakes: 0,
  waited: 7230,
  meanWait: 0.000393,
  maxWait: 0.02,
  timeouts: 0,
  refused: 0,
  idleClosed: 0,
};

describe('the terminal report of connections', () => {
  it('prints a row per link: the pool per instance, handshakes, waits and refusals', () => {
    const lines = connectionLines([pooled, { ...pooled, link: 'app-cache', target: 'cache', poolSize: null, instances: 1, handshakes: 500, refused: 12 }], 'app');
    expect(lines[1]).toBe('Connections from app');
    expect(lines.join('\n')).toMatch(/db\s+12 × 8\s+99,811\s+0\s+96\s+7,230\s+0\.393\s+0\s+0/);
    expect(lines.join('\n')).toMatch(/cache\s+per call\s+99,811\s+500\s+96\s+7,230\s+0\.393\s+0\s+12/);
  });

  it('prints nothing for a node without connections', () => {
    expect(connectionLines(undefined, 'app')).toEqual([]);
    expect(inboundConnectionLines(undefined, 'db')).toEqual([]);
  });

  it('says how many were open to a node, its limit and its refusals', () => {
    expect(inboundConnectionLines({ open: 90, peak: 100, refused: 12403, limit: 100 }, 'db')[1]).toBe(
      'Connections to db: 90 open at the end, 100 at most (limit 100), 12,403 refused',
    );
  });
});
