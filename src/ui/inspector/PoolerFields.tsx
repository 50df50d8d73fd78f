import { CONNECTION_SPECS } from './connection-specs';
import type { FieldsProps } from './fields-props';
import { NumberField } from './NumberField';

/** A connection pooler: client connections it accepts, server connections it keeps, how long a request may wait, its overhead. */
export function PoolerFields({ node, commit }: FieldsProps<'pooler'>) {
  return (
    <>
      <NumberField
        label="Server connections"
        note="Connections to the database; a request holds one while the database answers it"
        value={node.serverConnections}
        spec={CONNECTION_SPECS.serverConnections}
        onCommit={(serverConnections) => commit({ serverConnections: serverConnections ?? 0 }, 'serverConnections')}
      />
      <NumberField
        label="Max client connections"
        note="Connections callers may keep open to it; a new one beyond is refused"
        value={node.maxClientConnections}
        spec={CONNECTION_SPECS.maxClientConnections}
        onCommit={(maxClientConnections) => commit({ maxClientConnections: maxClientConnections ?? 0 }, 'maxClientConnections')}
      />
      <NumberField
        label="Wait timeout"
        note="A request waiting longer for a server connection fails with “pool timeout”"
        value={node.waitTimeout}
        spec={CONNECTION_SPECS.waitTimeout}
        onCommit={(waitTimeout) => commit({ waitTimeout }, 'waitTimeout')}
      />
      <NumberField
        label="Overhead"
        note="Added to each request it passes on"
        value={node.overhead}
        spec={CONNECTION_SPECS.overhead}
        onCommit={(overhead) => commit({ overhead: overhead ?? 0 }, 'overhead')}
      />
    </>
  );
}
