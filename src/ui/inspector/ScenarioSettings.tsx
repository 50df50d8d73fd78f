import type { Scenario } from '../../scenario/schema';
import { useAppStore } from '../../store';
import { FaultsEditor } from './FaultsEditor';
import { MeshSettings } from './MeshSettings';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';
import { TextField } from './TextField';

/** Settings of the whole scenario, shown when nothing is selected. */
export function ScenarioSettings({ scenario }: { scenario: Scenario }) {
  const updateSettings = useAppStore((s) => s.updateSettings);
  return (
    <div className="inspector__body">
      <header className="inspector__head">
        <div>
          <h2 className="panel-title">Scenario settings</h2>
          <div className="inspector__id">Select a node or link on the canvas to edit it.</div>
        </div>
      </header>
      {/* Seed and duration sit with the run controls in the toolbar, where a run is started. */}
      <p className="inspector__note">
        Seed {scenario.seed} · duration {scenario.duration} s: change them next to Run.
      </p>
      <NumberField label="Warm-up" value={scenario.warmup} spec={SPECS.warmup} onCommit={(warmup) => updateSettings({ warmup: warmup ?? 0 }, 'warmup')} />
      <NumberField label="Hop limit" value={scenario.hopLimit} spec={SPECS.hopLimit} onCommit={(hopLimit) => updateSettings({ hopLimit: hopLimit ?? 0 }, 'hopLimit')} />
      <p className="inspector__note">
        The same seed and duration give the same totals every time. Figures ignore the warm-up, so a queue that starts empty does not flatter them.
      </p>
      <FaultsEditor scenario={scenario} />
      <MeshSettings scenario={scenario} />
      <TextField
        label="Description"
        multiline
        value={scenario.description ?? ''}
        maxLength={4000}
        placeholder="What this scenario shows, and what to try"
        onCommit={(description) => updateSettings({ description: description === '' ? undefined : description }, 'description')}
      />
    </div>
  );
}
