import { TrashIcon } from '../../canvas/icons';
import type { Link, ScenarioNode } from '../../scenario/schema';
import { useAppStore } from '../../store';
import { CallPolicyFields } from './CallPolicyFields';
import { ConnectionFields } from './ConnectionFields';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';

/** The selected link: its latency, weight, call policy and connections. */
export function LinkInspector({ link, nodes }: { link: Link; nodes: readonly ScenarioNode[] }) {
  const updateLink = useAppStore((s) => s.updateLink);
  const removeElements = useAppStore((s) => s.removeElements);
  const name = (id: string) => {
    const node = nodes.find((n) => n.id === id);
    return node?.label || id;
  };
  return (
    <div className="inspector__body" key={link.id}>
      <header className="inspector__head">
        <div>
          <h2 className="panel-title">Link</h2>
          <div className="inspector__id">
            {name(link.from)} → {name(link.to)}
          </div>
        </div>
      </header>
      <NumberField label="Latency" value={link.latency} spec={SPECS.latency} onCommit={(latency) => updateLink(link.id, { latency: latency ?? 0 }, 'latency')} />
      <NumberField label="Weight" value={link.weight} spec={SPECS.weight} onCommit={(weight) => updateLink(link.id, { weight: weight ?? 0 }, 'weight')} />
      <p className="inspector__note">
        Latency is one way; a response pays it again on the way back. Weight shares traffic when a node other than a load balancer has several outgoing
        links, and steers a load balancer set to weighted round robin.
      </p>
      <CallPolicyFields
        call={link.call}
        senderKind={nodes.find((n) => n.id === link.from)?.kind}
        senderName={name(link.from)}
        commit={(call, field) => updateLink(link.id, { call }, field)}
      />
      <ConnectionFields
        linkId={link.id}
        fromId={link.from}
        connection={link.connection}
        latency={link.latency}
        senderKind={nodes.find((n) => n.id === link.from)?.kind}
        senderName={name(link.from)}
        commit={(connection, field) => updateLink(link.id, { connection }, field)}
      />
      <div className="inspector__actions">
        <button type="button" className="button button--danger" onClick={() => removeElements([], [link.id])} title="Delete key">
          <TrashIcon /> Delete link
        </button>
      </div>
    </div>
  );
}
