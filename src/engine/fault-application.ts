/**
 * Faults: applying a recorded fault to its node's component, and checking a
 * fault injected during a run before it is applied. Kept apart from
 * simulation.ts because faults are rare events, never on the per-event path:
 * the run loop decides when a fault is due, this module what it does.
 */
import { faultRefusal } from '../scenario/faults';
import { KIND_TRAITS } from '../scenario/kinds';
import type { Fault, FaultAction } from '../scenario/schema';
import type { Component } from './component';

/** Applies `fault` at `time` to the component now holding its node's id; a node gone by then takes nothing. */
export function applyFault(components: readonly Component[], indexOfNode: ReadonlyMap<string, number>, fault: Fault, time: number): void {
  const node = indexOfNode.get(fault.node);
  if (node !== undefined) components[node]?.applyFault?.(fault.action, fault.factor, time, (fault.replica ?? 0) - 1);
}

/** Why a fault injected live on `nodeId` cannot be applied, or null if it can. */
export function liveFaultRefusal(components: readonly Component[], indexOfNode: ReadonlyMap<string, number>, nodeId: string, action: FaultAction): string | null {
  const index = indexOfNode.get(nodeId);
  const component = index === undefined ? undefined : components[index];
  if (!component) return `There is no node "${nodeId}".`;
  const refusal = faultRefusal(component.kind, action);
  if (refusal !== null || !component.applyFault) return `${component.label} is ${KIND_TRAITS[component.kind].one}; ${refusal ?? 'it cannot fail.'}`;
  return null;
}
