/**
 * The moments of a run worth marking on its charts: every recorded live edit
 * and every fault, read from the run's scenario (the store's `runScenario`).
 */
import type { Scenario } from '../../scenario/schema';
import type { ChartMarker } from './time-series-chart';

let markersFor: Scenario | null = null;
let markers: readonly ChartMarker[] = [];

/** Markers for `scenario`'s changes ("edit") and faults ("crash app-2"), in time order; the same array while the scenario is. */
export function runMarkers(scenario: Scenario | null): readonly ChartMarker[] {
  if (scenario === null) return [];
  if (markersFor !== scenario) {
    markersFor = scenario;
    // A fault may name a node a later edit added: look in every graph the run had.
    const labels = new Map<string, string>();
    for (const graph of [scenario, ...scenario.changes]) for (const node of graph.nodes) labels.set(node.id, node.label ?? node.id);
    markers = [
      ...scenario.changes.map((change) => ({ at: change.at, label: 'edit' })),
      ...scenario.faults.map((fault) => ({
        at: fault.at,
        label: `${fault.action} ${labels.get(fault.node) ?? fault.node}${fault.replica === undefined ? '' : ` #${fault.replica}`}`,
      })),
    ].sort((a, b) => a.at - b.at);
  }
  return markers;
}
