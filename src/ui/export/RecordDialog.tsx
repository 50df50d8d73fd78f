import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store';
import { formatSpeed } from '../../worker/protocol';
import { downloadBlob, slug } from './download';
import { estimatedBytes, formatBytes, type Recording, startRecording, webmType } from './recorder';

type Phase = { step: 'ready' } | { step: 'recording'; seconds: number; bytes: number } | { step: 'saving' } | { step: 'saved'; file: string; bytes: number } | { step: 'failed'; reason: string };

/** Wall seconds the rest of the run takes at the chosen speed; null at max speed (no fixed pace). */
function wallSeconds(): number | null {
  const { speed, simTime, runStatus, runScenario, scenario } = useAppStore.getState();
  if (!Number.isFinite(speed)) return null;
  const duration = (runScenario ?? scenario).duration;
  const left = runStatus === 'finished' || runStatus === 'idle' ? duration : Math.max(0, duration - simTime);
  return left / speed;
}

/**
 * Records the canvas while the run goes, to a WebM file: the size it will
 * come to before starting, then the seconds recorded, the size so far and the
 * run's progress. It stops when the run finishes, or on Stop.
 */
export function RecordDialog({ onClose }: { onClose(): void }) {
  const [phase, setPhase] = useState<Phase>({ step: 'ready' });
  const recording = useRef<Recording | null>(null);
  const speed = useAppStore((s) => s.speed);
  const simTime = useAppStore((s) => s.simTime);
  const duration = useAppStore((s) => (s.runScenario ?? s.scenario).duration);
  const status = useAppStore((s) => s.runStatus);
  const name = useAppStore((s) => s.scenario.name);
  const first = useRef<HTMLButtonElement>(null);
  const supported = webmType() !== null;
  const wall = wallSeconds();

  useEffect(() => first.current?.focus(), []);

  const stop = async () => {
    const running = recording.current;
    if (!running) return;
    recording.current = null;
    setPhase({ step: 'saving' });
    const video = await running.stop();
    const file = `${slug(name)}-run.webm`;
    downloadBlob(video, file);
    setPhase({ step: 'saved', file, bytes: video.size });
  };

  // The run's end ends the recording.
  useEffect(() => {
    if (phase.step === 'recording' && status === 'finished') void stop();
  });
  // Closing the dialog mid-recording still saves what was recorded.
  useEffect(() => () => void recording.current?.stop(), []);

  const start = () => {
    const flow = document.querySelector<HTMLElement>('.workspace .react-flow');
    if (!flow) return setPhase({ step: 'failed', reason: 'The canvas is not on show.' });
    try {
      recording.current = startRecording(flow, (seconds, bytes) => setPhase({ step: 'recording', seconds, bytes }));
    } catch (error) {
      return setPhase({ step: 'failed', reason: (error as Error).message });
    }
    setPhase({ step: 'recording', seconds: 0, bytes: 0 });
    const { runStatus, startRun } = useAppStore.getState();
    if (runStatus !== 'running') void startRun();
  };

  const fraction = duration > 0 ? Math.min(1, simTime / duration) : 0;
  return (
    <div
      className="popover record-dialog"
      role="dialog"
      aria-label="Record a run"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && phase.step !== 'recording') onClose();
      }}
    >
      <h2 className="record-dialog__title">Record a run (WebM)</h2>
      {phase.step === 'ready' && (
        <>
          <p>
            Records the canvas with its particles while the run goes, until it finishes or you press Stop. The file downloads at the end.
          </p>
          <p data-testid="record-estimate">
            {!supported
              ? 'This browser cannot record video.'
              : wall === null
                ? 'At max speed the run has no fixed pace: pick a speed to know the length and size ahead.'
                : `Up to about ${formatBytes(estimatedBytes(wall))} for ${Math.round(wall)} s of video (the rest of the run at ${formatSpeed(speed)}).`}
          </p>
          <div className="record-dialog__buttons">
            <button ref={first} type="button" className="button button--primary" onClick={start} disabled={!supported}>
              Start recording
            </button>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      )}
      {phase.step === 'recording' && (
        <>
          <progress className="record-dialog__progress" aria-label="Run recorded" value={fraction} max={1} />
          <p role="status" data-testid="record-progress">
            Recording: {Math.round(phase.seconds)} s, {formatBytes(phase.bytes)}
            {fraction > 0.02 && phase.bytes > 0 ? `; about ${formatBytes(phase.bytes / fraction)} at the run's end` : ''}.
          </p>
          <button type="button" className="button" onClick={() => void stop()}>
            Stop and save
          </button>
        </>
      )}
      {phase.step === 'saving' && <p role="status">Saving the video…</p>}
      {(phase.step === 'saved' || phase.step === 'failed') && (
        <>
          <p role="status">{phase.step === 'saved' ? `Saved ${phase.file} (${formatBytes(phase.bytes)}).` : `Not recorded: ${phase.reason}`}</p>
          <button ref={first} type="button" className="button" onClick={onClose}>
            Done
          </button>
        </>
      )}
    </div>
  );
}
