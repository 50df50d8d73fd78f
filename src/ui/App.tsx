import { ReactFlowProvider } from '@xyflow/react';
import { Editor } from '../canvas/Editor';
import { Palette } from '../canvas/Palette';
import { useAppStore } from '../store';
import { ParticleOverlay } from '../views/particles/ParticleOverlay';
import { ChartsPanel } from './panels/ChartsPanel';
import { ErrorBoundary } from './ErrorBoundary';
import { downloadScenario } from './file-io';
import { Inspector } from './inspector/Inspector';
import { Toasts } from './Toasts';
import { Toolbar } from './Toolbar';
import { useAfterFirstPaint } from './use-after-first-paint';
import { useEditShortcuts } from './use-edit-shortcuts';
import { usePresenterMode } from './use-presenter-mode';

const exportWork = () => downloadScenario(useAppStore.getState().scenario);

/** The page: toolbar on top, palette left, canvas centre, inspector right, charts below. Each part fails alone. */
export function App() {
  useEditShortcuts();
  usePresenterMode();
  const presenter = useAppStore((s) => s.presenter);
  const painted = useAfterFirstPaint();
  return (
    <ReactFlowProvider>
      <div className={presenter ? 'app app--presenter' : 'app'}>
        <Toolbar />
        <Palette />
        <main className="workspace">
          <ErrorBoundary area="The canvas" onExport={exportWork}>
            <Editor overlay={<ParticleOverlay />} />
          </ErrorBoundary>
        </main>
        <ErrorBoundary area="The inspector" onExport={exportWork}>
          {painted ? <Inspector /> : <aside className="inspector" aria-label="Inspector" />}
        </ErrorBoundary>
        <section className="bottom-panel" aria-label="Results">
          <ErrorBoundary area="The charts">{painted && <ChartsPanel />}</ErrorBoundary>
        </section>
        <Toasts />
      </div>
    </ReactFlowProvider>
  );
}
