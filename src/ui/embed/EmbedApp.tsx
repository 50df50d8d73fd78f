import { ReactFlowProvider } from '@xyflow/react';
import { Editor } from '../../canvas/Editor';
import { useAppStore } from '../../store';
import { LiveFigure } from '../../views/LiveFigure';
import { ParticleLegend, ParticleOverlay } from '../../views/particles/ParticleOverlay';
import { ErrorBoundary } from '../ErrorBoundary';
import { RUN_CHARTS, runDataVersion, selectRunData, TotalsTable, WINDOW_SCOPE } from '../panels/ChartsPanel';
import { Toasts } from '../Toasts';
import { EMBED_CHARTS, type EmbedChart } from './embed-params';
import { EmbedRunBar } from './EmbedRunBar';
import './embed.css';

/** The full playground's address for this embed: the same page without the query, the scenario's fragment kept. */
const fullAppHref = () => `${location.pathname}${location.hash}`;

/**
 * Embed mode: the canvas with its particles, the chosen charts and a Run
 * button, for an iframe in slides or a page. No palette, inspector or
 * toolbar; a link opens the whole playground on the same scenario.
 */
export function EmbedApp({ charts, ignored }: { charts: readonly EmbedChart[]; ignored: readonly string[] }) {
  const name = useAppStore((s) => s.scenario.name);
  return (
    <ReactFlowProvider>
      <div className={charts.length > 0 ? 'embed' : 'embed embed--canvas-only'}>
        <header className="embed__bar">
          <h1 className="embed__name">{name}</h1>
          <EmbedRunBar />
          <a className="embed__open" href={fullAppHref()} target="_blank" rel="noopener">
            Open in Scale Playground
          </a>
        </header>
        <main className="embed__canvas">
          <ErrorBoundary area="The canvas">
            <Editor overlay={<ParticleOverlay />} legend={<ParticleLegend />} />
          </ErrorBoundary>
        </main>
        {charts.length > 0 && (
          <section className="embed__charts sp-charts" aria-label="Live metrics" style={{ gridTemplateColumns: `repeat(${charts.length}, minmax(0, 1fr))` }}>
            <ErrorBoundary area="The charts">
              {charts.map((chart) => (
                <EmbedFigure key={chart} chart={chart} />
              ))}
            </ErrorBoundary>
          </section>
        )}
        {ignored.length > 0 && (
          <p className="embed__note" role="note">
            Not shown: {ignored.join(', ')} (charts: {Object.keys(EMBED_CHARTS).join(', ')}; three at most).
          </p>
        )}
        <Toasts />
      </div>
    </ReactFlowProvider>
  );
}

function EmbedFigure({ chart }: { chart: EmbedChart }) {
  if (chart === 'totals') return <TotalsTable />;
  const title = EMBED_CHARTS[chart];
  const run = RUN_CHARTS.find((c) => c.title === title);
  if (!run) return null;
  return <LiveFigure title={title} scope={WINDOW_SCOPE} create={run.create} select={selectRunData} version={runDataVersion} />;
}
