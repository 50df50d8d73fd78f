import { KIND_TRAITS } from './kinds';
import type { Link, NodeKind } from './schema';

/** What a link out of a connection pooler may lead to: a database. Null when the link is fine, else why not. */
export function poolerLinkProblem(from: NodeKind, to: NodeKind): string | null {
  if (from === 'pooler' && to !== 'database') return `a connection pooler's link goes to the database it pools connections to; this one leads to ${KIND_TRAITS[to].one}`;
  return null;
}

/**
 * Why a scenario's links break a pooler's rules, naming the link and the
 * field: one link out of each pooler, and none of them with a `connection`
 * policy (the pooler keeps its own server connections).
 */
export function poolerLinksProblems(links: readonly Link[], kinds: ReadonlyMap<string, NodeKind>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    if (kinds.get(link.from) !== 'pooler') continue;
    if (seen.has(link.from)) problems.push(`link "${link.id}" field "from": pooler "${link.from}" already links to a database; a pooler pools connections to one.`);
    seen.add(link.from);
    if (link.connection !== undefined) {
      problems.push(`link "${link.id}" field "connection": pooler "${link.from}" keeps its own server connections; set its serverConnections instead.`);
    }
  }
  return problems;
}
