import type { InboundConnections } from '../engine/connections/connection-figures';
import type { ConnectionFigures } from '../engine/connections/connection-figures';
import type { NodeReportOf } from '../engine/types';
import { formatCount, formatMilliseconds, formatTable, indent } from './format-numbers';

/** For a caller whose links need connections: each link's pool (or none), handshakes, pool wait, timeouts and refusals. */
export function connectionLines(connections: readonly ConnectionFigures[] | undefined, name: string): string[] {
  if (!connections || connections.length === 0) return [];
  const rows = connections.map((c) => [
    c.target,
    c.poolSize === null ? 'per call' : `${c.poolSize}${c.instances > 1 ? ` × ${c.instances}` : ''}`,
    formatCount(c.calls),
    formatCount(c.handshakes),
    formatCount(c.open),
    formatCount(c.waited),
    formatMilliseconds(c.meanWait),
    formatCount(c.timeouts),
    formatCount(c.refused),
  ]);
  return [
    '',
    `Connections from ${name}`,
    ...indent(
      formatTable(
        [['to', 'pool', 'calls', 'handshakes', 'open', 'waited', 'mean wait ms', 'pool timeouts', 'refused'], ...rows],
        ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      ),
    ),
  ];
}

/** For a node connections go to: how many are open, the most at once, and how many it refused past its limit. */
export function inboundConnectionLines(inbound: InboundConnections | undefined, name: string): string[] {
  if (inbound === undefined) return [];
  const limit = inbound.limit === null ? 'no limit' : `limit ${formatCount(inbound.limit)}`;
  return [
    '',
    `Connections to ${name}: ${formatCount(inbound.open)} open at the end, ${formatCount(inbound.peak)} at most (${limit}), ${formatCount(inbound.refused)} refused`,
  ];
}

/** For a connection pooler: its server connections, the wait for one, timeouts and refusals. */
export function poolerLines(node: NodeReportOf<'pooler'>, name: string): string[] {
  const p = node.pooler;
  return [
    '',
    `Connection pooler ${name}`,
    `  server connections: ${formatCount(p.serverOpen)} open of ${formatCount(p.serverConnections)}, ${p.meanServerBusy.toFixed(1)} in use on average`,
    `  client connections: ${formatCount(p.clientConnections)} open at the end (limit ${formatCount(p.maxClientConnections)})`,
    `  ${formatCount(p.waited)} requests waited for a server connection, mean wait ${formatMilliseconds(p.meanWait)} ms, longest ${formatMilliseconds(p.maxWait)} ms`,
    `  ${formatCount(p.timeouts)} pool timeouts, ${formatCount(p.refusedByDatabase)} refused by the database`,
  ];
}
