import { useMemo } from 'react';
import type { AppState } from '../../store/types';
import { LiveFigure } from '../../views/LiveFigure';
import { type CallsViewData, callRows } from '../../views/resilience/call-rows';
import { createCallsView } from '../../views/resilience/calls-view';

/** The node's call links from the run: the report's figures once it ended, the live ones while it goes; null when the run does not know the node. */
export function selectCallsData(state: AppState, id: string): CallsViewData | null {
  const index = state.nodeIndex[id];
  if (index === undefined) return null;
  const calls = state.report?.nodes[index]?.calls ?? state.snapshot?.nodes[index]?.calls;
  if (!calls) return null;
  const scenario = state.runScenario ?? state.scenario;
  return { rows: callRows(calls), duration: scenario.duration, now: state.simTime };
}

/** The selected node's calls: what each dependency's calls came to, and its breaker's timeline. */
export function CallsFigure({ id, label }: { id: string; label: string }) {
  const select = useMemo(() => (state: AppState) => selectCallsData(state, id), [id]);
  return <LiveFigure title={`${label}: calls and circuit breakers`} create={createCallsView} select={select} version={callsVersion} wide testId="calls-view" />;
}
const callsVersion = (state: AppState) => state.report ?? state.snapshot;
