import { type ConnectionPolicy, ConnectionPolicySchema } from '../../scenario/elastic-schema';
import type { NodeKind } from '../../scenario/schema';
import { CheckboxField } from './CheckboxField';
import { CONNECTION_SPECS } from './connection-specs';
import { LinkConnectionFigures } from './LinkConnectionFigures';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

interface ConnectionFieldsProps {
  linkId: string;
  fromId: string;
  /** The policy on the link, or undefined when connections are free. */
  connection: ConnectionPolicy | undefined;
  /** The link's one-way latency, for the handshake's cost. */
  latency: number;
  senderKind: NodeKind | undefined;
  senderName: string;
  /** Stores the new policy (undefined: none); returns why the store refused it, or null. */
  commit(connection: ConnectionPolicy | undefined, field: string): string | null;
}

type Mode = 'perCall' | 'pool';
const MODES: readonly { value: Mode; label: string }[] = [
  { value: 'perCall', label: 'New for each call' },
  { value: 'pool', label: 'A pool per caller' },
];
const NEW_POOL = { size: 10, idleTimeout: 60, waitTimeout: null };

/** "2 × 2 × 4 ms + 3 ms TLS = 19 ms": what a new connection costs on this link. */
function describeHandshake(c: ConnectionPolicy, latency: number): string {
  const ms = (s: number) => `${Math.round(s * 100_000) / 100} ms`;
  const total = c.handshakeRoundTrips * 2 * latency + c.tlsCpu;
  const parts = [`${c.handshakeRoundTrips} round trip${c.handshakeRoundTrips === 1 ? '' : 's'} × 2 × ${ms(latency)}`];
  if (c.tlsCpu > 0) parts.push(`${ms(c.tlsCpu)} TLS`);
  return `A new connection delays its call by ${parts.join(' + ')} = ${ms(total)}.`;
}

/** A link's connection: free, a new one per call (a handshake each), or a pool the caller keeps (docs/scenario-format.md, "Connections"). */
export function ConnectionFields({ linkId, fromId, connection, latency, senderKind, senderName, commit }: ConnectionFieldsProps) {
  if (senderKind === 'pooler') {
    return <p className="inspector__note">A connection pooler keeps its own server connections: set how many on the pooler.</p>;
  }
  const set = (patch: Partial<ConnectionPolicy>, field: string) => (connection ? commit({ ...connection, ...patch }, field) : null);
  const pool = connection?.pool ?? null;
  return (
    <section className="call-policy" aria-label="Connection">
      <h3 className="panel-subtitle">Connection</h3>
      <CheckboxField
        label="Calls need a connection"
        note={`Each call from ${senderName} needs an open connection; a new one costs a handshake.`}
        checked={connection !== undefined}
        onChange={(on) => commit(on ? ConnectionPolicySchema.parse({}) : undefined, 'connection')}
      />
      {connection && (
        <>
          <SelectField
            label="Connections"
            value={pool === null ? 'perCall' : 'pool'}
            options={MODES}
            note={pool === null ? 'Opened for each call and closed after its answer.' : 'Kept open and reused; a call waits when all are in use.'}
            onChange={(mode) => set({ pool: mode === 'pool' ? NEW_POOL : null }, 'connection.pool')}
          />
          {pool && (
            <>
              <NumberField
                label="Pool size"
                note="Connections each caller instance keeps open at most"
                value={pool.size}
                spec={CONNECTION_SPECS.poolSize}
                onCommit={(size) => set({ pool: { ...pool, size: size ?? 0 } }, 'connection.pool.size')}
              />
              <NumberField
                label="Idle timeout"
                note="An idle connection closes after this; the next call pays a handshake again"
                value={pool.idleTimeout}
                spec={CONNECTION_SPECS.idleTimeout}
                onCommit={(idleTimeout) => set({ pool: { ...pool, idleTimeout } }, 'connection.pool.idleTimeout')}
              />
              <NumberField
                label="Wait timeout"
                note="A call waiting longer for a free connection fails with “pool timeout”"
                value={pool.waitTimeout}
                spec={CONNECTION_SPECS.waitTimeout}
                onCommit={(waitTimeout) => set({ pool: { ...pool, waitTimeout } }, 'connection.pool.waitTimeout')}
              />
            </>
          )}
          <NumberField
            label="Handshake round trips"
            note="TCP 1, TCP + TLS 1.3 2, TCP + TLS 1.2 3"
            value={connection.handshakeRoundTrips}
            spec={CONNECTION_SPECS.handshakeRoundTrips}
            onCommit={(n) => set({ handshakeRoundTrips: n ?? 0 }, 'connection.handshakeRoundTrips')}
          />
          <NumberField
            label="TLS CPU"
            note="The callee's TLS work on a new connection (a fixed delay, not queued on its workers)"
            value={connection.tlsCpu}
            spec={CONNECTION_SPECS.tlsCpu}
            onCommit={(tlsCpu) => set({ tlsCpu: tlsCpu ?? 0 }, 'connection.tlsCpu')}
          />
          <p className="inspector__note">{describeHandshake(connection, latency)}</p>
          <LinkConnectionFigures linkId={linkId} fromId={fromId} />
        </>
      )}
    </section>
  );
}
