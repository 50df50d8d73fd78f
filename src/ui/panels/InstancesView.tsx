import { useMemo } from 'react';
import type { NodeOf } from '../../scenario/kinds';
import { distributionMean } from '../../scenario/schema';
import type { AppState } from '../../store/types';
import { LiveFigure } from '../../views/LiveFigure';
import { createInstancesChart } from '../../views/elastic/instances-chart';
import { instanceSeries } from '../../views/elastic/instance-series';

const SCOPE = { label: 'per window', hint: 'Mean instances over each one-second metrics window, and the arrivals in it' };
const windowsVersion = (state: AppState) => state.windows;

/** A selected scaling server: its instances over the run against the load, read in instances. */
export function InstancesView({ node, label }: { node: NodeOf<'server'>; label: string }) {
  const select = useMemo(() => {
    const policy = node.autoscaling?.policy;
    const scale = {
      // One instance serves workers ÷ mean service time requests a second (its speed divides the service time).
      perInstanceRate: (node.workers * node.speed) / Math.max(1e-9, distributionMean(node.serviceTime)),
      target: policy?.type === 'cpu' ? policy.target : 1,
      max: node.autoscaling?.max ?? node.replicas,
    };
    return (state: AppState) => instanceSeries(state.windows, state.nodeIndex[node.id], (state.runScenario ?? state.scenario).duration, scale);
  }, [node]);
  return <LiveFigure title={`${label}: instances over time`} create={createInstancesChart} select={select} version={windowsVersion} testId="instances-view" scope={SCOPE} wide />;
}
