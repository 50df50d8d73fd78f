import { FAULTABLE_KINDS, faultActionsFor } from '../../scenario/faults';
import { oneOfKinds } from '../../scenario/kinds';
import type { Fault, FaultAction, Scenario } from '../../scenario/schema';
import { useAppStore } from '../../store';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

const ACTION_LABELS: Record<FaultAction, string> = {
  crash: 'Crash (drops all, refuses requests)',
  restart: 'Restart (comes back empty)',
  slow: 'Slow down (service time × factor)',
  recover: 'Recover (normal speed)',
  flush: 'Flush (empties every entry)',
};

/** The scenario's fault timeline: what happens to which node (server, database, session store, cache, CDN), and when. */
export function FaultsEditor({ scenario }: { scenario: Scenario }) {
  const updateSettings = useAppStore((s) => s.updateSettings);
  const targets = scenario.nodes.filter((n) => FAULTABLE_KINDS.includes(n.kind));
  const actionsOf = (nodeId: string) => {
    const node = targets.find((n) => n.id === nodeId);
    return node ? faultActionsFor(node.kind) : [];
  };
  const options = targets.map((n) => ({ value: n.id, label: n.label || n.id }));
  const setFaults = (faults: Fault[], field: string) => updateSettings({ faults }, field);
  const change = (index: number, patch: Partial<Fault>, field: string) =>
    setFaults(
      scenario.faults.map((f, i) => (i === index ? withoutEmptyReplica({ ...f, ...patch }) : f)),
      `fault-${index}-${field}`,
    );
  /** A server's replicas, to offer one machine alone (1: nothing to choose). */
  const replicasOf = (nodeId: string) => {
    const node = targets.find((n) => n.id === nodeId);
    return node?.kind === 'server' ? node.replicas : 1;
  };
  const add = () => {
    const first = targets[0];
    if (!first) return;
    setFaults([...scenario.faults, { at: Math.round(scenario.duration / 2), node: first.id, action: 'crash', factor: 1 }], 'add');
  };

  return (
    <section className="faults" aria-label="Faults">
      <h3 className="panel-subtitle">Faults</h3>
      {scenario.faults.length === 0 && <p className="inspector__note">No faults: every node stays up for the whole run.</p>}
      {scenario.faults.map((fault, index) => {
        const n = index + 1;
        const actions = actionsOf(fault.node).map((value) => ({ value, label: ACTION_LABELS[value] }));
        // A node that cannot take the current action (a flush moved to a server) falls back to a crash.
        const changeNode = (node: string) =>
          change(index, { ...(actionsOf(node).includes(fault.action) ? { node } : { node, action: 'crash' }), replica: undefined }, 'node');
        const replicas = replicasOf(fault.node);
        const machines = [
          { value: '0', label: `All ${replicas} replicas` },
          ...Array.from({ length: replicas }, (_, r) => ({ value: String(r + 1), label: `${fault.node} #${r + 1} alone` })),
        ];
        return (
          // Faults have no id; the position in the list is what the user edits.
          // biome-ignore lint/suspicious/noArrayIndexKey: faults have no identity beyond their place in the list
          <fieldset className="distribution" key={index}>
            <legend>Fault {n}</legend>
            <NumberField label="At" ariaLabel={`Fault ${n} at`} value={fault.at} spec={SPECS.faultAt} onCommit={(at) => change(index, { at: at ?? 0 }, 'at')} />
            <SelectField label={`Fault ${n} node`} value={fault.node} options={options} onChange={changeNode} />
            {replicas > 1 && (
              <SelectField
                label={`Fault ${n} machine`}
                value={String(fault.replica ?? 0)}
                options={machines}
                onChange={(value) => change(index, { replica: Number(value) > 0 ? Number(value) : undefined }, 'replica')}
              />
            )}
            <SelectField label={`Fault ${n} action`} value={fault.action} options={actions} onChange={(action) => change(index, action === 'slow' && fault.factor === 1 ? { action, factor: 3 } : { action }, 'action')} />
            {fault.action === 'slow' && (
              <NumberField
                label="Factor"
                ariaLabel={`Fault ${n} factor`}
                value={fault.factor}
                spec={SPECS.slowFactor}
                onCommit={(factor) => change(index, { factor: factor ?? 1 }, 'factor')}
              />
            )}
            <button type="button" className="button" onClick={() => setFaults(scenario.faults.filter((_, i) => i !== index), 'remove')}>
              Remove fault {n}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button" onClick={add} disabled={targets.length === 0} title={targets.length === 0 ? `Add ${oneOfKinds(FAULTABLE_KINDS)} first` : undefined}>
        Add fault
      </button>
    </section>
  );
}

/** A fault on the whole node carries no `replica` key, as the format writes it. */
function withoutEmptyReplica(fault: Fault): Fault {
  if (fault.replica !== undefined) return fault;
  const { replica: _none, ...rest } = fault;
  return rest;
}
