/**
 * Where a link runs on the canvas, as a polyline in flow coordinates, so a
 * particle's position is a cheap lookup by progress along it.
 */

/** A polyline with its cumulative lengths: points are [x0, y0, x1, y1, …]. */
export interface LinkPath {
  points: Float32Array;
  /** Cumulative length at each point; the last one is the total. */
  lengths: Float32Array;
}

/** Points sampled along a curved edge: enough that a bezier looks smooth. */
const SAMPLES = 24;

/** A polyline through `xy` pairs. */
export function polyline(xy: readonly number[]): LinkPath {
  const count = xy.length / 2;
  const points = new Float32Array(xy);
  const lengths = new Float32Array(count);
  for (let i = 1; i < count; i++) {
    const dx = points[2 * i]! - points[2 * i - 2]!;
    const dy = points[2 * i + 1]! - points[2 * i - 1]!;
    lengths[i] = lengths[i - 1]! + Math.hypot(dx, dy);
  }
  return { points, lengths };
}

/** Samples a rendered SVG path (the edge React Flow drew, whatever its type). */
export function samplePath(path: SVGPathElement): LinkPath | null {
  const total = path.getTotalLength();
  if (!Number.isFinite(total) || total <= 0) return null;
  const xy: number[] = [];
  for (let i = 0; i <= SAMPLES; i++) {
    const p = path.getPointAtLength((total * i) / SAMPLES);
    xy.push(p.x, p.y);
  }
  return polyline(xy);
}

/** Writes the point at `progress` (0..1 of the length) into `out` as [x, y, dx, dy], (dx, dy) the unit direction there. */
export function pointAt(path: LinkPath, progress: number, out: Float64Array): void {
  const { points, lengths } = path;
  const last = lengths.length - 1;
  const target = Math.min(1, Math.max(0, progress)) * lengths[last]!;
  // Binary search: the segment whose end is the first at or past the target.
  let lo = 1;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lengths[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  const a = lengths[lo - 1] ?? 0;
  const b = lengths[lo] ?? a;
  const f = b > a ? (target - a) / (b - a) : 0;
  const dx = points[2 * lo]! - points[2 * lo - 2]!;
  const dy = points[2 * lo + 1]! - points[2 * lo - 1]!;
  out[0] = points[2 * lo - 2]! + f * dx;
  out[1] = points[2 * lo - 1]! + f * dy;
  const length = Math.hypot(dx, dy) || 1;
  out[2] = dx / length;
  out[3] = dy / length;
}
