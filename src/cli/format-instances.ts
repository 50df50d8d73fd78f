import type { NodeReportOf } from '../engine/types';
import { formatCount, formatNumber, formatRate, indent } from './format-numbers';

/** Dollars: cents for a dollar or more, two significant digits below (a short run costs fractions of a cent). */
export function formatDollars(n: number): string {
  return n >= 1 || n === 0 ? `$${formatRate(n)}` : `$${Number(n.toPrecision(2))}`;
}

/** Changes listed before the rest are counted; a flapping group would fill the terminal. */
const MAX_CHANGES = 12;

/** For a server with autoscaling: its instances at the end and at most, instance-seconds and cost, then each change in time. */
export function instanceLines(node: NodeReportOf<'server'>, name: string): string[] {
  const i = node.instances;
  if (!i) return [];
  const now = [`${i.serving} serving`, ...(i.starting > 0 ? [`${i.starting} starting`] : []), ...(i.draining > 0 ? [`${i.draining} draining`] : [])].join(', ');
  const lines = [
    '',
    `Server ${name}: autoscaling between ${i.min} and ${i.max} instances`,
    `  at the end ${now}; at most ${i.peak}; ${formatNumber(Math.round(i.meanRunning * 100) / 100)} running on average`,
    `  ${formatCount(i.scaleOuts)} scale-outs, ${formatCount(i.scaleIns)} scale-ins`,
    `  ${formatCount(Math.round(i.instanceSeconds))} instance-seconds, costing ${formatDollars(i.cost)} (${formatDollars(node.costPerHour ?? 0)}/hour on average)`,
  ];
  const changes = i.timeline;
  lines.push(
    ...indent(
      changes.slice(0, MAX_CHANGES).map((c) => {
        const also = [...(c.starting > 0 ? [`${c.starting} starting`] : []), ...(c.draining > 0 ? [`${c.draining} draining`] : [])];
        return `at ${formatNumber(c.time)} s: ${c.serving} serving${also.length > 0 ? `, ${also.join(', ')}` : ''}`;
      }),
    ),
  );
  if (changes.length > MAX_CHANGES) lines.push(`  …and ${formatCount(changes.length - MAX_CHANGES)} more changes`);
  return lines;
}
