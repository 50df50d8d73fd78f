/* The headless runner's progress line on a terminal. */

/** "41% of 600 s simulated, 3.2 s so far, 12,345,678 events", with the engine limit when it is failing requests. */
export function progressLine(now: number, duration: number, elapsedMs: number, events: number, engineLimited: number): string {
  const share = (100 * now) / duration;
  const percent = share >= 1 || share === 0 ? `${Math.floor(share)}%` : `${share.toPrecision(2)}%`;
  const limit = engineLimited > 0 ? ` · engine limit: ${engineLimited.toLocaleString('en')} requests failed` : '';
  return `${percent} of ${duration} s simulated, ${(elapsedMs / 1000).toFixed(1)} s so far, ${events.toLocaleString('en')} events${limit}`;
}
