/**
 * Tick labels short enough to sit beside an axis title: 400000 reads "400k",
 * 2500000 "2.5M". Below a thousand a number keeps up to two decimals.
 */
export function compactTick(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e9) return `${trim(value / 1e9)}G`;
  if (size >= 1e6) return `${trim(value / 1e6)}M`;
  if (size >= 1e3) return `${trim(value / 1e3)}k`;
  return trim(value, 2);
}

/** At most `decimals` decimals, without trailing zeros ("1.50" → "1.5", "2.00" → "2"). */
function trim(value: number, decimals = 1): string {
  return String(Number(value.toFixed(decimals)));
}
