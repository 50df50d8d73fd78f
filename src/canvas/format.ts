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

/** A share 0..1 as a percentage: whole percents from 10 %, one decimal below ("3.2 %"), so a small stale share does not read 0. */
export function formatPercent(share: number): string {
  const percent = share * 100;
  return `${percent >= 10 || percent === 0 ? Math.round(percent) : percent.toFixed(1)} %`;
}

function trim(value: number): string {
  return Number(value.toPrecision(3)).toString();
}

/** The mean of a distribution, seconds (the schema's, re-exported for the canvas). */
export { distributionMean };
