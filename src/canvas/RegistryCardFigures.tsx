import type { NodeOf } from '../scenario/kinds';
import type { NodeLiveStats } from '../store/live-stats';
import './registry-card.css';

/**
 * A service registry's own line on its card: instances listed now, cached
 * copies that still list one that left, and the calls sent to instances that
 * had left so far. There before a run too, with dashes, so the card keeps its size.
 */
export function RegistryCardFigures({ node, live }: { node: NodeOf<'registry'>; live: NodeLiveStats | null }) {
  const r = live?.registry;
  // Before a run: how many copies there will be, where the node says (a DNS registry's resolvers).
  const copies = node.mode === 'serverSide' ? 'live list, no copies' : node.mode === 'dns' ? `– of ${node.resolvers} copies stale` : '– copies stale';
  return (
    <div className="node-card__live" title={r ? 'Instances listed now, cached copies out of date, and stale calls so far' : 'Live figures appear when the simulation runs'}>
      <div className="node-card__figures node-card__figures--three node-card__figures--lines">
        <span>{r ? r.listed : '–'} registered</span>
        <span>{r ? (r.caches === null ? 'live list, no copies' : `${r.staleCaches} of ${r.caches} ${r.caches === 1 ? 'copy' : 'copies'} stale`) : copies}</span>
        <span>{r ? r.staleCalls.toLocaleString('en-US') : '–'} stale calls</span>
      </div>
    </div>
  );
}
