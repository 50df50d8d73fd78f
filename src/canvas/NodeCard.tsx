import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { ScenarioNode } from '../scenario/schema';
import { type NodeLiveStats, useNodeLiveStats } from '../store/live-stats';
import { KIND_TRAITS } from '../scenario/kinds';
import { formatPercent, formatSeconds } from './format';
import { ReplicaStrip } from './ReplicaStrip';
import { InstanceStrip } from './InstanceStrip';
import { GatewayCardFigures } from './GatewayCardFigures';
import { RegistryCardFigures } from './RegistryCardFigures';
import { PoolerCardFigures } from './PoolerCardFigures';
import { ConnectionLimitFigures } from './ConnectionLimitFigures';
import { KindIcon, kindStyle, nodeSummary } from './node-kinds';
import { ResourceRow } from './ResourceRow';
import { SidecarBadge } from './SidecarBadge';

export type ScenarioFlowNode = Node<{ node: ScenarioNode }, 'scenario'>;

/** A queue's live row: what waits and for how long; dashes before a run, so the card keeps its size. */
function QueueFigures({ figures }: { figures: NodeLiveStats['messaging'] }) {
  return (
    <div className="node-card__live" title={figures ? 'Live figures of the queue' : 'Live figures appear when the simulation runs'}>
      <div className="node-card__figures">
        <span>backlog {figures ? figures.backlog.toLocaleString('en-US') : '–'}</span>
        <span>oldest {figures ? formatSeconds(figures.oldestAge) : '–'}</span>
        <span>dup {figures ? figures.duplicates.toLocaleString('en-US') : '–'}</span>
        <span>dead {figures ? figures.deadLettered.toLocaleString('en-US') : '–'}</span>
      </div>
    </div>
  );
}
/** A sharded or replicated database shows a third line of figures (stale reads, its hot shard), there before a run too. */
const dataTierFigures = (node: ScenarioNode) => node.kind === 'database' && (node.shards > 1 || node.readReplicas > 0 || node.maxConnections !== null);

/** A node on the canvas: icon, name, what it is set to, and live figures while a run goes. */
export const NodeCard = memo(function NodeCard({ data, selected }: NodeProps<ScenarioFlowNode>) {
  const { node } = data;
  const live = useNodeLiveStats(node.id);
  const health = live?.health ?? 'idle';
  // A cache given lookup threads queues like a server, so its card shows the same figures.
  const hasWorkers = KIND_TRAITS[node.kind].workers === 'always' || (node.kind === 'cache' && node.workers !== null);
  return (
    <div className={`node-card health-${health}${selected ? ' is-selected' : ''}`} style={kindStyle(node.kind)}>
      {/* Clients get a target handle too, so dragging a link onto one shows why it is refused. */}
      <Handle
        type="target"
        position={Position.Left}
        className={KIND_TRAITS[node.kind].acceptsLinks ? 'node-handle' : 'node-handle node-handle--refuses'}
      />
      <div className="node-card__head">
        <span className="node-card__icon">
          <KindIcon kind={node.kind} size={20} />
        </span>
        <span className="node-card__titles">
          {/* Element Timing names the card's first paint (scripts/measure-first-paint.mjs), the prepainted one included. */}
          <span className="node-card__label" {...{ elementtiming: `card:${node.id}` }}>
            {node.label || node.id}
          </span>
          <span className="node-card__kind">{KIND_TRAITS[node.kind].title}</span>
        </span>
        {node.kind === 'server' && node.sidecar && <SidecarBadge />}
      </div>
      <div className="node-card__summary">{nodeSummary(node)}</div>
      {/* A fault injected while running (the badge's style lives with the run views). */}
      {live?.down && <div className="node-card__fault node-card__fault--down">down (crashed)</div>}
      {live && !live.down && live.slowFactor > 1 && !live.replicas && <div className="node-card__fault">slow ×{live.slowFactor}</div>}
      {node.kind === 'server' && node.replicas > 1 && !node.autoscaling && <ReplicaStrip id={node.id} count={node.replicas} states={live?.replicas ?? null} />}
      {node.kind === 'server' && node.autoscaling && <InstanceStrip min={node.autoscaling.min} max={node.autoscaling.max} instances={live?.instances ?? null} />}
      {/*
        Clients and balancers have no workers or queue: for them the health tint says it all.
        The row is there before a run too, with dashes, so the card keeps its size when figures
        arrive: a card that grows makes the editor measure and redraw every link at once.
      */}
      {hasWorkers && (
        <div className="node-card__live" title={live ? `Live figures: ${health}` : 'Live figures appear when the simulation runs'}>
          <div className="util" title={live ? `Utilization ${Math.round(live.utilization * 100)} %` : undefined}>
            {/* Scaled, not resized: a transform needs no layout, and the bar jumps rather than animates so no frame in between has work to do. */}
            <div className="util__fill" style={{ transform: `scaleX(${live ? Math.min(1, live.utilization).toFixed(3) : 0})` }} />
          </div>
          <div className={dataTierFigures(node) ? 'node-card__figures node-card__figures--three' : 'node-card__figures'}>
            <span>{live ? Math.round(live.utilization * 100) : '–'} % busy</span>
            <span>queue {live ? Math.round(live.queueLength) : '–'}</span>
            {/* A crashed node serves nothing: "p99 0 ms" would read as fast. */}
            <span>p99 {live && !live.down ? formatSeconds(live.p99) : '–'}</span>
            {/* A database's data-tier figures share the two lines, so the card keeps its size. */}
            {node.kind === 'database' && node.readReplicas > 0 && <span>stale {live?.staleRatio !== undefined ? formatPercent(live.staleRatio) : '–'}</span>}
            {node.kind === 'database' && node.maxConnections !== null && <ConnectionLimitFigures live={live} limit={node.maxConnections} />}
            {node.kind === 'database' && node.shards > 1 && (
              <span title="Busiest shard primary">hot shard {live?.busiestShard !== undefined ? formatPercent(live.busiestShard) : '–'}</span>
            )}
          </div>
          {node.kind === 'gateway' && <GatewayCardFigures live={live} />}
        </div>
      )}
      {node.kind === 'messageQueue' && <QueueFigures figures={live?.messaging} />}
      {node.kind === 'topic' && (
        <div className="node-card__live" title={live ? 'Copies sent to subscribers, and those that failed' : 'Live figures appear when the simulation runs'}>
          <div className="node-card__figures">
            <span>copies {live?.topic ? live.topic.copies.toLocaleString('en-US') : '–'}</span>
            <span>failed {live?.topic ? live.topic.failed.toLocaleString('en-US') : '–'}</span>
          </div>
        </div>
      )}
      {node.kind === 'pooler' && <PoolerCardFigures live={live} serverConnections={node.serverConnections} />}
      {node.kind === 'server' && node.resources && <ResourceRow live={live} />}
      {node.kind === 'registry' && <RegistryCardFigures node={node} live={live} />}
      <Handle type="source" position={Position.Right} className="node-handle" />
    </div>
  );
});
