/**
 * What a learner has done, kept in this browser: for each lesson the
 * furthest step reached, its number of steps, and whether the debrief was
 * reached; and, per tab, the lesson open now, so a reload reopens it over
 * the autosaved canvas instead of replacing the learner's edits.
 */

/** localStorage key of the progress of every lesson. */
export const LESSON_PROGRESS_KEY = 'scale-playground:lessons:v1';
/** sessionStorage key of the lesson open in this tab. */
export const OPEN_LESSON_KEY = 'scale-playground:open-lesson';

export interface LessonProgress {
  /** Furthest step shown, from 0; `steps` means the debrief. */
  reached: number;
  steps: number;
  completed: boolean;
}

export type ProgressBook = Record<string, LessonProgress>;

/** Every lesson's progress; empty when missing, unreadable or blocked. */
export function readProgress(storage: Pick<Storage, 'getItem'> | undefined): ProgressBook {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(LESSON_PROGRESS_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, p]) => isProgress(p))) as ProgressBook;
  } catch {
    return {};
  }
}

/**
 * Records that `step` of lesson `id` (of `steps`) was shown; the debrief is
 * step `steps` and completes the lesson. Progress only grows. A full or
 * blocked storage costs the record, never the page.
 */
export function recordStep(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined, id: string, step: number, steps: number): ProgressBook {
  const book = readProgress(storage);
  const before = book[id];
  const next: LessonProgress = {
    reached: Math.max(before?.reached ?? 0, Math.min(step, steps)),
    steps,
    completed: (before?.completed ?? false) || step >= steps,
  };
  book[id] = next;
  try {
    storage?.setItem(LESSON_PROGRESS_KEY, JSON.stringify(book));
  } catch {
    // Progress is a convenience: the lesson goes on without it.
  }
  return book;
}

/** What the Lessons menu says of a lesson: "Done", "Step 2 of 3", or nothing when never opened. */
export function progressLabel(progress: LessonProgress | undefined): string {
  if (!progress) return '';
  if (progress.completed) return 'Done';
  return `Step ${progress.reached + 1} of ${progress.steps}`;
}

/** The lesson open in this tab, or null. */
export function readOpenLesson(session: Pick<Storage, 'getItem'> | undefined): string | null {
  try {
    return session?.getItem(OPEN_LESSON_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Remembers (or, with null, forgets) the lesson open in this tab. */
export function writeOpenLesson(session: Pick<Storage, 'setItem' | 'removeItem'> | undefined, id: string | null): void {
  try {
    if (id === null) session?.removeItem(OPEN_LESSON_KEY);
    else session?.setItem(OPEN_LESSON_KEY, id);
  } catch {
    // Without it a reload opens the lesson afresh: the canvas before is still in Recent.
  }
}

/** `?lesson=<id>&step=<n>` (n from 1, as people count) read from a location's search; null without a lesson. */
export function parseLessonLink(search: string): { id: string; step: number } | null {
  const params = new URLSearchParams(search);
  const id = params.get('lesson');
  if (!id || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) return null;
  const step = Number.parseInt(params.get('step') ?? '1', 10);
  return { id, step: Number.isFinite(step) && step >= 1 ? step - 1 : 0 };
}

/** The search part of the lesson's deep link at `step` (from 0), keeping the other parameters. */
export function lessonSearch(search: string, id: string | null, step: number): string {
  const params = new URLSearchParams(search);
  if (id === null) {
    params.delete('lesson');
    params.delete('step');
  } else {
    params.set('lesson', id);
    params.set('step', String(step + 1));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function isProgress(value: unknown): value is LessonProgress {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return typeof p.reached === 'number' && typeof p.steps === 'number' && typeof p.completed === 'boolean';
}
