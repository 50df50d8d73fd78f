import './scenario/zod-without-eval';
import '@xyflow/react/dist/style.css';
import './ui/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useAppStore } from './store';
import { App } from './ui/App';
import { starterScenario } from './scenario/starter';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { downloadScenario } from './ui/file-io';
import { keepWork, type WorkSession } from './ui/keep-work';
import { adoptEarlierAutosave, readStartAutosave, renewWorkId, safeStorage, tabWorkId } from './ui/recent-work';
import { chooseStartScenario } from './ui/startup';

const storage = safeStorage('localStorage');
const session = safeStorage('sessionStorage');
adoptEarlierAutosave(storage, Date.now());
const work: WorkSession = { id: tabWorkId(session) };
const start = chooseStartScenario(location.hash, readStartAutosave(storage, work.id));
// A link is a new piece of work: the work this tab had stays in Recent.
if (start.source === 'link') work.id = renewWorkId(session);
useAppStore.setState({ scenario: start.scenario });
useAppStore.temporal.getState().clear();
if (start.message) useAppStore.getState().notify(start.message);
if (start.source === 'link') {
  // Keep the link until the first edit (a reload reopens it); after that the autosave holds the newer work.
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.scenario === previous.scenario) return;
    dropHash();
    unsubscribe();
  });
} else if (location.hash) {
  dropHash();
}
if (storage) {
  const stop = keepWork(useAppStore, storage, session, work, window);
  window.addEventListener('pagehide', stop);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary onExport={() => downloadScenario(useAppStore.getState().scenario)} onStartOver={() => useAppStore.getState().replaceScenario(starterScenario())}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

function dropHash() {
  history.replaceState(null, '', location.pathname + location.search);
}
