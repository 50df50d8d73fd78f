/**
 * A pool of workers serving one stateless service. Jobs wait in one queue on
 * the page and a worker holds one job at a time, taking the next as soon as
 * it is free: N workers keep N cores busy, and a job not yet handed out can
 * still be cancelled (one already in a worker runs to its end; a run is one
 * synchronous call there). Workers start when a job first needs them, and one
 * that stops is replaced when the next job comes.
 */

/** One started worker: its service, and a promise that rejects when it stops. */
export interface PoolWorker<S> {
  service: S;
  failed?: Promise<never>;
}

export interface JobOptions {
  /** Aborting takes the job out of the queue if no worker has it yet; its promise then rejects with JobCancelledError. */
  signal?: AbortSignal;
  /** Goes ahead of the jobs already waiting: short jobs a figure is waiting on. */
  urgent?: boolean;
}

/** A job cancelled before any worker took it. */
export class JobCancelledError extends Error {}

export interface WorkerPool<S> {
  /** Workers at most, so jobs at once. */
  readonly size: number;
  /** Runs `work` on the next free worker; answers what it answers, or why it could not run. */
  submit<T>(work: (service: S) => Promise<T>, options?: JobOptions): Promise<T>;
}

interface Job<S> {
  work: (service: S) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
  /** Stops listening for cancellation once a worker has the job. */
  taken: () => void;
}

interface Slot<S> {
  worker: PoolWorker<S> | null;
  busy: boolean;
}

/** A pool of at most `size` workers, each started by `start(index)` when first needed. */
export function createWorkerPool<S>(size: number, start: (index: number) => PoolWorker<S>): WorkerPool<S> {
  const slots: Slot<S>[] = Array.from({ length: Math.max(1, Math.floor(size)) }, () => ({ worker: null, busy: false }));
  const queue: Job<S>[] = [];

  const workerOf = (slot: Slot<S>, index: number): PoolWorker<S> => {
    if (slot.worker) return slot.worker;
    const worker = start(index);
    slot.worker = worker;
    worker.failed?.catch(() => {
      if (slot.worker === worker) slot.worker = null;
    });
    return worker;
  };

  const run = (slot: Slot<S>, index: number, job: Job<S>): Promise<unknown> => {
    try {
      const worker = workerOf(slot, index);
      const answer = job.work(worker.service);
      // A stopped worker never answers: its failure answers for it.
      return worker.failed ? Promise.race([answer, worker.failed]) : answer;
    } catch (thrown) {
      return Promise.reject(thrown);
    }
  };

  const dispatch = (): void => {
    slots.forEach((slot, index) => {
      const job = slot.busy ? undefined : queue.shift();
      if (!job) return;
      job.taken();
      slot.busy = true;
      run(slot, index, job)
        .then(job.resolve, job.reject)
        .finally(() => {
          slot.busy = false;
          dispatch();
        });
    });
  };

  return {
    size: slots.length,
    submit<T>(work: (service: S) => Promise<T>, options: JobOptions = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const { signal, urgent = false } = options;
        if (signal?.aborted) {
          reject(new JobCancelledError('Cancelled before it started.'));
          return;
        }
        const job: Job<S> = { work, resolve: resolve as (value: unknown) => void, reject, taken: () => undefined };
        if (signal) {
          const cancel = () => {
            const at = queue.indexOf(job);
            if (at < 0) return;
            queue.splice(at, 1);
            reject(new JobCancelledError('Cancelled before it started.'));
          };
          signal.addEventListener('abort', cancel, { once: true });
          job.taken = () => signal.removeEventListener('abort', cancel);
        }
        if (urgent) queue.unshift(job);
        else queue.push(job);
        dispatch();
      });
    },
  };
}
