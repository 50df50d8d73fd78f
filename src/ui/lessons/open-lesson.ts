import { lessonScenario, lessonScenarioProblems, parseLessonJson } from '../../scenario/lesson-parse';
import type { Lesson } from '../../scenario/lesson-schema';
import type { Scenario } from '../../scenario/schema';
import { useAppStore } from '../../store';
import { loadExample } from '../examples';
import { safeStorage } from '../recent-work';
import { loadLessonText } from './lesson-catalogue';
import { lessonSearch, parseLessonLink, recordStep, writeOpenLesson } from './lesson-progress';
import { useLessonState } from './lesson-state';

/** Said when a lesson replaced the canvas: the work before is where a shared link leaves it. */
const KEPT = 'Your previous work is kept: Recent brings it back, and so does Undo.';

/**
 * Opens lesson `id` at `step` (from 0). Its scenario replaces the canvas as
 * a shared link's does (one undo step; the work before keeps its own entry
 * in Recent), unless `keepCanvas` (a reload of a tab that had the lesson
 * open: the autosave holds the learner's edits). A broken lesson says why
 * and changes nothing.
 */
export async function openLesson(id: string, step: number, keepCanvas = false): Promise<boolean> {
  const { notify, replaceScenario } = useAppStore.getState();
  const loaded = await loadLesson(id);
  if (!loaded.ok) {
    notify({ tone: 'error', title: `The lesson “${id}” could not be opened; your work is unchanged.`, details: loaded.errors });
    // A broken deep link leaves the address, so a reload does not say it again.
    if (parseLessonLink(location.search)?.id === id) history.replaceState(history.state, '', location.pathname + lessonSearch(location.search, null, 0) + location.hash);
    return false;
  }
  const { lesson, scenario } = loaded;
  if (!keepCanvas) {
    replaceScenario(scenario);
    notify({ tone: 'success', title: `Opened the lesson “${lesson.title}”.`, details: [KEPT] });
  }
  writeOpenLesson(safeStorage('sessionStorage'), lesson.id);
  useLessonState.setState({ open: { lesson, step: 0 } });
  // The panel narrowed the canvas (a new scenario asked for its fit already).
  if (keepCanvas) useAppStore.getState().requestFit();
  showStep(Math.min(step, lesson.steps.length - 1));
  return true;
}

/** Shows step `step` of the open lesson (`steps.length`: the debrief), records it and puts it in the address. */
export function showStep(step: number): void {
  const open = useLessonState.getState().open;
  if (!open) return;
  const last = open.lesson.steps.length;
  const next = Math.max(0, Math.min(step, last));
  useLessonState.setState({ open: { ...open, step: next } });
  recordStep(safeStorage('localStorage'), open.lesson.id, next, last);
  history.replaceState(history.state, '', location.pathname + lessonSearch(location.search, open.lesson.id, Math.min(next, last - 1)) + location.hash);
}

/** Closes the lesson panel; the canvas stays as it is. */
export function closeLesson(): void {
  useLessonState.setState({ open: null });
  useAppStore.getState().requestFit();
  writeOpenLesson(safeStorage('sessionStorage'), null);
  history.replaceState(history.state, '', location.pathname + lessonSearch(location.search, null, 0) + location.hash);
}

/** A lesson and its scenario, validated; or every problem, each naming its field. */
async function loadLesson(id: string): Promise<{ ok: true; lesson: Lesson; scenario: Scenario } | { ok: false; errors: string[] }> {
  let text: string | null;
  try {
    text = await loadLessonText(id);
  } catch (error) {
    return { ok: false, errors: [`The lesson could not be loaded: ${(error as Error).message}`] };
  }
  if (text === null) return { ok: false, errors: [`There is no lesson called "${id}". The Lessons menu lists them all.`] };
  const parsed = parseLessonJson(text);
  if (!parsed.ok) return parsed;
  const ref = parsed.lesson.scenario;
  let example: Scenario | null = null;
  if ('example' in ref) {
    const result = await loadExample(ref.example);
    if (!result.ok) return { ok: false, errors: [`field "scenario.example": ${result.errors.join(' ')}`] };
    example = result.scenario;
  }
  const scenario = lessonScenario(parsed.lesson, example);
  if (!scenario.ok) return scenario;
  const problems = lessonScenarioProblems(parsed.lesson, scenario.scenario);
  if (problems.length > 0) return { ok: false, errors: problems };
  return { ok: true, lesson: parsed.lesson, scenario: scenario.scenario };
}
