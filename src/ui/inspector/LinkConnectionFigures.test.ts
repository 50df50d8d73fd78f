import { describe, expect, it } from 'vitest';
import type { ConnectionFigures } from '../../engine/connections/connection-figures';
import { describeConnectionFigures } from './LinkConnectionFigures';

const base: ConnectionFigures = {
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

describe("a link's connection figures in the inspector", () => {
  it('say the pools, the waits and the refusals', () => {
    expect(describeConnectionFigures(base)).toBe(
      'This run, after warm-up (pools of 12 in 8 instances): 96 open now, 99,811 calls, 0 handshakes, 7,230 waited (mean 0.39 ms), 0 pool timeouts, 0 refused.',
    );
  });

  it('leave out waiting without a pool', () => {
    expect(describeConnectionFigures({ ...base, poolSize: null, instances: 1, open: 90, handshakes: 87408, refused: 12403 })).toBe(
      'This run, after warm-up (a new connection per call): 90 open now, 99,811 calls, 87,408 handshakes, 12,403 refused.',
    );
  });
});
