import { z } from 'zod';
import { LESSON_CONCEPTS, type LessonConcept } from './lesson-concepts';

/*
 * The lesson format (docs/lesson-format.md): one JSON file per lesson in
 * lessons/. A lesson names a scenario, tells it in steps, offers "try this"
 * edits as data (lesson-actions.ts applies them) and live checks as data
 * over the engine's figures (engine/lesson-checks.ts judges them).
 */

/** The lesson format's version; a file with another is refused with a message saying so. */
export const LESSON_VERSION = 1;

export { LESSON_CONCEPTS, type LessonConcept } from './lesson-concepts';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');
const nodeId = z.string().min(1).max(64);
/** What a "try this" edit may write: JSON values; the scenario's own schema judges them once applied. */
const value: z.ZodType<unknown> = z.union([z.number().finite(), z.string().max(200), z.boolean(), z.null(), z.record(z.string(), z.unknown())]);
/** A field inside a node or link, dots for nested fields ("healthCheck.active", "call.breaker"). */
const fieldPath = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z]+(\.[A-Za-z]+)*$/, 'a field name, dots between nested fields (e.g. "healthCheck.active")');

/** One edit of the canvas scenario: each has one key, which names what it does. */
export const LessonActionSchema = z.union([
  z.strictObject({ set: z.strictObject({ node: nodeId, field: fieldPath, value }) }),
  z.strictObject({ setLink: z.strictObject({ link: nodeId, field: fieldPath, value }) }),
  z.strictObject({ addReplica: z.strictObject({ node: nodeId }) }),
  z.strictObject({ algorithm: z.strictObject({ node: nodeId, value: z.string().min(1).max(40) }) }),
  z.strictObject({ cacheStrategy: z.strictObject({ node: nodeId, value: z.string().min(1).max(40) }) }),
]);
export type LessonAction = z.infer<typeof LessonActionSchema>;

/** The figures a check may read (engine/lesson-checks.ts reads each from the run). */
export const TOTALS_METRICS = ['latency.mean', 'latency.p50', 'latency.p95', 'latency.p99', 'throughput', 'failedShare', 'relogins'] as const;
export const NODE_METRICS = ['utilization', 'hitRatio', 'staleRatio', 'requestOffload', 'backlog', 'speedup', 'lostWrites', 'staleCalls'] as const;
export type TotalsMetric = (typeof TOTALS_METRICS)[number];
export type NodeMetric = (typeof NODE_METRICS)[number];

const METRIC_PATTERN = new RegExp(`^(totals\\.(${TOTALS_METRICS.join('|').replaceAll('.', '\\.')})|node:[^.\\s]+\\.(${NODE_METRICS.join('|')}))$`);

/** The metrics the engine has a closed form for (engine/lesson-checks.ts reads it). */
const THEORY_METRIC = /^(totals\.latency\.|node:[^.\s]+\.(utilization|hitRatio|speedup)$)/;

/** A check over one figure of the run: below or above a number, or within some distance of theory or a number. */
export const LessonCheckSchema = z
  .strictObject({
    /** What the panel says, e.g. "p99 under 200 ms". */
    label: z.string().min(1).max(120),
    metric: z
      .string()
      .regex(
        METRIC_PATTERN,
        `use totals.<${TOTALS_METRICS.join('|')}> or node:<id>.<${NODE_METRICS.join('|')}>`,
      ),
    below: z.number().finite().optional(),
    above: z.number().finite().optional(),
    /** "theory": what the engine's closed form predicts for this figure; or a number. */
    withinOf: z.union([z.literal('theory'), z.number().finite()]).optional(),
    /** With withinOf: the largest distance, in percentage points of a ratio (2 = 0.02). */
    points: z.number().finite().positive().optional(),
    /** With withinOf: the largest distance, as a percentage of the value compared with. */
    percent: z.number().finite().positive().optional(),
  })
  .superRefine((check, ctx) => {
    const tests = ['below', 'above', 'withinOf'].filter((k) => check[k as keyof typeof check] !== undefined);
    if (tests.length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of "below", "above" or "withinOf"', path: ['metric'] });
    }
    const widths = [check.points, check.percent].filter((w) => w !== undefined).length;
    if (check.withinOf !== undefined && widths !== 1) {
      ctx.addIssue({ code: 'custom', message: 'withinOf needs exactly one of "points" or "percent"', path: ['withinOf'] });
    }
    if (check.withinOf === 'theory' && !THEORY_METRIC.test(check.metric)) {
      ctx.addIssue({ code: 'custom', message: 'theory gives latency, a node\'s utilization or hit ratio and a parallel job\'s speedup only; compare this metric with a number', path: ['withinOf'] });
    }
    if (check.withinOf === undefined && widths > 0) {
      ctx.addIssue({ code: 'custom', message: '"points" and "percent" only go with "withinOf"', path: [check.points !== undefined ? 'points' : 'percent'] });
    }
  });
export type LessonCheck = z.infer<typeof LessonCheckSchema>;

/** A "try this" button: what it says and the edits it makes (one undo step). */
export const LessonTrySchema = z.strictObject({
  label: z.string().min(1).max(80),
  do: z.array(LessonActionSchema).min(1).max(8),
});
export type LessonTry = z.infer<typeof LessonTrySchema>;

export const LessonStepSchema = z.strictObject({
  /** Plain text (no markdown); blank lines split paragraphs. */
  text: z.string().min(1).max(1200),
  try: z.array(LessonTrySchema).max(4).default([]),
  checks: z.array(LessonCheckSchema).max(6).default([]),
});
export type LessonStep = z.infer<typeof LessonStepSchema>;

/** Where the lesson's system comes from: an example of scenarios/ (with a shorter run if wanted), or written out whole. */
export const LessonScenarioSchema = z.union([
  z.strictObject({
    example: id,
    duration: z.number().finite().positive().max(600).optional(),
    warmup: z.number().finite().nonnegative().optional(),
    /** Edits made before the lesson opens, so the example starts in the state the lesson begins from. */
    start: z.array(LessonActionSchema).max(12).default([]),
  }),
  z.strictObject({ inline: z.record(z.string(), z.unknown()) }),
]);
export type LessonScenario = z.infer<typeof LessonScenarioSchema>;

export const LessonSchema = z.strictObject({
  version: z.literal(LESSON_VERSION),
  id,
  title: z.string().min(1).max(80),
  concept: z.enum(Object.keys(LESSON_CONCEPTS) as [LessonConcept, ...LessonConcept[]]),
  /** One line for the Lessons menu. */
  summary: z.string().min(1).max(200),
  scenario: LessonScenarioSchema,
  steps: z.array(LessonStepSchema).min(1).max(12),
  /** What the lesson showed, shown after the last step. */
  debrief: z.string().min(1).max(1500),
});
export type Lesson = z.infer<typeof LessonSchema>;
