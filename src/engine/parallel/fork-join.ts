/**
 * One request of a parallel job, timed: a serial part on one worker, then N
 * tasks side by side, then a join that merges the partial results one at a
 * time. The tasks all start together and nothing else shares the workers
 * (the job holds all of them), so the schedule is computed here in one pass
 * rather than as N events: the same times, without N events per request.
 */

/** What one job costs besides its work. */
export interface ForkJoinShape {
  /** N. */
  workers: number;
  /** s: the share that runs on one worker before the split. */
  serialFraction: number;
  /** σ: merging one task's partial result costs σ × that task's share of the work, one merge at a time. */
  contention: number;
  /** κ: each task exchanges state with each of the N − 1 others, κ × the work per exchange. */
  coherency: number;
}

/** A timed job: how long it held the workers, and how long the same work takes on one worker with no coordination. */
export interface ForkJoinTiming {
  time: number;
  sequential: number;
}

/**
 * Times one job. `sampleWork` draws a work size (seconds on one worker):
 * one for the serial part and one per task, so tasks of random size finish
 * apart and the join waits for the slowest (the straggler).
 * `scratch` holds at least N numbers; it is reused to avoid allocating.
 */
export function timeForkJoin(shape: ForkJoinShape, sampleWork: () => number, scratch: Float64Array): ForkJoinTiming {
  const { workers: n, serialFraction: s, contention, coherency } = shape;
  const serialWork = sampleWork();
  const works = scratch.subarray(0, n);
  let parallelWork = 0;
  for (let i = 0; i < n; i++) {
    const w = sampleWork();
    works[i] = w;
    parallelWork += w;
  }
  // Every task's time is proportional to its work, so sorting the works sorts the finishes.
  works.sort();
  const perWork = (1 - s) / n + coherency * (n - 1);
  // The first result to arrive is the base; the join merges the others as they come, one at a time.
  let joined = perWork * (works[0] as number);
  for (let i = 1; i < n; i++) {
    const w = works[i] as number;
    joined = Math.max(joined, perWork * w) + (contention * w) / n;
  }
  return { time: s * serialWork + joined, sequential: s * serialWork + ((1 - s) * parallelWork) / n };
}
