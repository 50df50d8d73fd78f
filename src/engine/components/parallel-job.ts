import type { ParallelJobNode } from '../../scenario/schema';
import { createSampler, type Sampler } from '../distributions';
import type { SimContext } from '../component';
import { timeForkJoin } from '../parallel/fork-join';
import { amdahlSpeedup, uslSpeedup } from '../parallel/scalability';
import type { LiveNode, NodeReportOf } from '../types';
import { QueueingStation } from './queueing-station';

/**
 * A fork-join job on N workers: each request holds all of them (one job at a
 * time, the next waits in the queue) for its serial part, its N tasks and
 * the join (parallel/fork-join.ts). It keeps, for the jobs measured, how
 * long they took and how long their work takes on one worker: their ratio
 * is the measured speedup T(1)/T(N).
 */
export class ParallelJob extends QueueingStation {
  readonly kind = 'parallelJob';
  private readonly sample: Sampler;
  private readonly scratch: Float64Array;
  private jobs = 0;
  private jobTime = 0;
  private sequentialTime = 0;

  constructor(
    index: number,
    private readonly node: ParallelJobNode,
    ctx: SimContext,
  ) {
    // One job slot: a job takes every worker.
    super(index, node.id, node.label, 1, node.queueCapacity, ctx);
    this.sample = createSampler(ctx.rng(index, 0), node.workTime);
    this.scratch = new Float64Array(node.workers);
  }

  protected serviceTime(): number {
    const timing = timeForkJoin(this.node, this.sample, this.scratch);
    if (this.ctx.scheduler.now >= this.stats.measureStart) {
      this.jobs++;
      this.jobTime += timing.time;
      this.sequentialTime += timing.sequential;
    }
    return timing.time;
  }

  override report(time: number): NodeReportOf<'parallelJob'> {
    const { workers: n, serialFraction: s, contention, coherency } = this.node;
    const speedup = this.jobTime > 0 ? this.sequentialTime / this.jobTime : 0;
    return {
      ...super.report(time),
      kind: 'parallelJob',
      parallel: {
        workers: n,
        serialFraction: s,
        contention,
        coherency,
        jobs: this.jobs,
        meanJobTime: this.jobs > 0 ? this.jobTime / this.jobs : 0,
        meanSequentialTime: this.jobs > 0 ? this.sequentialTime / this.jobs : 0,
        speedup,
        efficiency: speedup / n,
        amdahl: amdahlSpeedup(s, n),
        usl: uslSpeedup(s + contention, coherency, n),
      },
    };
  }

  override live(): LiveNode {
    // The card counts the workers a job holds, not the one job slot.
    return { ...super.live(), workers: this.node.workers };
  }
}
