import type { ConnectionFigures } from '../connections/connection-figures';

/** A link's connection figures after a pooled run (pools of 12 in 8 instances), for the tests of what shows them. */
export const POOLED_LINK_FIGURES: ConnectionFigures = {
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
