import './scenario/zod-without-eval';
import '@xyflow/react/dist/style.css';
import './ui/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useAppStore } from './store';
import { App } from './ui/App';
import { starterScenario } from './scenario/starter';
import { startAutosave } from './ui/autosave';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { downloadScenario } from './ui/file-io';
import { chooseStartScenario, readAutosave } from './ui/startup';

const storage = safeLocalStorage();
const start = chooseStartScenario(location.hash, readAutosave(storage));
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
  const stop = startAutosave(useAppStore, storage);
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

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
