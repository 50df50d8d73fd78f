import { type ChangeEvent, memo, useEffect, useId, useRef, useState } from 'react';
import { useAppStore } from '../store';
import { replayNote, settingsAwaitReset } from '../store/run-slice';
import { onDisplayBeat } from '../store/display-beat';
import type { AppState } from '../store/types';
import { useBeatValue } from '../store/use-beat-value';
import { setText } from '../views/dom-writes';
import { formatSpeed, SPEEDS } from '../worker/protocol';
import { speedNote } from './speed-note';
import './runtime.css';

const selectAchieved = (s: AppState) => (s.achievedSpeed > 0 ? Number(s.achievedSpeed.toPrecision(2)) : 0);

const STATUS_TEXT = { idle: 'Ready', running: 'Running', paused: 'Paused', finished: 'Finished' } as const;

/** Run, Pause, Step, Reset, speed, seed and duration, with the run's progress and status. */
export function RunControls() {
  const status = useAppStore((s) => s.runStatus);
  const speed = useAppStore((s) => s.speed);
  const runError = useAppStore((s) => s.runError);
  const workerStopped = useAppStore((s) => s.workerStopped);
  // A run keeps the scenario it was loaded with; Reset (or Run again after the end) picks up edits.
  // Graph edits reach the run at once; only the run's settings wait for a Reset.
  const stale = useAppStore((s) => settingsAwaitReset(s) && (s.runStatus === 'running' || s.runStatus === 'paused'));
  // A shared run with recorded edits moves the canvas by itself: say so, and which edit is in force.
  const replay = useAppStore(replayNote);
  // Two significant digits, read on the display beat: at full speed the figure moves on every store update.
  const achieved = useBeatValue(selectAchieved);
  const { startRun, pauseRun, stepRun, resetRun, setSpeed } = useAppStore.getState();
  const running = status === 'running';
  const runLabel = status === 'paused' ? 'Resume' : status === 'finished' ? 'Run again' : 'Run';

  return (
    <fieldset className="sp-run">
      <legend className="sp-visually-hidden">Run controls</legend>
      <div className="sp-run-buttons">
        {running ? (
          <button type="button" className="sp-run-primary" onClick={() => void pauseRun()}>
            <PauseIcon /> Pause
          </button>
        ) : (
          <button type="button" className="sp-run-primary" onClick={() => void startRun()}>
            <PlayIcon /> {runLabel}
          </button>
        )}
        <button
          type="button"
          onClick={() => void stepRun()}
          disabled={status === 'finished'}
          title="Advance one simulated second (one metrics window), then pause"
        >
          Step +1 s
        </button>
        <button type="button" onClick={() => void resetRun()} title="Back to 0 s with the current scenario">
          Reset
        </button>
      </div>
      <label className="sp-run-field">
        <span>Speed</span>
        <select
          value={String(speed)}
          onChange={(event: ChangeEvent<HTMLSelectElement>) => void setSpeed(Number(event.target.value))}
          title="Simulated seconds per real second"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {Number.isFinite(s) ? `${formatSpeed(s)} real time` : 'max (as fast as possible)'}
            </option>
          ))}
        </select>
      </label>
      <SettingField label="Seed" field="seed" unit="" min={0} step={1} />
      <SettingField label="Duration" field="duration" unit="s" min={0.001} step={1} />
      <Progress />
      <span className="sp-run-status" role="status" aria-live="polite">
        {STATUS_TEXT[status]}
        {running ? ` at ${formatSpeed(speed)}${speedNote(speed, achieved)}` : ''}
        {stale ? ' · seed and duration apply after Reset' : ''}
        {replay ? ` · ${replay}` : ''}
      </span>
      {runError ? (
        <span className="sp-run-error" role="alert">
          {runError}
        </span>
      ) : null}
      {workerStopped ? (
        <button type="button" className="sp-run-restart" onClick={() => void useAppStore.getState().restartWorker()}>
          Restart
        </button>
      ) : null}
    </fieldset>
  );
}

/** A scenario setting edited in place; an invalid value shows why and never reaches the scenario. Memoised: the controls around it re-render while a run goes. */
const SettingField = memo(function SettingField({
  label,
  field,
  unit,
  min,
  step,
}: {
  label: string;
  field: 'seed' | 'duration';
  unit: string;
  min: number;
  step: number;
}) {
  const value = useAppStore((s) => s.scenario[field]);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const errorId = useId();

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    setDraft(text);
    const number = Number(text);
    const error = text.trim() === '' || !Number.isFinite(number) ? 'Enter a number.' : updateSettings({ [field]: number }, `run-${field}`);
    setProblem(error);
  };

  return (
    <label className="sp-run-field">
      <span>
        {label}
        {unit ? ` (${unit})` : ''}
      </span>
      <input
        type="number"
        inputMode="decimal"
        min={min}
        step={step}
        value={draft ?? String(value)}
        onChange={onChange}
        onBlur={() => {
          setDraft(null);
          setProblem(null);
        }}
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        className={field === 'seed' ? 'sp-run-seed' : 'sp-run-duration'}
      />
      {problem ? (
        <span id={errorId} className="sp-run-field-error">
          {problem}
        </span>
      ) : null}
    </label>
  );
});

/**
 * "12.0 s / 60 s" and a bar, written straight to the DOM: no React render per
 * frame. While running it follows the display beat (the page renders once per
 * beat for all live figures); a pause, step or reset shows at once.
 */
function Progress() {
  const text = useRef<HTMLSpanElement>(null);
  const bar = useRef<HTMLProgressElement>(null);
  useEffect(() => {
    let stale = true;
    const paint = () => {
      if (!stale) return;
      stale = false;
      const { simTime, runScenario, scenario } = useAppStore.getState();
      const duration = (runScenario ?? scenario).duration;
      if (text.current) setText(text.current, `${clockTenths(simTime)} s / ${formatSeconds(duration)} s`);
      if (bar.current) {
        if (bar.current.max !== duration) bar.current.max = duration;
        const value = Math.min(simTime, duration);
        if (bar.current.value !== value) bar.current.value = value;
      }
    };
    paint();
    const stopBeat = onDisplayBeat(paint);
    const unsubscribe = useAppStore.subscribe((state) => {
      stale = true;
      if (state.runStatus !== 'running') paint();
    });
    return () => {
      stopBeat();
      unsubscribe();
    };
  }, []);
  return (
    <span className="sp-run-progress">
      {/* A value from the start: a <progress> without one animates as if loading. */}
      <progress ref={bar} aria-label="Simulated time" value={0} max={1} />
      <span ref={text} className="sp-run-time" data-testid="sim-time" />
    </span>
  );
}

/** Truncated like a clock, not rounded: 5.96 s reads 5.9, so Step (to the next whole second) visibly moves to 6.0. */
function clockTenths(seconds: number): string {
  return (Math.floor(seconds * 10 + 1e-6) / 10).toFixed(1);
}

function formatSeconds(seconds: number): string {
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
}

function PlayIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M2.5 1.5v9l8-4.5z" fill="currentColor" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M2.5 1.5h2.5v9H2.5zM7 1.5h2.5v9H7z" fill="currentColor" />
    </svg>
  );
}
