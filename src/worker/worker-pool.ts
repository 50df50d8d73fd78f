/**
 * A pool of workers serving one stateless service. Jobs wait in one queue on
 * the page and a worker holds one job at a time, taking the next as soon as
 * it is free: N workers keep N cores busy, and a job not yet handed out can
 * still be cancelled. One already in a worker runs to its end (a run is one
 * synchronous call there) unless it asked to stop its worker on cancel: then
 * the worker is ended at once and its slot freed. Workers start when a job first needs them, and one
 * that stops is replaced when the next job comes.
 */

/** One started worker: its service, and a promise that rejects when it stops. */
export interface PoolWorker<S> {
  service: S;
  failed?: Promise<never>;
  /** Ends the worker at once (a Web Worker's terminate); needed for `stopOnCancel`. */
  stop?: () => void;
}

export interface JobOptions {
  /** Aborting takes the job out of the queue if no worker has it yet; its promise then rejects with JobCancelledError. */
  signal?: AbortSignal;
  /** Goes ahead of the jobs already waiting: short jobs a figure is waiting on. */
  urgent?: boolean;
  /** Aborting while a worker runs the job stops that worker (a fresh one starts for the next job) rather than letting the run finish. */
  stopOnCancel?: boolean;
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
  /** A worker has the job: stop listening for a cancel in the queue, and listen for one while it runs (`whileRunning`) if the job asked. */
  taken: (whileRunning: () => void) => void;
  /** The job has ended: stop listening for a cancel. */
  ended: () => void;
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
      slot.busy = true;
      let over = false;
      /** Frees the slot once: the run's answer and a cancel race, and the first wins. */
      const end = (): boolean => {
        if (over) return false;
        over = true;
        job.ended();
        slot.busy = false;
        return true;
      };
      job.taken(() => {
        if (!end()) return;
        // A stopped worker never answers: drop it, so the next job starts a fresh one.
        const worker = slot.worker;
        slot.worker = null;
        worker?.stop?.();
        job.reject(new JobCancelledError('Cancelled while it ran; its worker was stopped.'));
        // After the other listeners of the same abort: jobs it cancels in the queue must not start first.
        queueMicrotask(dispatch);
      });
      run(slot, index, job).then(
        (value) => {
          if (end()) job.resolve(value);
          dispatch();
        },
        (reason: unknown) => {
          if (end()) job.reject(reason);
          dispatch();
        },
      );
    });
  };

  return {
    size: slots.length,
    submit<T>(work: (service: S) => Promise<T>, options: JobOptions = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const { signal, urgent = false, stopOnCancel = false } = options;
        if (signal?.aborted) {
          reject(new JobCancelledError('Cancelled before it started.'));
          return;
        }
        const job: Job<S> = { work, resolve: resolve as (value: unknown) => void, reject, taken: () => undefined, ended: () => undefined };
        if (signal) {
          const cancel = () => {
            const at = queue.indexOf(job);
            if (at < 0) return;
            queue.splice(at, 1);
            reject(new JobCancelledError('Cancelled before it started.'));
          };
          signal.addEventListener('abort', cancel, { once: true });
          job.taken = (whileRunning) => {
            signal.removeEventListener('abort', cancel);
            if (!stopOnCancel) return;
            signal.addEventListener('abort', whileRunning, { once: true });
            job.ended = () => signal.removeEventListener('abort', whileRunning);
          };
        }
        if (urgent) queue.unshift(job);
        else queue.push(job);
        dispatch();
      });
    },
  };
}
