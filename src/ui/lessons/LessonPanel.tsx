import { useEffect, useId, useRef, useState } from 'react';
import { type CheckVerdict, judgeCheck } from '../../engine/lesson-checks';
import { lessonEdits } from '../../scenario/lesson-actions';
import { lessonScenarioProblems } from '../../scenario/lesson-parse';
import { LESSON_CONCEPTS, type LessonCheck, type LessonTry } from '../../scenario/lesson-schema';
import { undo, useAppStore } from '../../store';
import { onDisplayBeat } from '../../store/display-beat';
import type { LinkPatch, NodePatch } from '../../store/scenario-slice';
import { verdictText } from './check-format';
import { closeLesson, openLesson, showStep } from './open-lesson';
import { useLessonState } from './lesson-state';
import './lessons.css';

/**
 * The open lesson, in the left column: the step's narration, its "try
 * this" buttons (each an edit of the canvas, undoable like any), its live
 * checks (judged on the display beat while the run goes), Back and Next,
 * and the debrief after the last step.
 */
export function LessonPanel() {
  const open = useLessonState((s) => s.open);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const step = open?.step ?? 0;
  const lessonId = open?.lesson.id;
  // A lesson just opened: focus its title, so a screen reader reads it and Tab goes on to its buttons.
  // A new step keeps focus where it is (on Next), and the step line says which step it is.
  useEffect(() => {
    if (lessonId) heading.current?.focus();
  }, [lessonId]);
  if (!open) return null;
  const { lesson } = open;
  // The panel goes away: focus returns to the menu that opened it, not to the page's start.
  const close = () => {
    closeLesson();
    document.querySelector<HTMLButtonElement>('.lessons-menu > button')?.focus();
  };
  const total = lesson.steps.length;
  const current = lesson.steps[step];
  return (
    <aside className="lesson" aria-labelledby={headingId}>
      <header className="lesson__head">
        <p className="lesson__concept">Lesson · {LESSON_CONCEPTS[lesson.concept]}</p>
        <h2 id={headingId} className="lesson__title" ref={heading} tabIndex={-1}>
          {lesson.title}
        </h2>
        <button type="button" className="icon-button lesson__close" aria-label="Close the lesson" title="Close the lesson (the canvas stays)" onClick={close}>
          ×
        </button>
      </header>
      <SystemGone />
      <p className="lesson__progress" aria-live="polite">{current ? `Step ${step + 1} of ${total}` : 'Debrief'}</p>
      {/* Focusable, as it may scroll: the keyboard must reach the end of a long step. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard. */}
      <section className="lesson__body" tabIndex={0} aria-label="Lesson text, scrollable">
        {current ? (
          <>
            <Narration text={current.text} />
            {current.try.length > 0 && (
              <section className="lesson__try" aria-label="Try this">
                <h3 className="lesson__label">Try this</h3>
                {current.try.map((attempt) => (
                  <button key={attempt.label} type="button" className="button lesson__try-button" onClick={() => void applyTry(attempt)}>
                    {attempt.label}
                  </button>
                ))}
              </section>
            )}
          </>
        ) : (
          <Narration text={lesson.debrief} />
        )}
      </section>
      {/* Outside the scrolling text, so the checks stay in view while the run goes. */}
      {current && current.checks.length > 0 && <LiveChecks checks={current.checks} />}
      <nav className="lesson__nav" aria-label="Lesson steps">
        <button type="button" className="button" disabled={step === 0} onClick={() => showStep(step - 1)}>
          Back
        </button>
        {current ? (
          <button type="button" className="button button--primary" onClick={() => showStep(step + 1)}>
            {step + 1 === total ? 'Debrief' : 'Next'}
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={close}>
            Finish
          </button>
        )}
      </nav>
    </aside>
  );
}

