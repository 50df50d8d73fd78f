import { beforeAll, describe, expect, it } from 'vitest';
import { lessonScenarioProblems } from '../scenario/lesson-parse';
import { LESSON_CONCEPTS } from '../scenario/lesson-schema';
import { finalVerdicts, lessonFiles, loadLesson, withEveryTry } from './testing/lessons';

/*
 * Each lesson driven headless through the engine, so none can rot
 * silently: before its "try this" buttons at least one of the last step's
 * checks fails, and with every button pressed in order all of them pass.
 * The checks are judged by the function the lesson panel uses.
 */

const files = lessonFiles();

describe('the lessons folder', () => {
  it('has a lesson for every concept section', () => {
    const taught = new Set(files.map((file) => loadLesson(file).lesson.concept));
    expect([...taught].sort()).toEqual(Object.keys(LESSON_CONCEPTS).sort());
  });

  it('names each file after its lesson', () => {
    for (const file of files) expect(`${loadLesson(file).lesson.id}.json`).toBe(file);
  });
});

describe.each(files)('lesson %s', (file) => {
  let before: ReturnType<typeof finalVerdicts>;
  let after: ReturnType<typeof finalVerdicts>;
  let problems: string[];

  beforeAll(() => {
    const { lesson, scenario } = loadLesson(file);
    problems = lessonScenarioProblems(lesson, scenario);
    before = finalVerdicts(lesson, scenario);
    after = finalVerdicts(lesson, withEveryTry(lesson, scenario));
  });

  it('names only nodes and links its scenario has', () => {
    expect(problems).toEqual([]);
  });

  it('ends with checks, and one of them fails before the "try this" buttons', () => {
    expect(before.length).toBeGreaterThan(0);
    expect(before.map((c) => `${c.label}: ${c.verdict.state}`)).toContainEqual(expect.stringMatching(/: fail$/));
  });

  it('passes every check of its last step once every "try this" is applied', () => {
    expect(after.length).toBeGreaterThan(0);
    // The label and the value read, for each check that does not pass.
    expect(after.filter((c) => c.verdict.state !== 'pass').map((c) => `${c.label}: ${c.verdict.state} (${c.verdict.value})`)).toEqual([]);
  });
});
