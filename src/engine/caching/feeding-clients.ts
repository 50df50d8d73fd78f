import type { ClientNode } from '../../scenario/schema';
import type { SimContext } from '../component';

/** The clients whose requests can reach node `target` along links, for the cache's theory line. */
export function clientsFeeding(ctx: SimContext, target: number): ClientNode[] {
  const incoming: number[][] = ctx.nodes.map(() => []);
  ctx.nodes.forEach((_, from) => {
    for (const link of ctx.outgoing(from)) incoming[link.to]?.push(from);
  });
  const seen = new Set([target]);
  const pending = [target];
  const clients: ClientNode[] = [];
  while (pending.length > 0) {
    for (const from of incoming[pending.pop() as number] ?? []) {
      if (seen.has(from)) continue;
      seen.add(from);
      pending.push(from);
      const node = ctx.nodes[from];
      if (node?.kind === 'client') clients.push(node);
    }
  }
  return clients;
}
