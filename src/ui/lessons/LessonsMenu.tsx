import { useEffect, useId, useRef, useState } from 'react';
import { LESSON_CONCEPTS } from '../../scenario/lesson-concepts';
import { safeStorage } from '../recent-work';
import { LESSONS } from './lesson-catalogue';
import { type ProgressBook, progressLabel, readProgress } from './lesson-progress';
import { useLessonState } from './lesson-state';
import './lessons-menu.css';

/** The toolbar's Lessons button: every lesson by concept, with how far this browser got in each. */
export function LessonsMenu() {
  const [progress, setProgress] = useState<ProgressBook | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const openId = useLessonState((s) => s.open?.lesson.id ?? null);
  const shown = progress !== null;

  useEffect(() => {
    if (shown) dialog.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [shown]);

  const close = () => {
    setProgress(null);
    button.current?.focus();
  };

  const choose = (id: string) => {
    setProgress(null);
    // The panel and the lesson's text are chunks of their own, fetched when a lesson opens.
    void import('./open-lesson').then((m) => m.openLesson(id, 0));
  };

  return (
    <div className="lessons-menu">
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="dialog"
        aria-expanded={shown}
        onClick={() => (shown ? close() : setProgress(readProgress(safeStorage('localStorage'))))}
        title="Guided lessons: a system, a few steps, things to try and live checks"
      >
        Lessons
      </button>
      {shown && (
        <div
          ref={dialog}
          className="popover lessons-menu__popover"
          role="dialog"
          aria-labelledby={headingId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <h2 id={headingId}>Lessons</h2>
          <p className="lessons-menu__note">Each opens its system on the canvas; your current work stays in Recent.</p>
          <ul>
            {LESSONS.map((entry) => {
              const label = progressLabel(progress[entry.id]);
              return (
                <li key={entry.id}>
                  <button type="button" className="button lessons-menu__item" aria-current={entry.id === openId ? 'true' : undefined} onClick={() => choose(entry.id)}>
                    <span className="lessons-menu__text">
                      <span className="lessons-menu__concept">{LESSON_CONCEPTS[entry.concept]}</span>
                      <span className="lessons-menu__title">{entry.title}</span>
                    </span>
                    {label && <span className={progress[entry.id]?.completed ? 'lessons-menu__done' : 'lessons-menu__step'}>{label}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="button" onClick={close}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
