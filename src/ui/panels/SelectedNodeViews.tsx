import { type ComponentType, type CSSProperties, useMemo } from 'react';
import type { NodeOf } from '../../scenario/kinds';
import type { NodeKind, Scenario, ScenarioNode } from '../../scenario/schema';
import { useAppStore } from '../../store';
import type { AppState } from '../../store/types';
import { type BalancerViewData, balancerRows, targetName, targetNodeId } from '../../views/balancer/balancer-rows';
import { createBalancerView } from '../../views/balancer/balancer-view';
import { FaultControls } from './FaultControls';
import { ReplicaList } from './ReplicaList';
import { GatewayViews } from './GatewayViews';
import { RegistryViews } from './RegistryViews';
import { LiveFigure } from '../../views/LiveFigure';
import { FAULTABLE_KINDS } from '../../scenario/faults';
import { keyCount, keyNoun, previousPool, type RingFigures, ringFigures, ringTargetIds } from '../../views/balancer/hash-ring-figures';
import { createHashRingView } from '../../views/balancer/hash-ring-view';
import { QueueViews } from './QueueViews';
import { InstancesView } from './InstancesView';
import { PoolerViews } from './PoolerViews';
import { OperationalLaws } from './OperationalLaws';
import { FieldSweep } from './FieldSweep';
import { ScalingSweep } from './ScalingSweep';
import { CallsFigure } from './CallsFigure';
import type { Link } from '../../scenario/schema';
import { createDatabaseView } from '../../views/data-tier/database-view';

/** A kind's own views in the bottom panel, beside the fault controls every kind that can fail gets. */
interface KindViews<K extends NodeKind> {
  /** Chart columns the views take (of four): room for what they draw. */
  columns(node: NodeOf<K>): number;
  Views: ComponentType<{ node: NodeOf<K>; label: string }> | null;
}

const noViews = { columns: () => 1, Views: null };

/** Each node kind's own views: a kind added to the schema fails the type-check here until it says which it has. */
const KIND_VIEWS: { readonly [K in NodeKind]: KindViews<K> } = {
  client: { columns: () => 2, Views: ({ node, label }) => <FieldSweep key={node.id} node={node} label={label} /> },
  loadBalancer: { columns: (node) => (node.algorithm === 'consistentHash' ? 4 : 2), Views: BalancerViews },
  server: {
    columns: () => 4,
    // A server with resources is read with the operational laws; the cost sweep scales workers, not its machine.
    Views: ({ node, label }) => (
      <>
        {node.autoscaling ? (
          <InstancesView key={node.id} node={node} label={label} />
        ) : node.resources ? (
          <OperationalLaws key={node.id} node={node} label={label} />
        ) : (
          <ScalingSweep key={node.id} serverId={node.id} label={label} />
        )}
        <FieldSweep key={`sweep-${node.id}`} node={node} label={label} />
      </>
    ),
  },
  database: {
    columns: (node) => (node.shards > 1 || node.readReplicas > 0 ? 3 : 2),
    Views: ({ node, label }) => (
      <>
        <DatabaseViews node={node} label={label} />
        <FieldSweep key={`sweep-${node.id}`} node={node} label={label} />
      </>
    ),
  },
  cache: { columns: () => 2, Views: ({ node, label }) => <FieldSweep key={node.id} node={node} label={label} /> },
  cdn: noViews,
  sessionStore: noViews,
  messageQueue: { columns: () => 3, Views: QueueViews },
  topic: noViews,
  parallelJob: { columns: () => 3, Views: ({ node, label }) => <FieldSweep key={node.id} node={node} label={label} /> },
  gateway: { columns: (node) => (node.rateLimit.policy === 'none' ? 1 : 3), Views: GatewayViews },
  registry: { columns: () => 2, Views: RegistryViews },
  pooler: { columns: () => 3, Views: PoolerViews },
};

const viewsOf = (node: ScenarioNode) => KIND_VIEWS[node.kind] as KindViews<NodeKind>;

/** The selected node, when it has views of its own (its kind's, or fault controls). */
export function useSelectedNodeWithViews(): ScenarioNode | null {
  return useAppStore((s) => {
    if (s.selection?.kind !== 'node') return null;
    const id = s.selection.id;
    const node = s.scenario.nodes.find((n) => n.id === id) ?? null;
    return node && (viewsOf(node).Views !== null || FAULTABLE_KINDS.includes(node.kind) || hasCallLinks(s.scenario.links, id)) ? node : null;
  });
}

/** True when links from node `id` carry a call policy: then its calls view takes the place of its kind's own. */
export function hasCallLinks(links: readonly Link[], id: string): boolean {
  return links.some((link) => link.from === id && link.call !== undefined);
}

/** Chart columns the node's views take in the bottom panel (of four). */
export function selectedColumns(node: ScenarioNode, withCalls = false): number {
  if (withCalls) return FAULTABLE_KINDS.includes(node.kind) ? 3 : 2;
  return viewsOf(node).columns(node as never);
}

