import { useAppStore } from '../../store';
import { ExampleWriteup } from '../ExampleWriteup';
import { LinkInspector } from './LinkInspector';
import { NodeInspector } from './NodeInspector';
import { ScenarioSettings } from './ScenarioSettings';

/** The right panel: the scenario's write-up on top, then the selected node or link, or the scenario when nothing is selected. */
export function Inspector() {
  const scenario = useAppStore((s) => s.scenario);
  const selection = useAppStore((s) => s.selection);
  const node = selection?.kind === 'node' ? scenario.nodes.find((n) => n.id === selection.id) : undefined;
  const link = selection?.kind === 'link' ? scenario.links.find((l) => l.id === selection.id) : undefined;
  return (
    <aside className="inspector" aria-label="Inspector">
      <ExampleWriteup />
      {node ? (
        <NodeInspector key={node.id} node={node} />
      ) : link ? (
        <LinkInspector key={link.id} link={link} nodes={scenario.nodes} />
      ) : (
        <ScenarioSettings scenario={scenario} />
      )}
    </aside>
  );
}
