import { distributionMean } from '../scenario/schema';

/** Seconds as a short human figure: "850 µs", "50 ms", "1.5 s". */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  if (seconds === 0) return '0 ms';
  if (seconds < 0.001) return `${trim(seconds * 1e6)} µs`;
  if (seconds < 1) return `${trim(seconds * 1000)} ms`;
  return `${trim(seconds)} s`;
}

/** A rate in requests per second. */
export function formatRate(perSecond: number): string {
  return `${trim(perSecond)} req/s`;
}

function trim(value: number): string {
  return Number(value.toPrecision(3)).toString();
}

/** The mean of a distribution, seconds (the schema's, re-exported for the canvas). */
export { distributionMean };
