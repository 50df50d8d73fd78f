import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyLessonActions } from '../../scenario/lesson-actions';
import { lessonScenario, parseLessonJson } from '../../scenario/lesson-parse';
import type { Lesson } from '../../scenario/lesson-schema';
import type { Scenario } from '../../scenario/schema';
import { type CheckVerdict, judgeCheck } from '../lesson-checks';
import { runScenario } from '../simulation';
import type { Report } from '../types';
import { loadExample } from './examples';

/* Helpers for the tests that drive each lesson headless (engine/lessons.test.ts). */

const dir = join(import.meta.dirname, '../../../lessons');

/** Every lesson file's name, e.g. "scale-out-vs-up.json". */
export const lessonFiles = (): string[] => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

/** A lesson file, parsed, with its scenario; throws with the file's messages when either is broken. */
export function loadLesson(file: string): { lesson: Lesson; scenario: Scenario } {
  const parsed = parseLessonJson(readFileSync(join(dir, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}:\n${parsed.errors.join('\n')}`);
  const ref = parsed.lesson.scenario;
  const scenario = lessonScenario(parsed.lesson, 'example' in ref ? loadExample(`${ref.example}.json`) : null);
  if (!scenario.ok) throw new Error(`${file}:\n${scenario.errors.join('\n')}`);
  return { lesson: parsed.lesson, scenario: scenario.scenario };
}

/** The scenario with every "try this" of every step applied in order, as a learner pressing each button would. */
export const withEveryTry = (lesson: Lesson, scenario: Scenario): Scenario => withTries(lesson, scenario, Number.POSITIVE_INFINITY);

/** The scenario with the lesson's first `count` "try this" buttons (counted over all steps) pressed in order. */
export function withTries(lesson: Lesson, scenario: Scenario, count: number): Scenario {
  let current = scenario;
  for (const attempt of lesson.steps.flatMap((step) => step.try).slice(0, count)) {
    const applied = applyLessonActions(current, attempt.do);
    if (!applied.ok) throw new Error(`${lesson.id}, "${attempt.label}": ${applied.error}`);
    current = applied.scenario;
  }
  return current;
}

/** A headless run of a lesson's scenario to its end, as the page's run reports it. */
export const runLesson = (scenario: Scenario): Report => runScenario(scenario, { window: 0 });

/** The last step's checks judged against a finished run's report, with the value each read. */
export function finalVerdicts(lesson: Lesson, report: Report): { label: string; verdict: CheckVerdict }[] {
  const checks = lesson.steps[lesson.steps.length - 1]?.checks ?? [];
  return checks.map((check) => ({ label: check.label, verdict: judgeCheck(check, { snapshot: null, report, nodeIndex: {} }) }));
}
