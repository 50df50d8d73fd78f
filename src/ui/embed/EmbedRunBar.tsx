import { useAppStore } from '../../store';
import { formatSpeed } from '../../worker/protocol';

const STATUS_TEXT = { idle: 'Ready', running: 'Running', paused: 'Paused', finished: 'Finished' } as const;

/** Run (or Pause, Resume, Run again) and what the run is doing: the embed's only control. */
export function EmbedRunBar() {
  const status = useAppStore((s) => s.runStatus);
  const speed = useAppStore((s) => s.speed);
  const runError = useAppStore((s) => s.runError);
  const { startRun, pauseRun } = useAppStore.getState();
  const running = status === 'running';
  const label = running ? 'Pause' : status === 'paused' ? 'Resume' : status === 'finished' ? 'Run again' : 'Run';
  return (
    <div className="embed__run">
      <button type="button" className="embed__run-button" onClick={() => void (running ? pauseRun() : startRun())}>
        {label}
      </button>
      <span className="embed__status" role="status" aria-live="polite">
        {STATUS_TEXT[status]}
        {running ? ` at ${formatSpeed(speed)}` : ''}
      </span>
      {runError ? (
        <span className="embed__error" role="alert">
          {runError}
        </span>
      ) : null}
    </div>
  );
}
