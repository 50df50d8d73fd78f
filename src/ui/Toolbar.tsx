import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { LinkIcon, TrayArrowIcon, UndoIcon } from '../canvas/icons';
import { shareUrl } from '../scenario/url-codec';
import { scenarioToShare } from '../store/run-slice';
import { redo, undo, useAppStore } from '../store';
import { EXAMPLES, loadExample } from './examples';
import { ExportMenu } from './export/ExportMenu';
import { readScenarioFile } from './file-io';
import { LessonsMenu } from './lessons/LessonsMenu';
import { Logo } from './Logo';
import { startNewScenario } from './new-scenario';
import { RecentWork } from './RecentWork';
import { RunControls } from './RunControls';
import { SharePanel } from './SharePanel';
import { PRESENTER_KEY } from './use-presenter-mode';

// The recorder (with html-to-image) loads when asked for.
const RecordDialog = lazy(() => import('./export/RecordDialog').then((m) => ({ default: m.RecordDialog })));
// The A/B view (its charts, its table) loads when opened.
const CompareDialog = lazy(() => import('./compare/CompareDialog').then((m) => ({ default: m.CompareDialog })));

/** The top bar: name, undo/redo, share, import/export, and the run controls. */
export function Toolbar() {
  const name = useAppStore((s) => s.scenario.name);
  const canUndo = useStore(useAppStore.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(useAppStore.temporal, (t) => t.futureStates.length > 0);
  const [share, setShare] = useState<{ url: string; copied: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [recording, setRecording] = useState(false);
  const [comparing, setComparing] = useState(false);
  const compareButton = useRef<HTMLButtonElement>(null);
  const closeCompare = useCallback(() => {
    setComparing(false);
    compareButton.current?.focus();
  }, []);

  const onShare = async () => {
    const url = shareUrl(scenarioToShare(useAppStore.getState()), `${location.origin}${location.pathname}`);
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No clipboard permission (or not a secure context): the panel shows the link to copy by hand.
    }
    setShare({ url, copied });
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const { notify, replaceScenario } = useAppStore.getState();
    const result = await readScenarioFile(file);
    if (!result.ok) {
      notify({ tone: 'error', title: `“${file.name}” was not opened; your work is unchanged.`, details: result.errors });
      return;
    }
    replaceScenario(result.scenario);
    notify(
      result.warnings.length > 0
        ? { tone: 'warning', title: `Opened “${result.scenario.name}”, with warnings. Undo returns to your previous work.`, details: result.warnings }
        : { tone: 'success', title: `Opened “${result.scenario.name}”. Undo returns to your previous work.` },
    );
  };

  const onExample = async (id: string) => {
    if (!id) return;
    const { notify, replaceScenario } = useAppStore.getState();
    const result = await loadExample(id);
    if (!result.ok) {
      notify({ tone: 'error', title: 'That example could not be opened; your work is unchanged.', details: result.errors });
      return;
    }
    replaceScenario(result.scenario);
    notify({ tone: 'success', title: `Opened the example “${result.scenario.name}”. Undo returns to your previous work.` });
  };

  return (
    <header className="toolbar">
      {/* The page's one level-one heading, so a screen reader's heading list starts with the app's name. */}
      <h1 className="brand">
        <Logo />
        <span>Scale Playground</span>
      </h1>
      <input
        className="toolbar__name"
        aria-label="Scenario name"
        value={name}
        maxLength={120}
        onChange={(event) => useAppStore.getState().updateSettings({ name: event.target.value }, 'name')}
      />
      <div className="toolbar__group toolbar__history">
        <button type="button" className="icon-button" onClick={undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">
          <UndoIcon />
        </button>
        <button type="button" className="icon-button" onClick={redo} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
          <UndoIcon mirrored />
        </button>
      </div>
      <div className="toolbar__group">
        <button type="button" className="button" onClick={() => startNewScenario()} title="Start from an empty canvas (undo brings back the current one)">
          New
        </button>
        <select
          className="toolbar__examples"
          aria-label="Open an example"
          value=""
          onChange={(event) => void onExample(event.target.value)}
        >
          <option value="">Examples…</option>
          {EXAMPLES.map((example) => (
            <option key={example.id} value={example.id}>
              {example.name}
            </option>
          ))}
        </select>
        <RecentWork />
        <LessonsMenu />
        <button type="button" className="button toolbar__file" onClick={onShare}>
          <LinkIcon /> Share
        </button>
        <button type="button" className="button toolbar__file" onClick={() => fileInput.current?.click()}>
          <TrayArrowIcon direction="in" /> Import
        </button>
        <ExportMenu onRecord={() => setRecording(true)} />
        <button
          ref={compareButton}
          type="button"
          className="button toolbar__file"
          onClick={() => setComparing(true)}
          title="Run the scenario and a variant with one change, same seed, side by side"
        >
          Compare
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="Import scenario file"
          hidden
          onChange={(event) => {
            void onImport(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      <PresenterToggle />
      <div className="toolbar__run">
        <RunControls />
      </div>
      {recording && (
        <Suspense fallback={null}>
          <RecordDialog onClose={() => setRecording(false)} />
        </Suspense>
      )}
      {comparing && (
        <Suspense fallback={null}>
          <CompareDialog onClose={closeCompare} />
        </Suspense>
      )}
      {share && <SharePanel url={share.url} copied={share.copied} name={name} onClose={() => setShare(null)} />}
    </header>
  );
}

/** Presenter mode on and off: the same as the P key. */
function PresenterToggle() {
  const presenter = useAppStore((s) => s.presenter);
  const key = PRESENTER_KEY.toUpperCase();
  return (
    <button
      type="button"
      className="button toolbar__presenter"
      aria-pressed={presenter}
      onClick={() => useAppStore.getState().setPresenter(!presenter)}
      title={presenter ? `Leave presenter mode (${key} or Esc)` : `Presenter mode: large type, high contrast, no side panels (${key})`}
    >
      <ProjectorIcon /> Presenter
    </button>
  );
}

function ProjectorIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <rect x="1.5" y="2" width="11" height="7.5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M7 9.5v2.5M4.5 12.5h5" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}
