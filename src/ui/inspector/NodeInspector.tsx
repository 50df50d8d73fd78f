import { KindIcon, TrashIcon } from '../../canvas/icons';
import { KIND_INFO, kindStyle } from '../../canvas/node-kinds';
import type { DatabaseNode, ScenarioNode, ServerNode, SessionStoreNode } from '../../scenario/schema';
import { useAppStore } from '../../store';
import type { NodePatch } from '../../store/scenario-slice';
import { DistributionField } from './DistributionField';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';
import { CacheFields } from './CacheFields';
import { CdnFields } from './CdnFields';
import { ClientFields } from './ClientFields';
import { LoadBalancerFields } from './LoadBalancerFields';
import { Section } from './Section';
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
  const duplicateNode = useAppStore((s) => s.duplicateNode);
  const links = useAppStore((s) => s.scenario.links);
  const nodes = useAppStore((s) => s.scenario.nodes);
  const commit: Commit = (patch, field) => updateNode(node.id, patch, field);
  const targetsOf = (id: string) => nodes.filter((n) => links.some((l) => l.from === id && l.to === n.id));
  return (
    <div className="inspector__body" key={node.id}>
      <header className="inspector__head">
        <span className="inspector__icon" style={kindStyle(node.kind)}>
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
      )}
      {node.kind === 'database' && (
        <>
          <DistributionField label="Read time" value={node.readTime} onCommit={(readTime) => commit({ readTime }, 'readTime')} />
          <DistributionField label="Write time" value={node.writeTime} onCommit={(writeTime) => commit({ writeTime }, 'writeTime')} />
        </>
      )}
      <div className="inspector__actions">
        <button type="button" className="button" onClick={() => duplicateNode(node.id)} title="Ctrl+D">
          Duplicate
        </button>
        <button type="button" className="button button--danger" onClick={() => removeElements([node.id], [])} title="Delete key">
          <TrashIcon /> Delete {KIND_INFO[node.kind].title.toLowerCase()}
        </button>
      </div>
    </div>
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
