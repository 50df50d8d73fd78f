import type { RuntimeLink, SimContext } from '../component';
import { scales } from '../elastic/group-size';
import type { TargetHealth } from './target-health';

/**
 * Keeps a balancer's pool in step with the groups behind it: an instance
 * that is not serving (starting, draining, off) is out of the pool, and
 * comes in as it starts serving. The balancer is server-side discovery in
 * effect: it never sends new work to an instance that has left.
 */
export function followMembership(
  ctx: SimContext,
  targets: readonly { link: RuntimeLink; replica: number }[],
  health: TargetHealth,
  time: number,
): void {
  const byNode = new Map<number, number[]>();
  targets.forEach((target, position) => {
    if (!scales(ctx.nodes[target.link.to])) return;
    const positions = byNode.get(target.link.to) ?? [];
    positions[target.replica] = position;
    byNode.set(target.link.to, positions);
  });
  for (const [node, positions] of byNode) {
    const group = ctx.membershipOf(node);
    if (!group) continue;
    positions.forEach((position, replica) => {
      health.setMember(position, group.isServing(replica), time, true);
    });
    group.subscribe((replica, serving, at) => {
      const position = positions[replica];
      if (position !== undefined) health.setMember(position, serving, at);
    });
  }
}
