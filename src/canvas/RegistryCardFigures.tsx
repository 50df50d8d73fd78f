import type { NodeLiveStats } from '../store/live-stats';

/**
 * A service registry's own line on its card: instances listed now, cached
 * copies that still list one that left, and the calls sent to instances that
 * had left so far. There before a run too, with dashes, so the card keeps its size.
 */
export function RegistryCardFigures({ live }: { live: NodeLiveStats | null }) {
  const r = live?.registry;
  return (
    <div className="node-card__live" title={r ? 'Instances listed now, cached copies out of date, and stale calls so far' : 'Live figures appear when the simulation runs'}>
      <div className="node-card__figures">
        <span>{r ? r.listed : '–'} registered</span>
        <span>{r ? (r.caches === null ? 'live list' : `${r.staleCaches} cache${r.staleCaches === 1 ? '' : 's'} stale`) : '–'}</span>
        <span>{r ? r.staleCalls.toLocaleString('en-US') : '–'} stale calls</span>
      </div>
    </div>
  );
}
