/**
 * What the Export menu offers, read from the page when it opens: the
 * scenario, the canvas, each chart on show, the metric windows, a recording.
 * The heavy parts (html-to-image, the recorder) load on first use.
 */
import type { Scenario } from '../../scenario/schema';
import type { AppState } from '../../store/types';
import { downloadBlob, slug } from './download';

export interface ExportAction {
  id: string;
  label: string;
  /** Why it cannot be used now; absent when it can. */
  unavailable?: string;
  run(): Promise<void>;
}

/** The flow pane as the page shows it. */
const flowElement = () => document.querySelector<HTMLElement>('.workspace .react-flow');

/** Every chart on show in the results panel, with its title. */
function chartFigures(): { title: string; figure: HTMLElement; svg: SVGSVGElement }[] {
  return [...document.querySelectorAll<HTMLElement>('.bottom-panel .sp-chart-figure')].flatMap((figure) => {
    const svg = figure.querySelector<SVGSVGElement>('svg');
    const title = svg?.getAttribute('aria-label') ?? '';
    return svg && title ? [{ title, figure, svg }] : [];
  });
}

/** The export actions for the page as it is now. `state` reads the store; `scenario` is what a JSON export saves. */
export function exportActions(state: () => AppState, scenario: () => Scenario, downloadScenario: (s: Scenario) => void): ExportAction[] {
  const name = () => slug(state().scenario.name);
  const flow = flowElement();
  const noCanvas = flow ? undefined : 'The canvas is not on show.';
  const actions: ExportAction[] = [
    { id: 'json', label: 'Scenario file (JSON)', run: async () => downloadScenario(scenario()) },
    {
      id: 'canvas-png',
      label: 'Canvas as PNG',
      unavailable: noCanvas,
      run: async () => {
        const { canvasPng } = await import('./export-image');
        if (flow) downloadBlob(await canvasPng(flow), `${name()}-canvas.png`);
      },
    },
    {
      id: 'canvas-svg',
      label: 'Canvas as SVG',
      unavailable: noCanvas,
      run: async () => {
        const { canvasSvg } = await import('./export-image');
        if (flow) downloadBlob(await canvasSvg(flow), `${name()}-canvas.svg`);
      },
    },
  ];
  for (const { title, figure, svg } of chartFigures()) {
    actions.push(
      {
        id: `chart-png:${title}`,
        label: `${title} as PNG`,
        run: async () => {
          const { figurePng } = await import('./export-image');
          downloadBlob(await figurePng(figure), `${name()}-${slug(title)}.png`);
        },
      },
      {
        id: `chart-svg:${title}`,
        label: `${title} as SVG`,
        run: async () => {
          const { chartSvg } = await import('./export-image');
          downloadBlob(chartSvg(svg, title), `${name()}-${slug(title)}.svg`);
        },
      },
    );
  }
  const windows = state().windows;
  actions.push({
    id: 'csv',
    label: 'Metric windows (CSV)',
    unavailable: windows.length === 0 ? 'Run first: each closed window is a row.' : undefined,
    run: async () => {
      const { windowsCsv } = await import('./windows-csv');
      const { runNodeIds, runScenario, scenario: current } = state();
      const ids = runNodeIds.length > 0 ? runNodeIds : (runScenario ?? current).nodes.map((n) => n.id);
      downloadBlob(new Blob([windowsCsv(windows, ids)], { type: 'text/csv' }), `${name()}-windows.csv`);
    },
  });
  return actions;
}
