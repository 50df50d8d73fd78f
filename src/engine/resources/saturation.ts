import type { LiveResources } from './resources-report';

/** Utilization from which a resource counts as saturated (the node card's threshold too). */
export const SATURATED_RESOURCE = 0.85;

/** What a server's card badges: `memory` while the working set is past RAM (it pages), else its busiest resource when that is saturated, else null. */
export function saturatedResource(live: LiveResources): 'cpu' | 'disk' | 'network' | 'memory' | null {
  if (live.memory > 1) return 'memory';
  let busiest: 'cpu' | 'disk' | 'network' = 'cpu';
  if (live.disk > live[busiest]) busiest = 'disk';
  if (live.network > live[busiest]) busiest = 'network';
  return live[busiest] >= SATURATED_RESOURCE ? busiest : null;
}
