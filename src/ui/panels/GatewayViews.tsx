import { useMemo } from 'react';
import type { NodeOf } from '../../scenario/kinds';
import type { AppState } from '../../store/types';
import { createGatewayFiguresView } from '../../views/gateway/gateway-figures-view';
import { type GatewayLimitData, gatewayLimitData } from '../../views/gateway/gateway-limit-figures';
import { createGatewayLevelView, createGatewayRatesView } from '../../views/gateway/gateway-limit-view';
import { LiveFigure } from '../../views/LiveFigure';

/** The gateway's figures so far (the report's at the end). */
function selectFigures(state: AppState, id: string) {
  const index = state.nodeIndex[id];
  if (index === undefined) return null;
  const reported = state.report?.nodes[index];
  return (reported?.kind === 'gateway' ? reported.gateway : undefined) ?? state.snapshot?.nodes[index]?.gateway ?? null;
}

/** The rate limit's lines per key, from the windows of the run. */
function selectLimit(state: AppState, id: string): GatewayLimitData | null {
  const index = state.nodeIndex[id];
  const node = (state.runScenario ?? state.scenario).nodes.find((n) => n.id === id);
  if (index === undefined || node?.kind !== 'gateway' || node.rateLimit.policy === 'none') return null;
  const limiter = selectFigures(state, id)?.limiter;
  return gatewayLimitData(state.windows, index, limiter, node.rateLimit.policy, (state.runScenario ?? state.scenario).duration);
}

/** A gateway's views: its counts, and, with a rate limit, admitted against throttled per key and the bucket's level. */
export function GatewayViews({ node, label }: { node: NodeOf<'gateway'>; label: string }) {
  const id = node.id;
  const figures = useMemo(() => (state: AppState) => selectFigures(state, id), [id]);
  const limit = useMemo(() => (state: AppState) => selectLimit(state, id), [id]);
  const scope = { label: `per ${node.rateLimit.scope === 'perClient' ? 'client' : node.rateLimit.scope === 'perRoute' ? 'route' : 'gateway'}`, hint: 'One line per rate-limit key' };
  return (
    <>
      <LiveFigure title={`${label}: what it let through`} create={createGatewayFiguresView} select={figures} version={snapshotVersion} testId="gateway-figures" />
      {node.rateLimit.policy !== 'none' && (
        <>
          <LiveFigure title={`${label}: admitted vs throttled`} create={createGatewayRatesView} select={limit} version={windowsVersion} scope={scope} testId="gateway-rates" />
          <LiveFigure title={`${label}: ${node.rateLimit.policy === 'tokenBucket' ? 'bucket level' : 'room in the window'}`} create={createGatewayLevelView} select={limit} version={windowsVersion} scope={scope} testId="gateway-level" />
        </>
      )}
    </>
  );
}
const snapshotVersion = (state: AppState) => state.report ?? state.snapshot;
const windowsVersion = (state: AppState) => state.windows;
