import { type FitViewOptions, ReactFlowProvider, type Viewport } from '@xyflow/react';
import { lazy, Suspense } from 'react';
import { Editor } from '../canvas/Editor';
import type { ScenarioFlowNode } from '../canvas/NodeCard';
import { Palette } from '../canvas/Palette';
import { useAppStore } from '../store';
import { ParticleLegend, ParticleOverlay } from '../views/particles/ParticleOverlay';
import { ErrorBoundary } from './ErrorBoundary';
import { useLessonState } from './lessons/lesson-state';
import { downloadScenario } from './file-io';
import { Toasts } from './Toasts';
import { Toolbar } from './Toolbar';
import { useAfterFirstPaint } from './use-after-first-paint';
import { useEditShortcuts } from './use-edit-shortcuts';
import { usePresenterMode } from './use-presenter-mode';

// The inspector and the charts (with d3's scales, axes and shapes) are their own chunks: the first
// visit parses only what paints the canvas, and fetches these while the canvas shows.
const Inspector = lazy(() => import('./inspector/Inspector').then((m) => ({ default: m.Inspector })));
const ChartsPanel = lazy(() => import('./panels/ChartsPanel').then((m) => ({ default: m.ChartsPanel })));
const inspectorPlaceholder = <aside className="inspector" aria-label="Inspector" />;
// A lesson's panel (with its checks and the lesson format's parser) loads when a lesson opens.
const LessonPanel = lazy(() => import('./lessons/LessonPanel').then((m) => ({ default: m.LessonPanel })));

const exportWork = () => downloadScenario(useAppStore.getState().scenario);

/**
 * The canvas of a page rendered ahead of time (src/prepaint): there no effect runs, so React Flow's store must
 * start with the cards and the fitted viewport of a canvas of `width` × `height`.
 */
export interface PrepaintCanvas {
  nodes: ScenarioFlowNode[];
  width: number;
  height: number;
  fitViewOptions: FitViewOptions;
  viewport: Viewport;
}

/** The page: toolbar on top, palette left, canvas centre, inspector right, charts below. Each part fails alone. */
export function App({ prepaint }: { prepaint?: PrepaintCanvas } = {}) {
  useEditShortcuts();
  usePresenterMode();
  const presenter = useAppStore((s) => s.presenter);
  const painted = useAfterFirstPaint();
  // While a lesson is open its panel takes the palette's column: a lesson edits through its buttons and the inspector.
  const lesson = useLessonState((s) => s.open !== null);
  return (
    <ReactFlowProvider
      {...(prepaint && {
        initialNodes: prepaint.nodes,
        initialWidth: prepaint.width,
        initialHeight: prepaint.height,
        fitView: true,
        initialFitViewOptions: prepaint.fitViewOptions,
        initialMinZoom: prepaint.fitViewOptions.minZoom,
        initialMaxZoom: prepaint.fitViewOptions.maxZoom,
      })}
    >
      <div className={`app${presenter ? ' app--presenter' : ''}${lesson ? ' app--lesson' : ''}`}>
        <Toolbar />
        {lesson ? (
          <ErrorBoundary area="The lesson">
            <Suspense fallback={null}>
              <LessonPanel />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <Palette />
        )}
        <main className="workspace">
          <ErrorBoundary area="The canvas" onExport={exportWork}>
            <Editor overlay={<ParticleOverlay />} legend={<ParticleLegend />} prepaintViewport={prepaint?.viewport} />
          </ErrorBoundary>
        </main>
        <ErrorBoundary area="The inspector" onExport={exportWork}>
          {painted ? (
            <Suspense fallback={inspectorPlaceholder}>
              <Inspector />
            </Suspense>
          ) : (
            inspectorPlaceholder
          )}
        </ErrorBoundary>
        <section className="bottom-panel" aria-label="Results">
          <ErrorBoundary area="The charts">
            {painted && (
              <Suspense fallback={null}>
                <ChartsPanel />
              </Suspense>
            )}
          </ErrorBoundary>
        </section>
        <Toasts />
      </div>
    </ReactFlowProvider>
  );
}
