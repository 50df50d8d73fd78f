import type { NodeLiveStats } from '../store/live-stats';

/**
 * A pooler's own line on its card: server connections in use out of its
 * most, and client connections open now. There before a run too, with
 * dashes, so the card keeps its size.
 */
export function PoolerCardFigures({ live, serverConnections }: { live: NodeLiveStats | null; serverConnections: number }) {
  const p = live?.pooler;
  return (
    <div className="node-card__live" title={p ? 'Server connections in use, and client connections open now' : 'Live figures appear when the simulation runs'}>
      <div className="node-card__figures">
        <span>
          {p ? p.serverBusy : '–'}/{serverConnections} server conns
        </span>
        <span>{p ? p.clientConnections.toLocaleString('en-US') : '–'} clients</span>
      </div>
    </div>
  );
}
