import { create } from 'zustand';
import type { Lesson } from '../../scenario/lesson-schema';

/** The lesson open on the page and the step shown (`steps.length` shows the debrief). */
export interface OpenLesson {
  lesson: Lesson;
  step: number;
}

/**
 * The open lesson, apart from the app's store: it is a view over the
 * canvas, not part of the scenario, so it never enters undo or autosave.
 */
export const useLessonState = create<{ open: OpenLesson | null }>(() => ({ open: null }));
