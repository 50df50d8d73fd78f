import { describe, expect, it } from 'vitest';
import { POOLED_LINK_FIGURES } from '../../engine/testing/connection-figures-fixture';
import { describeConnectionFigures } from './LinkConnectionFigures';

const base = POOLED_LINK_FIGURES;

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
