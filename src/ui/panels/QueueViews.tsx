import { useMemo } from 'react';
import type { NodeOf } from '../../scenario/kinds';
import type { AppState } from '../../store/types';
import { LiveFigure } from '../../views/LiveFigure';
import { createBacklogChart, createOldestAgeChart } from '../../views/messaging/queue-charts';
import { queueSeries } from '../../views/messaging/queue-figures';

const SCOPE = { label: 'at each window’s end', hint: 'Read when each one-second metrics window closes' };
const windowsVersion = (state: AppState) => state.windows;

/** A selected message queue: its backlog and the age of its oldest message over the run. */
export function QueueViews({ node, label }: { node: NodeOf<'messageQueue'>; label: string }) {
  const select = useMemo(
    () => (state: AppState) => queueSeries(state.windows, state.nodeIndex[node.id], (state.runScenario ?? state.scenario).duration),
    [node.id],
  );
  return (
    <>
      <LiveFigure title={`${label}: backlog`} create={createBacklogChart} select={select} version={windowsVersion} testId="queue-backlog" scope={SCOPE} wide />
      <LiveFigure title={`${label}: oldest message`} create={createOldestAgeChart} select={select} version={windowsVersion} testId="queue-oldest-age" scope={SCOPE} wide />
    </>
  );
}
