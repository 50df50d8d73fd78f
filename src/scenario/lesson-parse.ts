import { applyLessonActions } from './lesson-actions';
import { describeIssues, describeJsonError } from './issue-messages';
import { type Lesson, LESSON_VERSION, type LessonAction, LessonSchema } from './lesson-schema';
import { parseScenario } from './parse';
import type { Scenario } from './schema';

export type LessonParseResult = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

/** The keys an action may have, for the message when it has none of them. */
const ACTION_KEYS = ['set', 'setLink', 'addReplica', 'algorithm', 'cacheStrategy'];

/**
 * Validates untrusted lesson data (a file of lessons/): the version first,
 * then the schema. Every message names the field at fault, worded as
 * scenario messages are (issue-messages.ts).
 */
export function parseLesson(input: unknown): LessonParseResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['A lesson must be a JSON object with "version", "id", "title", "scenario" and "steps".'] };
  }
  const version = (input as Record<string, unknown>).version;
  if (version !== LESSON_VERSION) {
    const got = version === undefined ? 'missing' : `${JSON.stringify(version)}`;
    return { ok: false, errors: [`field "version": must be ${LESSON_VERSION} (it is ${got}); this playground reads lesson format version ${LESSON_VERSION}.`] };
  }
  const parsed = LessonSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: describeIssues(parsed.error, input).map((message) => explainUnion(message, input)) };
  }
  return { ok: true, lesson: parsed.data };
}

/** Parses a lesson file's text, turning a syntax error into a readable message. */
export function parseLessonJson(text: string): LessonParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`The lesson is not valid JSON: ${describeJsonError(text, (error as Error).message)}`] };
  }
  return parseLesson(data);
}

/** zod says only "Invalid input" for a union: say what an action or a scenario reference may be. */
function explainUnion(message: string, input: unknown): string {
  if (!message.endsWith(': Invalid input.') && !/: Invalid input \(it is/.test(message)) return message;
  const field = message.slice(0, message.indexOf(':'));
  if (/\.do\.\d+"$/.test(field)) {
    return `${field}: must be an object with one of the keys ${ACTION_KEYS.join(', ')}, each with its own fields (docs/lesson-format.md).`;
  }
  if (field === 'field "scenario"') {
    const keys = Object.keys(((input as Record<string, unknown>).scenario ?? {}) as object);
    return `${field}: must be { "example": "<file in scenarios/>" } (with optional "duration" and "warmup") or { "inline": { …a scenario… } } (it has ${keys.length > 0 ? keys.map((k) => `"${k}"`).join(', ') : 'no keys'}).`;
  }
  return message;
}

/**
 * The problems of a lesson against its own scenario: every node and link it
 * names must exist there. Empty when it fits.
 */
export function lessonScenarioProblems(lesson: Lesson, scenario: Scenario): string[] {
  const nodes = new Set(scenario.nodes.map((n) => n.id));
  const links = new Set(scenario.links.map((l) => l.id));
  const problems: string[] = [];
  lesson.steps.forEach((step, s) => {
    step.try.forEach((attempt, t) => {
      attempt.do.forEach((action, a) => {
        const where = `field "steps.${s}.try.${t}.do.${a}"`;
        const named = actionTarget(action);
        if (named.link !== undefined && !links.has(named.link)) problems.push(`${where}: names link "${named.link}", which the lesson's scenario does not have.`);
        if (named.node !== undefined && !nodes.has(named.node)) problems.push(`${where}: names node "${named.node}", which the lesson's scenario does not have.`);
      });
    });
    step.checks.forEach((check, c) => {
      const node = /^node:([^.]+)\./.exec(check.metric)?.[1];
      if (node !== undefined && !nodes.has(node)) {
        problems.push(`field "steps.${s}.checks.${c}.metric": names node "${node}", which the lesson's scenario does not have.`);
      }
    });
  });
  return problems;
}

function actionTarget(action: LessonAction): { node?: string; link?: string } {
  if ('set' in action) return { node: action.set.node };
  if ('setLink' in action) return { link: action.setLink.link };
  if ('addReplica' in action) return { node: action.addReplica.node };
  if ('algorithm' in action) return { node: action.algorithm.node };
  return { node: action.cacheStrategy.node };
}

/** The scenario of a lesson, from its example's parsed scenario or its inline one, with the lesson's run length. */
export function lessonScenario(lesson: Lesson, example: Scenario | null): { ok: true; scenario: Scenario } | { ok: false; errors: string[] } {
  const ref = lesson.scenario;
  if ('inline' in ref) {
    const parsed = parseScenario(ref.inline);
    return parsed.ok ? { ok: true, scenario: parsed.scenario } : { ok: false, errors: parsed.errors.map((e) => `field "scenario.inline": ${e}`) };
  }
  if (!example) return { ok: false, errors: [`field "scenario.example": there is no example called "${ref.example}" in scenarios/.`] };
  const shortened = { ...example, ...(ref.duration !== undefined ? { duration: ref.duration } : {}), ...(ref.warmup !== undefined ? { warmup: ref.warmup } : {}) };
  const parsed = parseScenario(shortened);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => `field "scenario": ${e}`) };
  const started = applyLessonActions(parsed.scenario, ref.start);
  if (!started.ok) return { ok: false, errors: [`field "scenario.start": ${started.error}`] };
  // Named for the lesson, so Recent tells it from the example. After start edits the example's write-up
  // describes another system: the lesson's summary stands in for it.
  const { scenario } = started;
  return { ok: true, scenario: { ...scenario, name: `Lesson: ${lesson.title}`, description: ref.start.length > 0 ? `${lesson.summary} (From the example “${example.name}”, changed for this lesson.)` : scenario.description } };
}
