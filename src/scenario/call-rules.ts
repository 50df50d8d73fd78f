import { KIND_TRAITS } from './kinds';
import type { Link, NodeKind } from './schema';

/** Kinds that make calls with a policy: a client (its request waits there) and the queueing stations (a worker waits). */
export const CALLER_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['client', 'server', 'database', 'sessionStore']);

/** Why a link cannot carry its call policy, naming the link, the calling node and the field; empty when it can. */
export function callPolicyProblems(link: Link, kinds: ReadonlyMap<string, NodeKind>): string[] {
  if (link.call === undefined) return [];
  const from = kinds.get(link.from);
  const to = kinds.get(link.to);
  const where = `link "${link.id}" from node "${link.from}" field "call"`;
  if (from !== undefined && !CALLER_KINDS.has(from)) {
    return [`${where}: "${link.from}" is ${KIND_TRAITS[from].one}, which passes requests on rather than calling; put call policies on links from clients and servers.`];
  }
  if (from === 'server' && to === 'sessionStore') {
    return [`${where}: a server's session lookups are not calls with a policy; remove it, or link the server to a server instead.`];
  }
  return [];
}