/** Said when the canvas no longer holds the lesson's system (an example or a file was opened): its buttons and checks would not fit. */
function SystemGone() {
  const open = useLessonState((s) => s.open);
  const fits = useAppStore((s) => (open ? lessonScenarioProblems(open.lesson, s.scenario).length === 0 : true));
  if (!open || fits) return null;
  return (
    <div className="lesson__gone" role="status">
      <p>The canvas no longer shows this lesson's system, so its buttons and checks do not fit it.</p>
      <button type="button" className="button" onClick={() => void openLesson(open.lesson.id, open.step)}>
        Open the lesson's system again
      </button>
    </div>
  );
}

function Narration({ text }: { text: string }) {
  return (
    <div className="lesson__text">
      {text.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </div>
  );
}

/** The step's checks with ✓ or ✗, judged against the store's figures on every display beat. */
function LiveChecks({ checks }: { checks: readonly LessonCheck[] }) {
  const [verdicts, setVerdicts] = useState<CheckVerdict[]>(() => judgeAll(checks));
  useEffect(() => {
    const judge = () => {
      const next = judgeAll(checks);
      setVerdicts((previous) => (sameVerdicts(previous, next) ? previous : next));
    };
    judge();
    return onDisplayBeat(judge);
  }, [checks]);
  return (
    <section className="lesson__checks" aria-label="Live checks">
      <h3 className="lesson__label">Live checks</h3>
      <ul>
        {checks.map((check, i) => {
          const verdict = verdicts[i] ?? { state: 'pending', value: null, reference: null, why: 'run' };
          const mark = verdict.state === 'pass' ? '✓' : verdict.state === 'fail' ? '✗' : '…';
          const said = verdict.state === 'pass' ? 'passes' : verdict.state === 'fail' ? 'fails' : 'not judged yet';
          return (
            <li key={check.label} className={`lesson__check lesson__check--${verdict.state}`} data-state={verdict.state}>
              <span className="lesson__mark" aria-hidden="true">
                {mark}
              </span>
              <span className="lesson__check-text">
                <span className="lesson__check-label">
                  {check.label}
                  <span className="sp-visually-hidden">: {said}</span>
                </span>
                <span className="lesson__check-value">{verdictText(check, verdict)}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function judgeAll(checks: readonly LessonCheck[]): CheckVerdict[] {
  const { snapshot, report, nodeIndex } = useAppStore.getState();
  return checks.map((check) => judgeCheck(check, { snapshot, report, nodeIndex }));
}

function sameVerdicts(a: readonly CheckVerdict[], b: readonly CheckVerdict[]): boolean {
  const key = (v: CheckVerdict | undefined) => (v === undefined ? '' : v.state === 'pending' ? `pending:${v.why}` : `${v.state}:${v.value}:${v.reference}`);
  return a.length === b.length && a.every((v, i) => key(v) === key(b[i]));
}

/**
 * Applies a "try this" button's edits through the inspector's own actions
 * (updateNode, updateLink), as one undo step, then puts the run back to
 * time 0: the checks judge whole runs, so the next Run shows the edit's effect.
 */
async function applyTry(attempt: LessonTry): Promise<void> {
  const store = useAppStore.getState();
  const planned = lessonEdits(store.scenario, attempt.do);
  if (!planned.ok) {
    store.notify({ tone: 'error', title: `“${attempt.label}” does not fit this canvas; it is unchanged.`, details: [planned.error] });
    return;
  }
  const temporal = useAppStore.temporal.getState();
  let problem: string | null = null;
  let applied = 0;
  for (const edit of planned.edits) {
    // The first edit is the undo step; the rest join it.
    if (applied === 1) temporal.pause();
    problem = edit.target === 'node' ? store.updateNode(edit.id, edit.patch as NodePatch) : store.updateLink(edit.id, edit.patch as LinkPatch);
    if (problem !== null) break;
    applied += 1;
  }
  temporal.resume();
  if (problem !== null) {
    if (applied > 0) undo();
    store.notify({ tone: 'error', title: `“${attempt.label}” could not be applied; the canvas is unchanged.`, details: [problem] });
    return;
  }
  if (useAppStore.getState().runStatus !== 'idle') await useAppStore.getState().resetRun();
  store.notify({ tone: 'info', title: `${attempt.label}: done. Press Run to see what it changes.`, details: ['Undo takes it back.'] });
}
