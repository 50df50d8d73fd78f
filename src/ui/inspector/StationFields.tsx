import type { DatabaseNode, ServerNode, SessionStoreNode } from '../../scenario/schema';
import { DistributionField } from './DistributionField';
import { SPECS } from './field-spec';
import type { Commit, FieldsProps } from './fields-props';
import { NumberField } from './NumberField';
import { Section } from './Section';
import { SelectField } from './SelectField';

/* The fields of the kinds built on workers and a queue: servers, databases, session stores. */

const SESSION_OPTIONS: readonly { value: ServerNode['sessions']; label: string }[] = [
  { value: 'stateless', label: 'Stateless (no sessions)' },
  { value: 'inMemory', label: 'In this server’s memory' },
  { value: 'externalStore', label: 'In a session store it links to' },
];
const SESSION_NOTES: Record<ServerNode['sessions'], string> = {
  stateless: 'Any server can answer any request.',
  inMemory: 'Lost if it crashes; a user sent to another server must log in again (sticky sessions help).',
  externalStore: 'Any server can serve any user; each request also asks the session store.',
};

function WorkerFields({ node, commit }: { node: ServerNode | DatabaseNode | SessionStoreNode; commit: Commit }) {
  return (
    <>
      <NumberField label="Workers" value={node.workers} spec={SPECS.workers} onCommit={(workers) => commit({ workers: workers ?? 0 }, 'workers')} />
      <NumberField
        label="Queue capacity"
        value={node.queueCapacity}
        spec={SPECS.queueCapacity}
        onCommit={(queueCapacity) => commit({ queueCapacity }, 'queueCapacity')}
      />
    </>
  );
}

/** A server: workers, queue, service time, then TLS and sessions folded below. */
export function ServerFields({ node, commit }: FieldsProps<'server'>) {
  return (
    <>
      <WorkerFields node={node} commit={commit} />
      <DistributionField label="Service time" value={node.serviceTime} onCommit={(serviceTime) => commit({ serviceTime }, 'serviceTime')} />
      <Section title="TLS and sessions" summary={node.sessions === 'stateless' ? 'stateless' : node.sessions === 'inMemory' ? 'sessions in memory' : 'session store'}>
        <NumberField
          label="TLS cost"
          note="CPU time to decrypt an HTTPS request nobody decrypted upstream"
          value={node.tlsCost}
          spec={SPECS.tlsCost}
          onCommit={(tlsCost) => commit({ tlsCost: tlsCost ?? 0 }, 'tlsCost')}
        />
        <SelectField
          label="Sessions"
          value={node.sessions}
          options={SESSION_OPTIONS}
          onChange={(sessions) => commit({ sessions }, 'sessions')}
          note={SESSION_NOTES[node.sessions]}
        />
        {node.sessions !== 'stateless' && (
          <NumberField
            label="Login cost"
            note="Extra CPU time when a user must log in (again)"
            value={node.loginCost}
            spec={SPECS.time}
            onCommit={(loginCost) => commit({ loginCost: loginCost ?? 0 }, 'loginCost')}
          />
        )}
      </Section>
    </>
  );
}

/** A database: workers, queue, and a time for reads and one for writes. */
export function DatabaseFields({ node, commit }: FieldsProps<'database'>) {
  return (
    <>
      <WorkerFields node={node} commit={commit} />
      <DistributionField label="Read time" value={node.readTime} onCommit={(readTime) => commit({ readTime }, 'readTime')} />
      <DistributionField label="Write time" value={node.writeTime} onCommit={(writeTime) => commit({ writeTime }, 'writeTime')} />
    </>
  );
}

/** A session store: workers, queue, and the time of one lookup. */
export function SessionStoreFields({ node, commit }: FieldsProps<'sessionStore'>) {
  return (
    <>
      <WorkerFields node={node} commit={commit} />
      <DistributionField label="Service time" value={node.serviceTime} onCommit={(serviceTime) => commit({ serviceTime }, 'serviceTime')} />
    </>
  );
}
