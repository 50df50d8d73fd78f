/**
 * The closed forms of parallel speedup the speedup chart draws and the tests
 * hold the simulation to: Amdahl's law, Gustafson's scaled speedup and the
 * Universal Scalability Law (USL), with a least-squares fit of the USL to
 * measured points. Pure functions of N (workers) and the fractions.
 */

/** Amdahl: the speedup on `n` workers of a fixed job whose share `s` cannot be split, 1 / (s + (1 − s)/N). */
export function amdahlSpeedup(s: number, n: number): number {
  return 1 / (s + (1 - s) / n);
}

/** Gustafson: the scaled speedup when the parallel part grows with N, N − s(N − 1). */
export function gustafsonSpeedup(s: number, n: number): number {
  return n - s * (n - 1);
}

/** USL: N / (1 + σ(N − 1) + κN(N − 1)); Amdahl is the case σ = s, κ = 0. */
export function uslSpeedup(sigma: number, kappa: number, n: number): number {
  return n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
}

/** The N where the USL peaks, √((1 − σ)/κ); infinite when κ = 0 (no retrograde region). */
export function uslPeakWorkers(sigma: number, kappa: number): number {
  return kappa > 0 ? Math.sqrt(Math.max(0, 1 - sigma) / kappa) : Number.POSITIVE_INFINITY;
}

/** One measured point: N workers gave speedup S. */
export interface SpeedupPoint {
  n: number;
  speedup: number;
}

/** A USL fitted to points: its coefficients, the N of peak throughput, and the residual of the fit. */
export interface UslFit {
  sigma: number;
  kappa: number;
  /** Where throughput peaks (Infinity when κ = 0). */
  peakWorkers: number;
  /** Root-mean-square of (fitted − measured) speedup over the points. */
  rmsError: number;
}

/**
 * Fits σ and κ by least squares on the USL's linear form,
 * N/S − 1 = σ(N − 1) + κN(N − 1) (Gunther's method: no intercept, since
 * S(1) = 1). Coefficients are kept non-negative: a negative κ is refitted
 * as 0. Null when fewer than two points have N > 1.
 */
export function fitUsl(points: readonly SpeedupPoint[]): UslFit | null {
  const usable = points.filter((p) => p.n > 1 && p.speedup > 0 && Number.isFinite(p.speedup));
  if (usable.length < 2) return null;
  let aa = 0;
  let ab = 0;
  let bb = 0;
  let ay = 0;
  let by = 0;
  for (const { n, speedup } of usable) {
    const a = n - 1;
    const b = n * (n - 1);
    const y = n / speedup - 1;
    aa += a * a;
    ab += a * b;
    bb += b * b;
    ay += a * y;
    by += b * y;
  }
  const det = aa * bb - ab * ab;
  let sigma = det !== 0 ? (ay * bb - by * ab) / det : ay / aa;
  let kappa = det !== 0 ? (by * aa - ay * ab) / det : 0;
  if (kappa < 0) {
    kappa = 0;
    sigma = ay / aa;
  }
  if (sigma < 0) {
    sigma = 0;
    kappa = Math.max(0, by / bb);
  }
  const squares = points.reduce((sum, p) => sum + (uslSpeedup(sigma, kappa, p.n) - p.speedup) ** 2, 0);
  return { sigma, kappa, peakWorkers: uslPeakWorkers(sigma, kappa), rmsError: Math.sqrt(squares / Math.max(1, points.length)) };
}
