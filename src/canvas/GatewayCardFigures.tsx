import type { NodeLiveStats } from '../store/live-stats';

/** 12,345 → "12.3k": counts that fit a card. */
function compact(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

/**
 * A gateway's own line on its card: requests admitted, throttled (429) and
 * refused (401) so far. There before a run too, with dashes, so the card
 * keeps its size.
 */
export function GatewayCardFigures({ live }: { live: NodeLiveStats | null }) {
  const g = live?.gateway;
  return (
    <div className="node-card__figures" title="Requests admitted, answered 429 (throttled) and 401 (unauthorized) so far">
      <span>{g ? compact(g.admitted) : '–'} in</span>
      <span>{g ? compact(g.throttled) : '–'} 429</span>
      <span>{g ? compact(g.unauthorized) : '–'} 401</span>
    </div>
  );
}
