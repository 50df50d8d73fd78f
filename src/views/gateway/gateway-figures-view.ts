/** A gateway's counts so far: what it admitted, throttled and refused, and what its calls did. */
import type { GatewayFigures } from '../../engine/types';
import { createFigureRows, type FigureRowsData, formatCount, formatShare } from '../cache/cache-figure-rows';
import type { Chart } from '../charts/time-series-chart';

/** The rows for `g` (null before the run reaches the gateway). */
export function gatewayRows(g: GatewayFigures | null): FigureRowsData {
  if (!g) return { rows: [], emptyText: 'Counts: when the run starts' };
  const arrived = g.admitted + g.throttled;
  const share = (n: number) => (arrived > 0 ? n / arrived : 0);
  return {
    emptyText: '',
    rows: [
      { label: 'Admitted', value: formatCount(g.admitted), share: share(g.admitted), detail: `of ${formatCount(arrived)} that arrived` },
      { label: 'Throttled (429)', value: `${formatCount(g.throttled)} · ${formatShare(share(g.throttled))}`, share: share(g.throttled) },
      { label: 'Unauthorized (401)', value: `${formatCount(g.unauthorized)} · ${formatShare(share(g.unauthorized))}`, share: share(g.unauthorized) },
      ...(g.authCalls > 0 || g.tokenCacheHits > 0
        ? [{ label: 'Auth-service calls', value: `${formatCount(g.authCalls)} (token cache hits ${formatCount(g.tokenCacheHits)})` }]
        : []),
      ...(g.serviceCalls > 0 ? [{ label: 'Parallel service calls', value: formatCount(g.serviceCalls) }] : []),
      ...(g.timeouts > 0 ? [{ label: 'Route timeouts (504)', value: formatCount(g.timeouts), alarm: true }] : []),
      ...(g.unmatched > 0 ? [{ label: 'No route (404)', value: formatCount(g.unmatched), alarm: true }] : []),
    ],
  };
}

/** Draws a gateway's counts into `svg`. */
export function createGatewayFiguresView(svg: SVGSVGElement): Chart<GatewayFigures | null> {
  const rows = createFigureRows(svg);
  return { ...rows, update: (g) => rows.update(gatewayRows(g)) };
}
