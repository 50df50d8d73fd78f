/** The numeric fields of a node a sweep can vary, as paths (`nodes.<id>.workload.rate`), for the sweep's field list. */
import type { ScenarioNode } from './schema';

/** Fields that are numbers but mean nothing to sweep: where the card sits on the canvas. */
const NOT_SWEPT = new Set(['position']);

/** Every numeric leaf of `node` (nested objects too, lists left out), as sweep paths. */
export function numericFieldPaths(node: ScenarioNode): string[] {
  const paths: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') paths.push(path);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) if (!NOT_SWEPT.has(key)) walk(child, `${path}.${key}`);
    }
  };
  walk(node, `nodes.${node.id}`);
  return paths;
}
