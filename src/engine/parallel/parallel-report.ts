/** A parallel job's figures: jobs measured after warm-up, the speedup they got, and what Amdahl and the USL predict. */
export interface ParallelJobReport {
  workers: number;
  serialFraction: number;
  contention: number;
  coherency: number;
  /** Jobs that started after warm-up. */
  jobs: number;
  /** Mean seconds a job held the workers, T(N). */
  meanJobTime: number;
  /** Mean seconds the same jobs' work takes on one worker, T(1). */
  meanSequentialTime: number;
  /** T(1)/T(N) over the measured jobs (0 before any). */
  speedup: number;
  /** Speedup / N: the share of the workers' time spent on the work. */
  efficiency: number;
  /** 1/(s + (1 − s)/N). */
  amdahl: number;
  /** N/(1 + (s + σ)(N − 1) + κN(N − 1)): Amdahl with the join's contention and the tasks' coherency. */
  usl: number;
}
