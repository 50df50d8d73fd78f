import { describe, expect, it } from 'vitest';
import { WorkerFailedError } from './worker-failure';
import { createWorkerPool, JobCancelledError, type PoolWorker } from './worker-pool';

/** A worker whose jobs finish when the test says: `answer(i)` ends its i-th job. */
function heldWorker(name: string) {
  const jobs: { id: string; finish: () => void }[] = [];
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  const service = {
    job: (id: string) => new Promise<string>((resolve) => jobs.push({ id, finish: () => resolve(`${id}@${name}`) })),
  };
  return { worker: { service, failed } satisfies PoolWorker<typeof service>, jobs, fail };
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('worker pool', () => {
  it('starts workers only as jobs need them and gives each one job at a time', async () => {
    const started: ReturnType<typeof heldWorker>[] = [];
    const pool = createWorkerPool(2, (i) => {
      const held = heldWorker(`w${i}`);
      started.push(held);
      return held.worker;
    });
    expect(started).toHaveLength(0);
    const answers = ['a', 'b', 'c'].map((id) => pool.submit((s) => s.job(id)));
    await turn();
    expect(started).toHaveLength(2);
    expect(started.map((w) => w.jobs.map((j) => j.id))).toEqual([['a'], ['b']]);
    // The first free worker takes the waiting job.
    started[1]?.jobs[0]?.finish();
    await turn();
    expect(started[1]?.jobs.map((j) => j.id)).toEqual(['b', 'c']);
    started[0]?.jobs[0]?.finish();
    started[1]?.jobs[1]?.finish();
    expect(await Promise.all(answers)).toEqual(['a@w0', 'b@w1', 'c@w1']);
  });

  it('puts urgent jobs ahead of waiting ones', async () => {
    const held = heldWorker('w');
    const pool = createWorkerPool(1, () => held.worker);
    void pool.submit((s) => s.job('long'));
    void pool.submit((s) => s.job('queued'));
    void pool.submit((s) => s.job('urgent'), { urgent: true });
    for (let i = 0; i < 3; i++) {
      await turn();
      held.jobs[i]?.finish();
    }
    expect(held.jobs.map((j) => j.id)).toEqual(['long', 'urgent', 'queued']);
  });

  it('withdraws a cancelled job that no worker has taken, and says so', async () => {
    const held = heldWorker('w');
    const pool = createWorkerPool(1, () => held.worker);
    const stop = new AbortController();
    const running = pool.submit((s) => s.job('running'), { signal: stop.signal });
    const waiting = pool.submit((s) => s.job('waiting'), { signal: stop.signal });
    await turn();
    stop.abort();
    await expect(waiting).rejects.toBeInstanceOf(JobCancelledError);
    // A job already in a worker runs to its end.
    held.jobs[0]?.finish();
    expect(await running).toBe('running@w');
    expect(held.jobs.map((j) => j.id)).toEqual(['running']);
    await expect(pool.submit((s) => s.job('late'), { signal: stop.signal })).rejects.toThrow('Cancelled before it started.');
  });

  it('rejects the job of a worker that stopped with its reason, and starts a fresh worker for the next', async () => {
    const started: ReturnType<typeof heldWorker>[] = [];
    const pool = createWorkerPool(1, () => {
      const held = heldWorker(`w${started.length}`);
      started.push(held);
      return held.worker;
    });
    const lost = pool.submit((s) => s.job('lost'));
    const next = pool.submit((s) => s.job('next'));
    await turn();
    started[0]?.fail(new WorkerFailedError('A background worker stopped.'));
    await expect(lost).rejects.toThrow('A background worker stopped.');
    await turn();
    expect(started).toHaveLength(2);
    started[1]?.jobs[0]?.finish();
    expect(await next).toBe('next@w1');
  });

  it('rejects a job whose worker cannot start', async () => {
    const pool = createWorkerPool<{ job: () => Promise<string> }>(1, () => {
      throw new Error('Workers are not allowed here.');
    });
    await expect(pool.submit((s) => s.job())).rejects.toThrow('Workers are not allowed here.');
  });
});

describe('worker pool, stopping workers on cancel', () => {
  it('stops every worker running a cancelled job, frees its slot, and starts a fresh worker for the next job', async () => {
    const started: (ReturnType<typeof heldWorker> & { stopped: boolean })[] = [];
    const pool = createWorkerPool(2, (i) => {
      const held = { ...heldWorker(`w${i}-${started.length}`), stopped: false };
      started.push(held);
      return { ...held.worker, stop: () => (held.stopped = true) };
    });
    const cancel = new AbortController();
    const jobs = ['a', 'b', 'c'].map((id) => pool.submit((s) => s.job(id), { signal: cancel.signal, stopOnCancel: true }));
    await turn();
    expect(started).toHaveLength(2);
    cancel.abort();
    for (const job of jobs) await expect(job).rejects.toBeInstanceOf(JobCancelledError);
    expect(started.map((w) => w.stopped)).toEqual([true, true]);
    // The stopped workers never answer, yet the pool is free: a new job gets a fresh worker.
    const next = pool.submit((s) => s.job('next'));
    await turn();
    expect(started).toHaveLength(3);
    started[2]?.jobs[0]?.finish();
    expect(await next).toMatch(/^next@/);
  });

  it('lets a job finish normally when nobody cancels, and a late cancel changes nothing', async () => {
    let stops = 0;
    const held = heldWorker('w');
    const pool = createWorkerPool(1, () => ({ ...held.worker, stop: () => stops++ }));
    const cancel = new AbortController();
    const job = pool.submit((s) => s.job('a'), { signal: cancel.signal, stopOnCancel: true });
    await turn();
    held.jobs[0]?.finish();
    expect(await job).toBe('a@w');
    cancel.abort();
    expect(stops).toBe(0);
  });
});
