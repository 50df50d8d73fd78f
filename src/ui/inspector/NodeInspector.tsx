import { TrashIcon } from '../../canvas/icons';
import { KindIcon, kindStyle } from '../../canvas/node-kinds';
import { KIND_TRAITS } from '../../scenario/kinds';
import type { ScenarioNode } from '../../scenario/schema';
import { useAppStore } from '../../store';
import { ConnectTo } from './ConnectTo';
import type { Commit } from './fields-props';
import { fieldsFor } from './kind-fields';
import { TextField } from './TextField';

/** Every field of the selected node, by kind. */
export function NodeInspector({ node }: { node: ScenarioNode }) {
  const updateNode = useAppStore((s) => s.updateNode);
  const removeElements = useAppStore((s) => s.removeElements);
  const duplicateNode = useAppStore((s) => s.duplicateNode);
  const links = useAppStore((s) => s.scenario.links);
  const nodes = useAppStore((s) => s.scenario.nodes);
  const commit: Commit = (patch, field) => updateNode(node.id, patch, field);
  const Fields = fieldsFor(node);
  const targetsOf = (id: string) => nodes.filter((n) => links.some((l) => l.from === id && l.to === n.id));
  return (
    <div className="inspector__body" key={node.id}>
      <header className="inspector__head">
        <span className="inspector__icon" style={kindStyle(node.kind)}>
          <KindIcon kind={node.kind} size={22} />
        </span>
        <div>
          <h2 className="panel-title">{KIND_TRAITS[node.kind].title}</h2>
          <div className="inspector__id">id {node.id}</div>
        </div>
      </header>
      <TextField label="Name" value={node.label ?? ''} maxLength={80} placeholder={node.id} onCommit={(label) => commit({ label }, 'label')} />
      <ConnectTo node={node} />
      <Fields node={node} commit={commit} targets={targetsOf(node.id)} />
      <div className="inspector__actions">
        <button type="button" className="button" onClick={() => duplicateNode(node.id)} title="Ctrl+D">
          Duplicate
        </button>
        <button type="button" className="button button--danger" onClick={() => removeElements([node.id], [])} title="Delete key">
          <TrashIcon /> Delete {KIND_TRAITS[node.kind].title.toLowerCase()}
        </button>
      </div>
    </div>
  );
}
