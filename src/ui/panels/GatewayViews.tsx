import { type CSSProperties, useMemo } from 'react';
import type { NodeOf } from '../../scenario/kinds';
import type { AppState } from '../../store/types';
import { createGatewayFiguresView } from '../../views/gateway/gateway-figures-view';
import { type GatewayLimitData, gatewayLimitData } from '../../views/gateway/gateway-limit-figures';
import { createGatewayLevelView, createGatewayRatesView } from '../../views/gateway/gateway-limit-view';
import { LiveFigure } from '../../views/LiveFigure';
import './gateway-views.css';

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
  const data = gatewayLimitData(state.windows, index, limiter, node.rateLimit.policy, (state.runScenario ?? state.scenario).duration);
  if (data === null || node.rateLimit.scope !== 'perClient') return data;
  // Per client, the engine's keys are the clients' ids: show their names.
  const nameOf = (clientId: string) => state.scenario.nodes.find((n) => n.id === clientId)?.label || clientId;
  return { ...data, keys: data.keys.map(nameOf) };
}

/** A gateway's views: its counts, and, with a rate limit, admitted against throttled per key and the bucket's level. */
export function GatewayViews({ node, label }: { node: NodeOf<'gateway'>; label: string }) {
  const id = node.id;
  const figures = useMemo(() => (state: AppState) => selectFigures(state, id), [id]);
  const limit = useMemo(() => (state: AppState) => selectLimit(state, id), [id]);
  const scope = { label: `per ${node.rateLimit.scope === 'perClient' ? 'client' : node.rateLimit.scope === 'perRoute' ? 'route' : 'gateway'}`, hint: 'One line per rate-limit key' };
  const limited = node.rateLimit.policy !== 'none';
  return (
    <div className="sp-gateway-views" style={{ '--sp-gateway-figures': limited ? 3 : 1 } as CSSProperties}>
      <LiveFigure title={`${label}: what it let through`} create={createGatewayFiguresView} select={figures} version={snapshotVersion} testId="gateway-figures" />
      {limited && (
        <>
          <LiveFigure title={`${label}: admitted vs throttled`} create={createGatewayRatesView} select={limit} version={windowsVersion} scope={scope} testId="gateway-rates" />
          <LiveFigure title={`${label}: ${node.rateLimit.policy === 'tokenBucket' ? 'bucket level' : 'room in the window'}`} create={createGatewayLevelView} select={limit} version={windowsVersion} scope={scope} testId="gateway-level" />
        </>
      )}
    </div>
  );
}
const snapshotVersion = (state: AppState) => state.report ?? state.snapshot;
const windowsVersion = (state: AppState) => state.windows;