/** The "Selected node" area of the bottom panel: what fits the node's kind. */
export function SelectedNodeViews({ node }: { node: ScenarioNode }) {
  const label = node.label || node.id;
  const { Views } = viewsOf(node);
  const withCalls = useAppStore((s) => hasCallLinks(s.scenario.links, node.id));
  return (
    <section className="sp-selected" aria-label={`Selected node: ${label}`} style={{ '--sp-columns': selectedColumns(node, withCalls) } as CSSProperties}>
      {FAULTABLE_KINDS.includes(node.kind) && (
        <FaultControls nodeId={node.id} kind={node.kind} label={label} replicas={node.kind === 'server' ? node.replicas : 1} />
      )}
      {node.kind === 'server' && node.replicas > 1 && !node.autoscaling && <ReplicaList nodeId={node.id} count={node.replicas} />}
      {withCalls ? <CallsFigure id={node.id} label={label} /> : Views && <Views node={node as never} label={label} />}
    </section>
  );
}

function BalancerViews({ node, label }: { node: NodeOf<'loadBalancer'>; label: string }) {
  return (
    <>
      <BalancerFigure id={node.id} label={label} />
      {node.algorithm === 'consistentHash' && <HashRingFigure id={node.id} label={label} />}
    </>
  );
}

/** The balancer's figures from the run, or null when the run does not know it. */
export function selectBalancerData(state: AppState, id: string, label: string): BalancerViewData | null {
  const index = state.nodeIndex[id];
  if (index === undefined) return null;
  const reportNode = state.report?.nodes[index];
  const targets = reportNode?.targets ?? state.snapshot?.nodes[index]?.targets;
  if (!targets) return null;
  const down = (targetId: string) => {
    const at = state.nodeIndex[targetNodeId(targetId)];
    return at !== undefined && state.snapshot?.nodes[at]?.down === true;
  };
  const scenario = state.runScenario ?? state.scenario;
  // Names from the canvas being edited first, so a rename shows at once; the run's own for nodes since removed.
  const labelOf = (nodeId: string) => (state.scenario.nodes.find((n) => n.id === nodeId) ?? scenario.nodes.find((n) => n.id === nodeId))?.label;
  return {
    label,
    rows: balancerRows(
      targets,
      state.balancerSamples,
      index,
      state.simTime,
      reportNode?.healthTimeline,
      down,
      (targetId) => state.nodeIndex[targetNodeId(targetId)],
      (targetId) => targetName(targetId, labelOf),
    ),
    duration: scenario.duration,
    now: state.simTime,
  };
}

function BalancerFigure({ id, label }: { id: string; label: string }) {
  const select = useMemo(() => (state: AppState) => selectBalancerData(state, id, label), [id, label]);
  return <LiveFigure title={`${label}: share of requests and health`} create={createBalancerView} select={select} version={balancerVersion} wide testId="balancer-view" />;
}
const balancerVersion = (state: AppState) => state.snapshot;

let ringFor: { scenario: Scenario; id: string; figures: RingFigures | null } | null = null;

/** The ring of the balancer in the scenario being edited, compared with its pool before the last change. */
export function selectRing(state: AppState, id: string): RingFigures | null {
  if (ringFor?.scenario === state.scenario && ringFor.id === id) return ringFor.figures;
  const node = state.scenario.nodes.find((n) => n.id === id);
  let figures: RingFigures | null = null;
  if (node?.kind === 'loadBalancer') {
    const ids = ringTargetIds(state.scenario, id);
    const history = useAppStore.temporal.getState().pastStates.flatMap((p) => (p.scenario ? [p.scenario] : []));
    const previous = previousPool(id, { ids, virtualNodes: node.virtualNodes }, history, state.scenario.name);
    figures = ringFigures(ids, node.virtualNodes, keyCount(state.scenario, node.hashKey), previous, keyNoun(node.hashKey));
  }
  ringFor = { scenario: state.scenario, id, figures };
  return figures;
}

function HashRingFigure({ id, label }: { id: string; label: string }) {
  const select = useMemo(() => (state: AppState) => selectRing(state, id), [id]);
  return <LiveFigure title={`${label}: consistent-hash ring`} create={createHashRingView} select={select} version={ringVersion} wide testId="hash-ring-view" />;
}
const ringVersion = (state: AppState) => state.scenario;

/** A sharded or replicated database: stale reads and each shard's load (nothing for a single plain database). */
function DatabaseViews({ node, label }: { node: NodeOf<'database'>; label: string }) {
  const id = node.id;
  const select = useMemo(
    () => (state: AppState) => {
      const index = state.nodeIndex[id];
      return index === undefined ? null : (state.report?.nodes[index]?.database ?? state.snapshot?.nodes[index]?.database ?? null);
    },
    [id],
  );
  if (node.shards === 1 && node.readReplicas === 0) return null;
  return <LiveFigure title={`${label}: shards and replicas`} create={createDatabaseView} select={select} version={databaseVersion} wide testId="database-view" />;
}
const databaseVersion = (state: AppState) => state.report ?? state.snapshot;
