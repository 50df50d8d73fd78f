/**
 * The consistent-hash ring: each target's virtual nodes as ticks around the
 * circle, the keys it hashes (client addresses or request keys) as dots inside it in their owner's colour, and
 * the keys that changed server at the pool's last change in vermillion,
 * with the fraction that moved beside the 1/(n+1) theory expects.
 */
import { select } from 'd3-selection';
import { expectedMovedFraction, type RingFigures, type RingKey } from './hash-ring-figures';
import { COLORS, SERIES_COLORS } from '../colors';
import type { Chart } from '../charts/time-series-chart';
import { chartHandle } from '../chart-handle';

/** Dots drawn at most; the counts use every key. */
export const MAX_DRAWN_KEYS = 600;
const TAU = 2 * Math.PI;
const TWO_32 = 2 ** 32;

const colorOf = (owner: number) => SERIES_COLORS[owner % SERIES_COLORS.length] ?? COLORS.grey;
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/** The lines beside the ring: what moved, against theory, and how evenly the keys spread. */
export function movedSummaryLines(figures: RingFigures): string[] {
  const { change, keys, ids } = figures;
  const spread = spreadLines(figures);
  if (!change) return [`${keys.length.toLocaleString('en-US')} ${figures.keyNoun} on ${ids.length} targets. `, 'Add or remove a target to see ', 'which keys move. ', ...spread];
  const moved = `${change.moved.toLocaleString('en-US')} of ${keys.length.toLocaleString('en-US')} keys moved: ${pct(change.fraction)}`;
  if (change.previousIds.length === ids.length && change.previousVirtualNodes !== figures.virtualNodes) {
    return ['When the virtual nodes per target ', `went ${change.previousVirtualNodes} → ${figures.virtualNodes}, `, `${moved}. `, ...spread];
  }
  const expected = expectedMovedFraction(change.previousIds.length, ids.length);
  const verb = ids.length >= change.previousIds.length ? 'joined' : 'left';
  const diff = ids.length === change.previousIds.length ? 'the pool changed' : `a target ${verb}`;
  return [`When ${diff} (${change.previousIds.length} → ${ids.length}), `, `${moved} `, `(theory ${pct(expected)}). `, ...spread];
}

/** How far the busiest and quietest targets are from an even share. */
function spreadLines({ perTarget, keys, ids }: RingFigures): string[] {
  if (ids.length === 0 || keys.length === 0) return [];
  const shares = perTarget.map((k) => k / keys.length);
  return [`Busiest ${pct(Math.max(...shares))}, quietest ${pct(Math.min(...shares))} `, `(even would be ${pct(1 / ids.length)}).`];
}

/** The summary as one sentence. */
export function movedSummary(figures: RingFigures): string {
  return movedSummaryLines(figures).join('');
}

