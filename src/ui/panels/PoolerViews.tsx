import { useMemo } from 'react';
import type { NodeOf } from '../../scenario/kinds';
import type { AppState } from '../../store/types';
import { LiveFigure } from '../../views/LiveFigure';
import { createPoolWaitChart, createServerConnectionsChart } from '../../views/connections/pooler-charts';
import { poolerSeries } from '../../views/connections/pooler-series';

const SCOPE = { label: 'per window', hint: 'Averaged over each one-second metrics window' };
const windowsVersion = (state: AppState) => state.windows;

/** A selected connection pooler: its server connections in use, and the wait for one, over the run. */
export function PoolerViews({ node, label }: { node: NodeOf<'pooler'>; label: string }) {
  const select = useMemo(
    () => (state: AppState) => poolerSeries(state.windows, state.nodeIndex[node.id], (state.runScenario ?? state.scenario).duration, node.serverConnections),
    [node.id, node.serverConnections],
  );
  return (
    <>
      <LiveFigure
        title={`${label}: server connections`}
        create={createServerConnectionsChart}
        select={select}
        version={windowsVersion}
        testId="pooler-connections"
        scope={SCOPE}
        wide
      />
      <LiveFigure title={`${label}: pool wait`} create={createPoolWaitChart} select={select} version={windowsVersion} testId="pooler-wait" scope={SCOPE} wide />
    </>
  );
}
