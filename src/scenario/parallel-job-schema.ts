import { z } from 'zod';
import { nodeFields } from './node-fields';

/*
 * The parallel-job node kind: fork-join work on N workers. It lives apart
 * from schema.ts, which imports it into NodeSchema; the fields every node
 * has come from node-fields.ts.
 */

/** Workers a parallel job splits across at most: the speedup chart's N = 1…64. */
export const MAX_PARALLEL_WORKERS = 64;

/** A share of the work, in [0, 1]; issue-messages.ts words a value outside as "must be at most 1 (it is 1.5)". */
const fraction = z.number().finite().min(0).max(1);

const workTime = z.discriminatedUnion('type', [
  z.object({ type: z.literal('exponential'), mean: z.number().finite().positive() }),
  z.object({ type: z.literal('constant'), value: z.number().finite().positive() }),
  z
    .object({ type: z.literal('uniform'), min: z.number().finite().nonnegative(), max: z.number().finite().positive() })
    .refine((d) => d.min <= d.max, { message: 'min must not exceed max', path: ['min'] }),
  z.object({ type: z.literal('lognormal'), mean: z.number().finite().positive(), cv: z.number().finite().positive() }),
]);

/**
 * A batch job that splits each request across its workers (fork-join): a
 * serial part on one worker, then N tasks side by side, joined. One request
 * holds all N workers; the next waits in the queue.
 */
export const ParallelJobNodeSchema = z.object({
  ...nodeFields,
  kind: z.literal('parallelJob'),
  /** N: the workers each request is split across, one task each. */
  workers: z.number().int().min(1).max(MAX_PARALLEL_WORKERS),
  /** Requests waiting for the workers; one that finds it full is dropped. null is unbounded. */
  queueCapacity: z.number().int().min(0).max(10_000_000).nullable().default(null),
  /** Seconds one request's work takes on a single worker (T(1) without coordination). */
  workTime: workTime,
  /** s: the share of the work that cannot be split (Amdahl's serial fraction). */
  serialFraction: fraction.default(0.05),
  /** σ: the join merges each other task's partial result in turn, at σ × that task's share of the work. */
  contention: fraction.default(0),
  /** κ: every task exchanges state with every other task, at κ × the whole work per exchange. */
  coherency: fraction.default(0),
});
export type ParallelJobNode = z.infer<typeof ParallelJobNodeSchema>;
