/**
 * Colours shared by charts and particles: the Okabe–Ito palette, which stays
 * distinguishable with the common forms of colour blindness.
 */
export const COLORS = {
  blue: '#0072B2',
  orange: '#E69F00',
  vermillion: '#D55E00',
  green: '#009E73',
  sky: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  grey: '#6b7280',
} as const;

/** Per-node lines, in scenario order. */
export const SERIES_COLORS = [COLORS.blue, COLORS.orange, COLORS.green, COLORS.vermillion, COLORS.sky, COLORS.purple, COLORS.grey, '#000000'];
