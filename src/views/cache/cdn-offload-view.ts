/** A CDN's origin offload: the share of requests and of bytes that never reach origin, and each edge's hit ratio. */
import type { CdnReport } from '../../engine/types';
import { createFigureRows, type FigureRowsData, formatCount, formatShare } from './cache-figure-rows';
import type { Chart } from '../charts/time-series-chart';

/** "12.3 MB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Math.round(value * 10) / 10} ${units[unit]}`;
}

/** The rows the view shows for `cdn` (null before the report). */
export function offloadRows(cdn: CdnReport | null): FigureRowsData {
  if (!cdn) return { rows: [], emptyText: 'Origin offload: when the run starts' };
  return {
    emptyText: '',
    rows: [
      {
        label: 'Requests offloaded',
        value: formatShare(cdn.requestOffload),
        detail: `${formatCount(cdn.originRequests)} of ${formatCount(cdn.requests)} went to origin`,
        share: cdn.requestOffload,
      },
      {
        label: 'Bytes offloaded',
        value: formatShare(cdn.byteOffload),
        detail: `${formatBytes(cdn.originBytes)} of ${formatBytes(cdn.bytesServed)} came from origin`,
        share: cdn.byteOffload,
      },
      // Edges without a bar: their hit ratios are drawn over time beside this view.
      ...cdn.edges.map((edge) => ({
        label: `Edge ${edge.name} (${Math.round(edge.rtt * 1000)} ms)`,
        value: `${formatShare(edge.hitRatio)} hits of ${formatCount(edge.requests)}`,
      })),
      { label: 'Rejected at the edge (auth)', value: formatCount(cdn.rejectedAtEdge) },
    ],
  };
}

/** Draws a CDN's offload into `svg`. */
export function createCdnOffloadView(svg: SVGSVGElement): Chart<CdnReport | null> {
  const rows = createFigureRows(svg);
  return { ...rows, update: (cdn) => rows.update(offloadRows(cdn)) };
}
