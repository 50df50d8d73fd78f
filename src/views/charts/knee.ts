/** The knee of a rising curve that flattens (throughput against replicas): where adding more stops paying. */

/**
 * The index of the knee: the point farthest above the straight line from the
 * first point to the last, both axes scaled to [0, 1] (the Kneedle idea).
 * Null with fewer than three points or a curve that does not bend down.
 */
export function kneeIndex(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 3) return null;
  const [x0, x1, y0, y1] = [xs[0] as number, xs[n - 1] as number, ys[0] as number, ys[n - 1] as number];
  if (x1 === x0 || y1 <= y0) return null;
  let best = -1;
  let bestGap = 0.02;
  for (let i = 1; i < n - 1; i++) {
    const gap = ((ys[i] as number) - y0) / (y1 - y0) - ((xs[i] as number) - x0) / (x1 - x0);
    if (gap > bestGap) {
      bestGap = gap;
      best = i;
    }
  }
  return best < 0 ? null : best;
}
