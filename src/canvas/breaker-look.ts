import type { BreakerState } from '../engine/types';

/**
 * How a link with a circuit breaker looks in each state: a traffic light in
 * the colour-blind-safe palette of views/colors.ts (green, orange,
 * vermillion), the same the breaker timeline draws, and words beside them.
 */
export const BREAKER_LOOK: Record<BreakerState, { color: string; label: string }> = {
  closed: { color: '#009E73', label: 'breaker closed' },
  open: { color: '#D55E00', label: 'breaker open' },
  halfOpen: { color: '#E69F00', label: 'breaker half-open' },
};
