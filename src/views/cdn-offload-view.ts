/** A CDN's origin offload: the share of requests and of bytes that never reach origin, and each edge's hit ratio. */
import type { CdnReport } from '../engine/types';
import { createFigureRows, type FigureRowsData, formatCount, formatShare } from './cache-figure-rows';
import type { Chart } from './time-series-chart';

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
  if (!cdn) return { rows: [], emptyText: 'Origin offload: when the run ends' };
  return {
    emptyText: '',
    rows: [
      {
        label: 'Requests that never reached origin',
        value: `${formatShare(cdn.requestOffload)} (${formatCount(cdn.originRequests)} of ${formatCount(cdn.requests)} went on)`,
        share: cdn.requestOffload,
      },
      {
        label: 'Bytes that never came from origin',
        value: `${formatShare(cdn.byteOffload)} (${formatBytes(cdn.originBytes)} of ${formatBytes(cdn.bytesServed)})`,
        share: cdn.byteOffload,
      },
      ...cdn.edges.map((edge) => ({
        label: `Edge ${edge.name} (${Math.round(edge.rtt * 1000)} ms away)`,
        value: `${formatShare(edge.hitRatio)} hits of ${formatCount(edge.requests)}`,
        share: edge.hitRatio,
      })),
      { label: 'Rejected at the edge (auth check)', value: formatCount(cdn.rejectedAtEdge) },
    ],
  };
}

/** Draws a CDN's offload into `svg`. */
export function createCdnOffloadView(svg: SVGSVGElement): Chart<CdnReport | null> {
  const rows = createFigureRows(svg);
  return { ...rows, update: (cdn) => rows.update(offloadRows(cdn)) };
}
