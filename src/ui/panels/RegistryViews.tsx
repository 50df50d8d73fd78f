import { useMemo } from 'react';
import type { NodeOf } from '../../scenario/kinds';
import type { AppState } from '../../store/types';
import { staleCallsData } from '../../views/discovery/registry-data';
import { createRegistryListView, createStaleCallsView } from '../../views/discovery/registry-views';
import { LiveFigure } from '../../views/LiveFigure';
import './registry-views.css';

/** The registry's figures so far (the report's at the end), with the simulated time they were read at. */
function selectList(state: AppState, id: string) {
  const index = state.nodeIndex[id];
  if (index === undefined) return { figures: null, now: state.simTime };
  const reported = state.report?.nodes[index];
  const figures = (reported?.kind === 'registry' ? reported.registry : undefined) ?? state.snapshot?.nodes[index]?.registry ?? null;
  return { figures, now: state.simTime };
}

function selectStale(state: AppState, id: string) {
  const index = state.nodeIndex[id];
  if (index === undefined || state.windows.length === 0) return null;
  return staleCallsData(state.windows, index, (state.runScenario ?? state.scenario).duration);
}

/** A service registry's views: its list against each cached copy, and stale calls over time. */
export function RegistryViews({ node, label }: { node: NodeOf<'registry'>; label: string }) {
  const id = node.id;
  const list = useMemo(() => (state: AppState) => selectList(state, id), [id]);
  const stale = useMemo(() => (state: AppState) => selectStale(state, id), [id]);
  const copies = node.mode === 'serverSide' ? 'the live list' : node.mode === 'dns' ? 'resolvers' : 'callers’ copies';
  return (
    <div className="sp-registry-views">
      <LiveFigure title={`${label}: list vs ${copies}`} create={createRegistryListView} select={list} version={snapshotVersion} testId="registry-list" />
      <LiveFigure title={`${label}: stale calls over time`} create={createStaleCallsView} select={stale} version={windowsVersion} testId="registry-stale" scope={{ label: 'per second', hint: 'Calls a second sent to an instance that had left, against all calls' }} />
    </div>
  );
}
const snapshotVersion = (state: AppState) => state.report ?? state.snapshot;
const windowsVersion = (state: AppState) => state.windows;