/** Draws `RingFigures` into `svg`. */
export function createHashRingView(svgElement: SVGSVGElement): Chart<RingFigures | null> {
  const svg = select(svgElement).attr('class', 'sp-chart sp-hash-ring');
  let width = 560;
  let height = 200;
  let last: RingFigures | null = null;

  const ringGroup = svg.append('g').attr('class', 'sp-ring');
  const circle = ringGroup.append('circle').attr('fill', 'none').attr('stroke', '#cbd2dc').attr('stroke-width', 2);
  const ticks = ringGroup.append('g').attr('class', 'sp-ring-points');
  const dots = ringGroup.append('g').attr('class', 'sp-ring-keys');
  const summary = svg.append('text').attr('class', 'sp-ring-summary');
  const list = svg.append('g').attr('class', 'sp-legend sp-ring-targets');
  const empty = svg.append('text').attr('class', 'sp-chart-empty').attr('text-anchor', 'middle').text('Link the balancer to servers to see its ring');

  function draw(): void {
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const f = last;
    const hasRing = f !== null && f.ids.length > 0;
    // The text beside the ring needs about 230 px; the ring takes what is left.
    const radius = Math.max(20, Math.min((height - 24) / 2, (width - 270) / 2));
    const cx = radius + 14;
    const cy = height / 2;
    ringGroup.attr('transform', `translate(${cx},${cy})`).attr('display', hasRing ? null : 'none');
    circle.attr('r', radius);
    empty
      .attr('x', width / 2)
      .attr('y', height / 2)
      .attr('display', hasRing ? 'none' : null);

    const points = hasRing ? Array.from(f.ring.points, (p, i) => ({ angle: (p / TWO_32) * TAU, owner: f.ring.owners[i] ?? 0 })) : [];
    ticks
      .selectAll('line')
      .data(points)
      .join('line')
      .attr('x1', (p) => Math.sin(p.angle) * (radius - 4))
      .attr('y1', (p) => -Math.cos(p.angle) * (radius - 4))
      .attr('x2', (p) => Math.sin(p.angle) * (radius + 5))
      .attr('y2', (p) => -Math.cos(p.angle) * (radius + 5))
      .attr('stroke', (p) => colorOf(p.owner))
      .attr('stroke-width', 1.2);

    const keys = hasRing ? drawnKeys(f.keys) : [];
    dots
      .selectAll<SVGCircleElement, RingKey>('circle')
      .data(keys)
      .join('circle')
      .attr('class', (k) => (k.movedFrom !== null ? 'sp-key-moved' : 'sp-key'))
      .attr('cx', (k) => Math.sin((k.hash / TWO_32) * TAU) * (radius - (k.movedFrom !== null ? 14 : 10)))
      .attr('cy', (k) => -Math.cos((k.hash / TWO_32) * TAU) * (radius - (k.movedFrom !== null ? 14 : 10)))
      .attr('r', (k) => (k.movedFrom !== null ? 2.6 : 1.6))
      .attr('fill', (k) => (k.movedFrom !== null ? COLORS.vermillion : colorOf(k.owner)));

    const left = cx + radius + 24;
    summary.attr('display', hasRing ? null : 'none');
    summary
      .selectAll('tspan')
      .data(hasRing ? movedSummaryLines(f) : [])
      .join('tspan')
      .attr('x', left)
      .attr('y', (_line, i) => 14 + i * 14)
      .text((line) => line);
    const rows = hasRing ? f.ids.map((id, i) => ({ id, i, keys: f.perTarget[i] ?? 0, total: f.keys.length })) : [];
    const rowHeight = Math.min(16, Math.max(10, (height - 92) / Math.max(1, rows.length + 1)));
    const items = list
      .selectAll<SVGGElement, (typeof rows)[number]>('g')
      .data(rows, (r) => r.id)
      .join((enter) => {
        const g = enter.append('g');
        g.append('rect').attr('width', 10).attr('height', 10).attr('y', -9);
        g.append('text').attr('x', 14);
        return g;
      })
      .attr('transform', (r) => `translate(${left},${90 + r.i * rowHeight})`);
    items.select('rect').attr('fill', (r) => colorOf(r.i));
    items.select('text').text((r) => `${r.id}: ${r.keys.toLocaleString('en-US')} keys (${r.total > 0 ? Math.round((r.keys / r.total) * 100) : 0} %)`);
  }

  return chartHandle(svg, { width: 240, height: 100 }, {
    setData: (next) => {
      last = next;
    },
    setSize: (w, h) => {
      width = w;
      height = h;
    },
    draw,
  });
}

/** Every moved key (they are the point), then an even sample of the others up to MAX_DRAWN_KEYS. */
function drawnKeys(keys: readonly RingKey[]): RingKey[] {
  const moved = keys.filter((k) => k.movedFrom !== null);
  const rest = keys.filter((k) => k.movedFrom === null);
  const room = Math.max(0, MAX_DRAWN_KEYS - Math.min(moved.length, MAX_DRAWN_KEYS));
  const step = rest.length > room ? rest.length / Math.max(1, room) : 1;
  const sampled: RingKey[] = [];
  for (let i = 0; i < rest.length && sampled.length < room; i += step) {
    const key = rest[Math.floor(i)];
    if (key) sampled.push(key);
  }
  return [...sampled, ...moved.slice(0, MAX_DRAWN_KEYS)];
}
