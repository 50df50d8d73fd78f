import { INSTANCE_SIZES, sizeOf } from '../../scenario/instance-sizes';
import type { DatabaseNode, ServerNode, SessionStoreNode } from '../../scenario/schema';
import { CONNECTION_SPECS } from './connection-specs';
import { DistributionField } from './DistributionField';
import { SPECS } from './field-spec';
import type { Commit, FieldsProps } from './fields-props';
import { NumberField } from './NumberField';
import { ResourceFields } from './ResourceFields';
import { AutoscalingFields } from './AutoscalingFields';
import { Section } from './Section';
import { SelectField } from './SelectField';
import { SidecarField } from './SidecarField';

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

const CUSTOM_SIZE = 'custom';
const SIZE_OPTIONS = [
  ...INSTANCE_SIZES.map((size) => ({ value: size.name as string, label: `${size.name}: ${size.cores} cores, ×${size.speed}, $${size.costPerHour}/h` })),
  { value: CUSTOM_SIZE, label: 'Custom (the fields below)' },
];

/** Scaling up (a bigger machine: cores, per-core speed, cost) and out (identical replicas). */
function ScalingFields({ node, commit }: { node: ServerNode; commit: Commit }) {
  const size = sizeOf(node)?.name ?? CUSTOM_SIZE;
  const summary = `${node.replicas > 1 ? `${node.replicas} × ` : ''}${size === CUSTOM_SIZE ? `×${node.speed} speed` : size}`;
  return (
    <Section title="Scaling and cost" summary={summary}>
      <SelectField
        label="Machine size"
        value={size}
        options={SIZE_OPTIONS}
        note="Scaling up: more cores and faster ones, at a higher price per hour."
        onChange={(name) => {
          const picked = INSTANCE_SIZES.find((s) => s.name === name);
          return picked ? commit({ workers: picked.cores, speed: picked.speed, costPerHour: picked.costPerHour }, 'size') : null;
        }}
      />
      <NumberField
        label="Core performance"
        note="Relative to the baseline machine; service times are divided by it"
        value={node.speed}
        spec={SPECS.speed}
        onCommit={(speed) => commit({ speed: speed ?? 1 }, 'speed')}
      />
      <NumberField
        label="Replicas"
        note={node.autoscaling ? 'With autoscaling on: the instances the run starts with' : 'Scaling out: identical machines, each with its own workers and queue'}
        value={node.replicas}
        spec={SPECS.replicas}
        onCommit={(replicas) => commit({ replicas: replicas ?? 1 }, 'replicas')}
      />
      <NumberField label="Cost per replica" value={node.costPerHour} spec={SPECS.costPerHour} onCommit={(cost) => commit({ costPerHour: cost ?? 0 }, 'costPerHour')} />
    </Section>
  );
}

/** A server: workers, queue, service time, then scaling, TLS and sessions folded below. */
export function ServerFields({ node, commit }: FieldsProps<'server'>) {
  return (
    <>
      <WorkerFields node={node} commit={commit} />
      <DistributionField label="Service time" value={node.serviceTime} onCommit={(serviceTime) => commit({ serviceTime }, 'serviceTime')} />
      <ScalingFields node={node} commit={commit} />
      <AutoscalingFields node={node} commit={commit} />
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
        {node.sessions === 'inMemory' && <SessionTableFields node={node} commit={commit} />}
      </Section>
      <ResourceFields node={node} commit={commit} />
      <SidecarField node={node} commit={commit} />
    </>
  );
}

/** A database: workers, queue, a time for reads and one for writes; then shards and read replicas folded below. */
export function DatabaseFields({ node, commit }: FieldsProps<'database'>) {
  const summary = `${node.shards} shard${node.shards === 1 ? '' : 's'}, ${node.readReplicas} replica${node.readReplicas === 1 ? '' : 's'}${node.shards > 1 ? ' each' : ''}`;
  return (
    <>
      <WorkerFields node={node} commit={commit} />
      <DistributionField label="Read time" value={node.readTime} onCommit={(readTime) => commit({ readTime }, 'readTime')} />
      <DistributionField label="Write time" value={node.writeTime} onCommit={(writeTime) => commit({ writeTime }, 'writeTime')} />
      <NumberField
        label="Max connections"
        note="Open at once from all callers (links with a connection policy, poolers); a new one beyond is refused"
        value={node.maxConnections}
        spec={CONNECTION_SPECS.maxConnections}
        onCommit={(maxConnections) => commit({ maxConnections }, 'maxConnections')}
      />
      <Section title="Shards and replicas" summary={summary}>
        <NumberField
          label="Shards"
          note="Items split by a hash of their key; each shard is a machine with these workers"
          value={node.shards}
          spec={SPECS.shards}
          onCommit={(shards) => commit({ shards: shards ?? 1 }, 'shards')}
        />
        <NumberField
          label="Read replicas"
          note="Per shard: reads go to them, writes to the primary"
          value={node.readReplicas}
          spec={SPECS.readReplicas}
          onCommit={(readReplicas) => commit({ readReplicas: readReplicas ?? 0 }, 'readReplicas')}
        />
        {node.readReplicas > 0 && (
          <DistributionField label="Replication lag" value={node.replicationLag} onCommit={(replicationLag) => commit({ replicationLag }, 'replicationLag')} />
        )}
      </Section>
    </>
  );
}

/** A session store: workers, queue, and the time of one lookup. */
export function SessionStoreFields({ node, commit }: FieldsProps<'sessionStore'>) {
  return (
    <>
      <WorkerFields node={node} commit={commit} />
      <DistributionField label="Service time" value={node.serviceTime} onCommit={(serviceTime) => commit({ serviceTime }, 'serviceTime')} />
      <Section title="Sessions" summary={describeSessionTable(node)}>
        <SessionTableFields node={node} commit={commit} />
      </Section>
    </>
  );
}

/** How long a machine keeps a session, and how many it holds. */
function SessionTableFields({ node, commit }: { node: ServerNode | SessionStoreNode; commit: Commit }) {
  return (
    <>
      <NumberField
        label="Session lifetime"
        note="A session not used for this long expires"
        value={node.sessionLifetime}
        spec={SPECS.sessionLifetime}
        onCommit={(sessionLifetime) => commit({ sessionLifetime }, 'sessionLifetime')}
      />
      <NumberField
        label="Sessions per machine"
        note="Past it a login evicts the least recently used session"
        value={node.sessionCapacity}
        spec={SPECS.sessionCapacity}
        onCommit={(sessionCapacity) => commit({ sessionCapacity: sessionCapacity ?? 1 }, 'sessionCapacity')}
      />
    </>
  );
}

function describeSessionTable(node: ServerNode | SessionStoreNode): string {
  const lifetime = node.sessionLifetime === null ? 'kept until a crash' : `${node.sessionLifetime} s idle`;
  return `${lifetime}, up to ${node.sessionCapacity.toLocaleString('en-US')}`;
}
