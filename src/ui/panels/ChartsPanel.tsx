import type { Scenario } from '../../scenario/schema';
import type { AppState } from '../../store/types';
import { CachePanel } from './CachePanel';
import { LiveFigure } from '../../views/LiveFigure';
import { createLatencyChart, createQueueChart, createThroughputChart, createUtilizationChart, type RunChartData } from '../../views/charts/metrics-charts';
import { useAppStore } from '../../store';
import { hasCallLinks, SelectedNodeViews, selectedColumns, useSelectedNodeWithViews } from './SelectedNodeViews';
import { scenarioCostPerHour } from '../../scenario/kinds';
import { runMarkers } from '../../views/charts/run-markers';
import { createTotalsTable, type TotalsData } from '../../views/charts/totals-table';
import { useLiveChart } from '../../views/use-live-chart';
import '../runtime.css';

let labelsFor: [Scenario, readonly string[]] | null = null;
let labels: readonly string[] = [];

/** Label of each figure's node (live edits append nodes: runNodeIds says which), computed once per scenario and layout. */
function nodeLabels(scenario: Scenario, ids: readonly string[]): readonly string[] {
  if (labelsFor?.[0] !== scenario || labelsFor[1] !== ids) {
    labelsFor = [scenario, ids];
    const byId = new Map(scenario.nodes.map((n) => [n.id, n.label ?? n.id]));
    const last = new Map(ids.map((id, i) => [id, i]));
    // A node a live edit replaced keeps its line, marked as the earlier one.
    labels =
      ids.length > 0
        ? ids.map((id, i) => `${byId.get(id) ?? id}${!byId.has(id) ? ' (removed)' : last.get(id) !== i ? ' (before edit)' : ''}`)
        : scenario.nodes.map((n) => n.label ?? n.id);
  }
  return labels;
}

export const selectRunData = (state: AppState): RunChartData => {
  const scenario = state.runScenario ?? state.scenario;
  return {
    windows: state.windows,
    duration: scenario.duration,
    nodeLabels: nodeLabels(state.scenario, state.runNodeIds),
    // Nodes with workers (whatever their kind) have a utilization and a queue worth drawing.
    stationIndexes: state.snapshot?.nodes.flatMap((n, i) => (n.workers > 0 ? [i] : [])) ?? [],
    nodeIds: state.runNodeIds.length > 0 ? state.runNodeIds : scenario.nodes.map((n) => n.id),
    // The engine's theory: it turns null once a fault or live edit leaves the closed form.
    theory: state.report?.theory ?? state.snapshot?.theory ?? null,
    markers: runMarkers(state.runScenario),
  };
};
let runVersionOf: { windows: AppState['windows']; run: AppState['runScenario']; theory: boolean; duration: number; key: object } | null = null;
/** Changes with the windows, with a live edit (a marker) or the theory ending while paused, and with the time axis's end. */
export const runDataVersion = (state: AppState) => {
  // Each frame clones the theory anew: whether there is one is what counts (its figures never change within a run).
  const theory = (state.report?.theory ?? state.snapshot?.theory ?? null) !== null;
  // Before a run the axis ends at the scenario's duration: New or another example changes it with no window to redraw.
  const duration = (state.runScenario ?? state.scenario).duration;
  if (runVersionOf?.windows !== state.windows || runVersionOf.run !== state.runScenario || runVersionOf.theory !== theory || runVersionOf.duration !== duration) {
    runVersionOf = { windows: state.windows, run: state.runScenario, theory, duration, key: {} };
  }
  return runVersionOf.key;
};
let totalsFor: Scenario | null = null;
let totalsScenario = { costPerHour: 0, sessions: false };

/** Cost and whether sessions matter, computed once per scenario. */
function scenarioTotals(scenario: Scenario) {
  if (totalsFor !== scenario) {
    totalsFor = scenario;
    totalsScenario = {
      costPerHour: scenarioCostPerHour(scenario.nodes),
      sessions: scenario.nodes.some((n) => n.kind === 'server' && n.sessions !== 'stateless'),
    };
  }
  return totalsScenario;
}

const selectTotals = (state: AppState): TotalsData => ({
  snapshot: state.snapshot,
  report: state.report,
  windows: state.windows,
  nodeLabels: nodeLabels(state.scenario, state.runNodeIds),
  nodeIds: state.runNodeIds.length > 0 ? state.runNodeIds : (state.runScenario ?? state.scenario).nodes.map((n) => n.id),
  // The canvas's scenario, not the run's: the cost follows every edit (New shows $0.00 at once), run or no run.
  ...scenarioTotals(state.scenario),
});
let versionOf: { snapshot: AppState['snapshot']; scenario: Scenario; key: object } | null = null;
/** Changes when the run's figures or the edited scenario do. */
const totalsVersion = (state: AppState) => {
  if (versionOf?.snapshot !== state.snapshot || versionOf.scenario !== state.scenario) {
    versionOf = { snapshot: state.snapshot, scenario: state.scenario, key: {} };
  }
  return versionOf.key;
};

/** The whole run's totals beside the last seconds, as a table. */
export function TotalsTable() {
  const ref = useLiveChart<HTMLTableElement, TotalsData>(createTotalsTable, selectTotals, totalsVersion);
  return (
    // It scrolls when the table is taller than the panel: focusable, so the keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard.
    <section className="sp-totals-box" tabIndex={0} aria-label="Totals, scrollable">
      <table ref={ref} aria-label="Totals" />
    </section>
  );
}

/** The run charts plot windows; the totals beside them give the whole run. */
export const WINDOW_SCOPE = {
  label: 'per window',
  hint: 'each point is one window of simulated time (1 s; merged on long runs): it moves with the moment. The totals give the whole run after warm-up.',
};

export const RUN_CHARTS = [
  { title: 'Latency percentiles', create: createLatencyChart },
  { title: 'Throughput', create: createThroughputChart },
  { title: 'Utilization per node', create: createUtilizationChart },
  { title: 'Queue length per node', create: createQueueChart },
] as const;

/**
 * The live charts and the totals table, laid out for the bottom panel. With a
 * node selected whose kind has views of its own (KIND_VIEWS in
 * SelectedNodeViews.tsx), they take the place of the last charts (as many as
 * they need room for).
 */
export function ChartsPanel() {
  const selected = useSelectedNodeWithViews();
  const withCalls = useAppStore((s) => selected !== null && hasCallLinks(s.scenario.links, selected.id));
  const kept = RUN_CHARTS.length - (selected ? selectedColumns(selected, withCalls) : 0);
  return (
    <section className="sp-charts" aria-label="Live metrics">
      <TotalsTable />
      {RUN_CHARTS.slice(0, kept).map((chart) => (
        <LiveFigure key={chart.title} title={chart.title} scope={WINDOW_SCOPE} create={chart.create} select={selectRunData} version={runDataVersion} />
      ))}
      {selected && <SelectedNodeViews node={selected} />}
      {/* A row of its own under the charts, when the scenario has a cache or CDN. */}
      <CachePanel />
    </section>
  );
}
