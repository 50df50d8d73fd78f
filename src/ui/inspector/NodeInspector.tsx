import { KindIcon, TrashIcon } from '../../canvas/icons';
import { KIND_INFO } from '../../canvas/node-kinds';
import type { ClientNode, DatabaseNode, ScenarioNode, ServerNode, SessionStoreNode } from '../../scenario/schema';
import { useAppStore } from '../../store';
import type { NodePatch } from '../../store/scenario-slice';
import { DistributionField } from './DistributionField';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';
import { CacheFields } from './CacheFields';
import { CatalogueFields } from './CatalogueFields';
import { CdnFields } from './CdnFields';
import { CheckboxField } from './CheckboxField';
import { LoadBalancerFields } from './LoadBalancerFields';
import { RequestMixEditor } from './RequestMixEditor';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

type Commit = (patch: NodePatch, field: string) => string | null;

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

/** Every field of the selected node, by kind. */
export function NodeInspector({ node }: { node: ScenarioNode }) {
  const updateNode = useAppStore((s) => s.updateNode);
  const removeElements = useAppStore((s) => s.removeElements);
  const links = useAppStore((s) => s.scenario.links);
  const nodes = useAppStore((s) => s.scenario.nodes);
  const commit: Commit = (patch, field) => updateNode(node.id, patch, field);
  const targetsOf = (id: string) => nodes.filter((n) => links.some((l) => l.from === id && l.to === n.id));
  return (
    <div className="inspector__body" key={node.id}>
      <header className="inspector__head">
        <span className={`inspector__icon palette__icon--${node.kind}`}>
          <KindIcon kind={node.kind} size={22} />
        </span>
        <div>
          <h2 className="panel-title">{KIND_INFO[node.kind].title}</h2>
          <div className="inspector__id">id {node.id}</div>
        </div>
      </header>
      <TextField label="Name" value={node.label ?? ''} maxLength={80} placeholder={node.id} onCommit={(label) => commit({ label }, 'label')} />
      {node.kind === 'client' && <ClientFields node={node} commit={commit} />}
      {node.kind === 'loadBalancer' && <LoadBalancerFields node={node} targets={targetsOf(node.id)} commit={commit} />}
      {(node.kind === 'server' || node.kind === 'database' || node.kind === 'sessionStore') && <StationFields node={node} commit={commit} />}
      {node.kind === 'cache' && <CacheFields node={node} commit={commit} />}
      {node.kind === 'cdn' && <CdnFields node={node} commit={commit} />}
      {node.kind === 'sessionStore' && (
        <DistributionField label="Service time" value={node.serviceTime} onCommit={(serviceTime) => commit({ serviceTime }, 'serviceTime')} />
      )}
      {node.kind === 'server' && (
        <>
          <DistributionField label="Service time" value={node.serviceTime} onCommit={(serviceTime) => commit({ serviceTime }, 'serviceTime')} />
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
        </>
      )}
      {node.kind === 'database' && (
        <>
          <DistributionField label="Read time" value={node.readTime} onCommit={(readTime) => commit({ readTime }, 'readTime')} />
          <DistributionField label="Write time" value={node.writeTime} onCommit={(writeTime) => commit({ writeTime }, 'writeTime')} />
        </>
      )}
      <button type="button" className="button button--danger" onClick={() => removeElements([node.id], [])}>
        <TrashIcon /> Delete {KIND_INFO[node.kind].title.toLowerCase()}
      </button>
    </div>
  );
}

function ClientFields({ node, commit }: { node: ClientNode; commit: Commit }) {
  const { workload, retries } = node;
  return (
    <>
      <SelectField
        label="Workload"
        value={workload.mode}
        options={[
          { value: 'open', label: 'Open: a steady arrival rate' },
          { value: 'closed', label: 'Closed: users who wait for answers' },
        ]}
        onChange={(mode) =>
          commit(
            { workload: mode === 'open' ? { mode, rate: 20 } : { mode, users: 50, thinkTime: { type: 'exponential', mean: 1 } } },
            'workload',
          )
        }
      />
      {workload.mode === 'open' ? (
        <NumberField label="Rate" value={workload.rate} spec={SPECS.rate} onCommit={(rate) => commit({ workload: { ...workload, rate: rate ?? 0 } }, 'rate')} />
      ) : (
        <>
          <NumberField label="Users" value={workload.users} spec={SPECS.users} onCommit={(users) => commit({ workload: { ...workload, users: users ?? 0 } }, 'users')} />
          <DistributionField label="Think time" value={workload.thinkTime} onCommit={(thinkTime) => commit({ workload: { ...workload, thinkTime } }, 'thinkTime')} />
        </>
      )}
      <NumberField label="Timeout" value={node.timeout} spec={SPECS.timeout} onCommit={(timeout) => commit({ timeout }, 'timeout')} />
      <NumberField label="Retries" value={retries.count} spec={SPECS.retryCount} onCommit={(count) => commit({ retries: { ...retries, count: count ?? 0 } }, 'retryCount')} />
      <NumberField label="Retry backoff" value={retries.backoff} spec={SPECS.backoff} onCommit={(backoff) => commit({ retries: { ...retries, backoff: backoff ?? 0 } }, 'backoff')} />
      <label className="field field--check">
        <input type="checkbox" checked={retries.jitter} onChange={(event) => commit({ retries: { ...retries, jitter: event.target.checked } }, 'jitter')} />
        Jitter the backoff (wait a random part of it)
      </label>
      <NumberField
        label="Writes"
        note="Share of requests that are writes"
        value={node.writeRatio}
        spec={SPECS.writeRatio}
        onCommit={(writeRatio) => commit({ writeRatio: writeRatio ?? 0 }, 'writeRatio')} />
      <NumberField
        label="Addresses"
        note="Distinct client addresses; IP hash and consistent hashing key on them"
        value={node.addresses}
        spec={SPECS.addresses}
        onCommit={(addresses) => commit({ addresses: addresses ?? 0 }, 'addresses')} />
      <CatalogueFields catalogue={node.catalogue} commit={(catalogue, field) => commit({ catalogue }, field)} />
      <RequestMixEditor mix={node.mix} commit={(mix, field) => commit({ mix }, field)} />
      <CheckboxField
        label="HTTPS"
        note="Requests arrive over TLS; whoever decrypts them pays the CPU cost."
        checked={node.https}
        onChange={(https) => commit({ https }, 'https')}
      />
    </>
  );
}

function StationFields({ node, commit }: { node: ServerNode | DatabaseNode | SessionStoreNode; commit: Commit }) {
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
