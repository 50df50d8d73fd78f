import { markStart } from './first-paint-marks';
import './scenario/zod-without-eval';
import '@xyflow/react/dist/style.css';
import './ui/app.css';
import { lazy, StrictMode, Suspense, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useAppStore } from './store';
import { App } from './ui/App';
import { starterScenario } from './scenario/starter';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { downloadScenario } from './ui/file-io';
import { keepWork, type WorkSession } from './ui/keep-work';
import { adoptEarlierAutosave, readStartAutosave, renewWorkId, safeStorage, tabWorkId } from './ui/recent-work';
import { parseEmbedParams } from './ui/embed/embed-params';
import { parseLessonLink, readOpenLesson } from './ui/lessons/lesson-progress';
import { chooseStartScenario } from './ui/startup';
import { registerOfflineWorker } from './ui/register-offline';
import { whenIdleAfterFirstPaint } from './ui/use-after-first-paint';
import { readPresenterPreference } from './ui/use-presenter-mode';
import { keepPrepaintSnapshot, workerRenderer } from './prepaint/keep-snapshot';

markStart('main');

// An embed (an iframe in slides or a page) shows the link's scenario and keeps nothing: no autosave read or written,
// so a deck of embeds never fills Recent or opens the viewer's own work. Its page is a chunk of its own.
const embed = parseEmbedParams(location.search);
const EmbedApp = lazy(() => import('./ui/embed/EmbedApp').then((m) => ({ default: m.EmbedApp })));

const storage = safeStorage('localStorage');
const session = safeStorage('sessionStorage');
if (!embed) adoptEarlierAutosave(storage, Date.now());
const work: WorkSession = { id: tabWorkId(session) };
const start = chooseStartScenario(location.hash, embed ? null : readStartAutosave(storage, work.id));
// A link is a new piece of work: the work this tab had stays in Recent.
if (start.source === 'link' && !embed) work.id = renewWorkId(session);
// Presenter mode, when it is the remembered choice, is on from the first frame (the prepaint shows it so too).
useAppStore.setState({ scenario: start.scenario, presenter: !embed && readPresenterPreference(storage) });
useAppStore.temporal.getState().clear();
// An embed says nothing when all went well: the audience sees the system, not a toast.
if (start.message && (!embed || start.message.tone !== 'success')) useAppStore.getState().notify(start.message);
if (embed) {
  // The link stays in the address: reloading the frame reopens it.
} else if (start.source === 'link') {
  // Keep the link until the first edit (a reload reopens it); after that the autosave holds the newer work.
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.scenario === previous.scenario) return;
    dropHash();
    unsubscribe();
  });
} else if (location.hash) {
  dropHash();
}
if (storage && !embed) {
  const stop = keepWork(useAppStore, storage, session, work, window);
  window.addEventListener('pagehide', stop);
  // A build's index.html names itself (scripts/prepaint-plugin.mjs): its page for this work is prepainted on a reload.
  const build = document.getElementById('root')?.getAttribute('data-prepaint-build');
  if (build) {
    const render = workerRenderer(() => new Worker(new URL('./prepaint/snapshot.worker.ts', import.meta.url), { type: 'module', name: 'prepaint' }));
    keepPrepaintSnapshot({ store: useAppStore, local: storage, workId: () => work.id, build, render, page: document });
  }
}
// `?lesson=<id>&step=<n>` opens a lesson once autosave is watching, so the work open before keeps its entry in
// Recent, as with a shared link. A reload of a tab that has this lesson open keeps the autosaved canvas instead:
// it holds the learner's own edits.
const lessonLink = embed ? null : parseLessonLink(location.search);
if (lessonLink) {
  const reload = readOpenLesson(session) === lessonLink.id && start.source === 'autosave';
  void import('./ui/lessons/open-lesson').then((m) => m.openLesson(lessonLink.id, lessonLink.step, reload));
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
markStart('render', { source: start.source });
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary onExport={() => downloadScenario(useAppStore.getState().scenario)} onStartOver={() => useAppStore.getState().replaceScenario(starterScenario())}>
      {embed ? (
        <Suspense fallback={null}>
          <EmbedApp charts={embed.charts} ignored={embed.ignored} />
        </Suspense>
      ) : (
        <App />
      )}
    </ErrorBoundary>
    <AfterFirstCommit />
  </StrictMode>,
);

/** Its layout effect runs in the first commit, after every part's own (it is the last child). */
function AfterFirstCommit() {
  useLayoutEffect(() => {
    markStart('first-commit');
    // The prepainted page (src/prepaint) is gone now: React replaced it with the live one.
    document.getElementById('root')?.removeAttribute('data-prepaint');
    // The offline worker's install fetches every built file: not before the first frame is on screen.
    if (import.meta.env.PROD) return whenIdleAfterFirstPaint(() => registerOfflineWorker(navigator, import.meta.env.BASE_URL));
  }, []);
  return null;
}

function dropHash() {
  history.replaceState(null, '', location.pathname + location.search);
}
