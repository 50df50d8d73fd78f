import { useId, useState } from 'react';
import type { ScenarioNode } from '../../scenario/schema';
import { useAppStore } from '../../store';

/**
 * "Connect to…": links the selected node to another chosen from a list, for
 * a keyboard alone. It goes through the store's `connect` like a drag on the
 * canvas, so the same rules refuse the same links with the same message.
 */
export function ConnectTo({ node }: { node: ScenarioNode }) {
  const id = useId();
  const nodes = useAppStore((s) => s.scenario.nodes);
  const links = useAppStore((s) => s.scenario.links);
  const [target, setTarget] = useState('');
  const linked = new Set(links.filter((l) => l.from === node.id).map((l) => l.to));
  // Every other node, so a refused choice says why rather than silently missing from the list.
  const choices = nodes.filter((n) => n.id !== node.id && !linked.has(n.id)).sort((a, b) => (a.label || a.id).localeCompare(b.label || b.id));
  if (choices.length === 0) return null;

  const onConnect = () => {
    if (!target) return;
    const { connect, notify, scenario } = useAppStore.getState();
    const result = connect(node.id, target);
    if (!result.ok) {
      notify({ tone: 'warning', title: 'That link was not added.', details: [result.problem] });
      return;
    }
    const to = scenario.nodes.find((n) => n.id === target);
    notify({ tone: 'success', title: `Linked ${node.label || node.id} to ${to?.label || target}.` });
    setTarget('');
  };

  return (
    <div className="field connect-to">
      <label htmlFor={id}>Connect to…</label>
      <div className="field__control">
        <select id={id} value={target} onChange={(event) => setTarget(event.target.value)}>
          <option value="">Choose a node</option>
          {choices.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label || n.id}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={onConnect} disabled={!target}>
          Connect
        </button>
      </div>
    </div>
  );
}
