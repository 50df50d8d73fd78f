import type { DiscoveryMode } from '../../scenario/schema';
import { type NumberSpec, SPECS } from './field-spec';
import type { FieldsProps } from './fields-props';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

/* A service registry's fields: how callers find the instances, and how long their copies of the list live. */

const SECONDS = { unit: 's', scale: 1, min: 0 } satisfies NumberSpec;
const RESOLVERS = { unit: 'resolvers', scale: 1, min: 1, max: 64, integer: true } satisfies NumberSpec;

const MODES: readonly { value: DiscoveryMode; label: string }[] = [
  { value: 'clientSide', label: 'Client-side (callers cache)' },
  { value: 'serverSide', label: 'Server-side (live list)' },
  { value: 'dns', label: 'DNS (resolvers cache)' },
];

const TTL_NOTE: Record<DiscoveryMode, string> = {
  clientSide: 'How long a caller keeps its copy of the list; until then it calls instances that may have left',
  serverSide: 'Server-side discovery keeps no copy, so the TTL does not apply',
  dns: 'How long a resolver keeps the record; until then its clients call instances that may have left',
};

/** A service registry: the discovery mode, the TTL of a copy, the resolvers (DNS), heartbeats and the look-up's cost. */
export function RegistryFields({ node, commit }: FieldsProps<'registry'>) {
  return (
    <>
      <SelectField label="Discovery" value={node.mode} options={MODES} onChange={(mode) => commit({ mode }, 'mode')} />
      {node.mode !== 'serverSide' && (
        <NumberField label="TTL" note={TTL_NOTE[node.mode]} value={node.ttl} spec={SECONDS} onCommit={(ttl) => commit({ ttl: ttl ?? 0 }, 'ttl')} />
      )}
      {node.mode === 'dns' && (
        <NumberField
          label="Resolvers"
          note="Caching resolvers the client addresses are spread over; each record expires at its own moment"
          value={node.resolvers}
          spec={RESOLVERS}
          onCommit={(resolvers) => commit({ resolvers: resolvers ?? 1 }, 'resolvers')}
        />
      )}
      <NumberField
        label="Heartbeat timeout"
        note="A crashed instance stays listed this long; one that scales in leaves at once"
        value={node.heartbeatTimeout}
        spec={SECONDS}
        onCommit={(heartbeatTimeout) => commit({ heartbeatTimeout: heartbeatTimeout ?? 0 }, 'heartbeatTimeout')}
      />
      <NumberField
        label="Look-up latency"
        note={node.mode === 'serverSide' ? 'What asking the registry adds to every request' : 'What a refresh of the list adds to the call that makes it'}
        value={node.lookupLatency}
        spec={SPECS.time}
        onCommit={(lookupLatency) => commit({ lookupLatency: lookupLatency ?? 0 }, 'lookupLatency')}
      />
    </>
  );
}
