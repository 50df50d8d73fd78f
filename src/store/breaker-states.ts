import type { BreakerState } from '../engine/types';
import type { AppState } from './types';

/**
 * The breaker state of every link that has a breaker, as one string
 * ("linkId=open;…"), so a display-beat reader re-renders only when a state
 * changed (strings compare by value). Empty when no run has figures.
 */
export function selectBreakerStates(state: AppState): string {
  const nodes = state.snapshot?.nodes;
  if (!nodes || state.simTime === 0) return '';
  const parts: string[] = [];
  for (const node of nodes) for (const call of node.calls ?? []) if (call.state !== null) parts.push(`${call.link}=${call.state}`);
  return parts.join(';');
}

/** The string `selectBreakerStates` gives, as a map from link id to state (a later entry wins: the link's newest caller). */
export function parseBreakerStates(key: string): ReadonlyMap<string, BreakerState> {
  const map = new Map<string, BreakerState>();
  if (key === '') return map;
  for (const part of key.split(';')) {
    const [link, state] = part.split('=');
    if (link !== undefined && state !== undefined) map.set(link, state as BreakerState);
  }
  return map;
}
