import type { ScenarioNode, ServerNode } from '../../scenario/schema';

/** Instances a server group can hold at most: its autoscaling maximum, or its fixed replica count. */
export function groupSlots(node: ServerNode): number {
  return node.autoscaling ? Math.max(node.autoscaling.max, 1) : node.replicas;
}

/** Instances serving when the run starts: `replicas`, kept within the autoscaling bounds. */
export function initialInstances(node: ServerNode): number {
  const scaling = node.autoscaling;
  return scaling ? Math.min(scaling.max, Math.max(scaling.min, node.replicas)) : node.replicas;
}

/** True for a group whose membership changes during a run: a server that autoscales. */
export function scales(node: ScenarioNode | undefined): node is ServerNode {
  return node?.kind === 'server' && node.autoscaling !== null;
}
