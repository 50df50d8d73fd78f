import type { NodeLiveStats } from '../store/live-stats';

/** 12,345 → "12.3k": counts that fit a card. */
function compact(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

/**
 * A database's connections on its card, when it limits them: open now out
 * of its most, and how many it refused so far. Two figures among the card's
 * others, there before a run too, with dashes, so the card keeps its size.
 */
export function ConnectionLimitFigures({ live, limit }: { live: NodeLiveStats | null; limit: number }) {
  const c = live?.connections;
  const title = 'Connections open now out of its maxConnections, and new ones refused so far';
  return (
    <>
      <span title={title}>
        conns {c ? c.open : '–'}/{limit}
      </span>
      <span title={title}>{c ? compact(c.refused) : '–'} refused</span>
    </>
  );
}
