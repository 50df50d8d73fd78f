import type { NodeReport } from '../types';

/**
 * The run's cost in dollars, when a group scaled: a scaling group's
 * instance-seconds at its price, every other node its cost per hour for
 * the simulated time. Without a scaling group the report leaves it out (the
 * cost per hour says it all), so older reports keep their shape.
 */
export function runCost(nodes: readonly NodeReport[], time: number): { cost?: number } {
  if (!nodes.some((n) => n.instances)) return {};
  return { cost: nodes.reduce((sum, n) => sum + (n.instances ? n.instances.cost : ((n.costPerHour ?? 0) * time) / 3600), 0) };
}
