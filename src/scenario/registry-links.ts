import { KIND_TRAITS } from './kinds';
import type { NodeKind } from './schema';

/**
 * What a link into or out of a service registry may join. Its links out go
 * to the server groups whose instances register with it (only servers run
 * instances that come and go); a registry does not call another registry.
 * Anything that calls may link to one. Null when the link is fine, else why not.
 */
export function registryLinkProblem(from: NodeKind, to: NodeKind): string | null {
  if (from === 'registry' && to !== 'server') {
    return `a service registry's links go to the server groups whose instances register with it; this one leads to ${KIND_TRAITS[to].one}`;
  }
  return null;
}
