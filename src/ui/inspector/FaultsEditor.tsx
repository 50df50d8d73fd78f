import type { Fault, FaultAction, Scenario } from '../../scenario/schema';
import { useAppStore } from '../../store';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

const ACTIONS: readonly { value: FaultAction; label: string }[] = [
  { value: 'crash', label: 'Crash (drops all, refuses requests)' },
  { value: 'restart', label: 'Restart (comes back empty)' },
  { value: 'slow', label: 'Slow down (service time × factor)' },
  { value: 'recover', label: 'Recover (normal speed)' },
];

/** The scenario's fault timeline: what happens to which server or database, and when. */
export function FaultsEditor({ scenario }: { scenario: Scenario }) {
  const updateSettings = useAppStore((s) => s.updateSettings);
  const targets = scenario.nodes.filter((n) => n.kind === 'server' || n.kind === 'database');
  const options = targets.map((n) => ({ value: n.id, label: n.label || n.id }));
  const setFaults = (faults: Fault[], field: string) => updateSettings({ faults }, field);
  const change = (index: number, patch: Partial<Fault>, field: string) =>
    setFaults(
      scenario.faults.map((f, i) => (i === index ? { ...f, ...patch } : f)),
      `fault-${index}-${field}`,
    );
  const add = () => {
    const first = targets[0];
    if (!first) return;
    setFaults([...scenario.faults, { at: Math.round(scenario.duration / 2), node: first.id, action: 'crash', factor: 1 }], 'add');
  };

  return (
    <section className="faults" aria-label="Faults">
      <h3 className="panel-subtitle">Faults</h3>
      {scenario.faults.length === 0 && <p className="inspector__note">No faults: every server and database stays up for the whole run.</p>}
      {scenario.faults.map((fault, index) => {
        const n = index + 1;
        return (
          // Faults have no id; the position in the list is what the user edits.
          // biome-ignore lint/suspicious/noArrayIndexKey: faults have no identity beyond their place in the list
          <fieldset className="distribution" key={index}>
            <legend>Fault {n}</legend>
            <NumberField label="At" ariaLabel={`Fault ${n} at`} value={fault.at} spec={SPECS.faultAt} onCommit={(at) => change(index, { at: at ?? 0 }, 'at')} />
            <SelectField label={`Fault ${n} node`} value={fault.node} options={options} onChange={(node) => change(index, { node }, 'node')} />
            <SelectField label={`Fault ${n} action`} value={fault.action} options={ACTIONS} onChange={(action) => change(index, action === 'slow' && fault.factor === 1 ? { action, factor: 3 } : { action }, 'action')} />
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
      <button type="button" className="button" onClick={add} disabled={targets.length === 0} title={targets.length === 0 ? 'Add a server or database first' : undefined}>
        Add fault
      </button>
    </section>
  );
}
