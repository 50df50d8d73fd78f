import { useState } from 'react';
import { LESSON_CONCEPTS } from '../../scenario/lesson-concepts';
import { safeStorage } from '../recent-work';
import { ToolbarPopover } from '../ToolbarPopover';
import { LESSONS } from './lesson-catalogue';
import { type ProgressBook, progressLabel, readProgress } from './lesson-progress';
import { useLessonState } from './lesson-state';
import './lessons-menu.css';

/** The toolbar's Lessons button: every lesson by concept, with how far this browser got in each. */
export function LessonsMenu() {
  const [progress, setProgress] = useState<ProgressBook | null>(null);
  const openId = useLessonState((s) => s.open?.lesson.id ?? null);
  const shown = progress !== null;

  const choose = (id: string) => {
    setProgress(null);
    // The panel and the lesson's text are chunks of their own, fetched when a lesson opens.
    void import('./open-lesson').then((m) => m.openLesson(id, 0));
  };

  return (
    <ToolbarPopover
      label="Lessons"
      title="Guided lessons: a system, a few steps, things to try and live checks"
      heading="Lessons"
      open={shown}
      onOpen={() => setProgress(readProgress(safeStorage('localStorage')))}
      onClose={() => setProgress(null)}
      className="lessons-menu"
      popoverClassName="lessons-menu__popover"
    >
      <p className="lessons-menu__note">Each opens its system on the canvas; your current work stays in Recent.</p>
      <ul>
        {LESSONS.map((entry) => {
          const label = progressLabel(progress?.[entry.id]);
          return (
            <li key={entry.id}>
              <button type="button" className="button lessons-menu__item" aria-current={entry.id === openId ? 'true' : undefined} onClick={() => choose(entry.id)}>
                <span className="lessons-menu__text">
                  <span className="lessons-menu__concept">{LESSON_CONCEPTS[entry.concept]}</span>
                  <span className="lessons-menu__title">{entry.title}</span>
                </span>
                {label && <span className={progress?.[entry.id]?.completed ? 'lessons-menu__done' : 'lessons-menu__step'}>{label}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </ToolbarPopover>
  );
}
