import type { CallPolicy } from '../../scenario/call-schema';
import { MeshSchema } from '../../scenario/elastic-schema';
import type { Mesh, Scenario } from '../../scenario/schema';
import { useAppStore } from '../../store';
import { ControlPlaneView } from '../panels/ControlPlaneView';
import { PolicyFields } from './CallPolicyFields';
import { CheckboxField } from './CheckboxField';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';
import { Section } from './Section';

/** The scenario's service mesh: on or off, what a sidecar costs per hop, the policy, and the control plane's view. */
export function MeshSettings({ scenario }: { scenario: Scenario }) {
  const updateSettings = useAppStore((s) => s.updateSettings);
  const mesh = scenario.mesh;
  // The mesh is not part of a live edit (nodes and links): a run under way keeps the mesh it started with.
  const awaitsReset = useAppStore((s) => {
    const going = s.runStatus === 'running' || s.runStatus === 'paused';
    return going && s.runScenario !== null && JSON.stringify(s.runScenario.mesh) !== JSON.stringify(s.scenario.mesh);
  });
  const set = (patch: Partial<Mesh>, field: string) => (mesh ? updateSettings({ mesh: { ...mesh, ...patch } }, field) : null);
  return (
    <fieldset className="mesh-settings" aria-label="Service mesh">
      <legend className="panel-subtitle">Service mesh</legend>
      <CheckboxField
        label="Service mesh"
        note="Servers with Sidecar on route every call through proxies that add latency and CPU, and apply one policy: retries, timeouts, circuit breaking, mTLS."
        checked={mesh !== null}
        onChange={(on) => updateSettings({ mesh: on ? MeshSchema.parse({}) : null }, 'mesh')}
      />
      {awaitsReset && <p className="inspector__note">The run under way keeps the mesh it started with: changes here apply after Reset.</p>}
      {mesh && (
        <>
          <ControlPlaneView scenario={scenario} />
          <Section title="Sidecar costs" summary={`${Number((mesh.hopLatency * 1000).toPrecision(3))} ms a hop${mesh.mtls ? ', mTLS' : ''}`}>
            <NumberField
              label="Hop latency"
              note="Each sidecar a request passes adds this, each way"
              value={mesh.hopLatency}
              spec={SPECS.time}
              onCommit={(hopLatency) => set({ hopLatency: hopLatency ?? 0 }, 'mesh.hopLatency')}
            />
            <NumberField
              label="Hop CPU"
              note="CPU each sidecar spends on a request"
              value={mesh.hopCpu}
              spec={SPECS.time}
              onCommit={(hopCpu) => set({ hopCpu: hopCpu ?? 0 }, 'mesh.hopCpu')}
            />
            <CheckboxField label="mTLS between sidecars" checked={mesh.mtls} onChange={(mtls) => set({ mtls }, 'mesh.mtls')} />
            {mesh.mtls && (
              <NumberField
                label="mTLS CPU"
                note="More CPU at each end of a call between two sidecars"
                value={mesh.mtlsCpu}
                spec={SPECS.time}
                onCommit={(mtlsCpu) => set({ mtlsCpu: mtlsCpu ?? 0 }, 'mesh.mtlsCpu')}
              />
            )}
          </Section>
          <h4 className="mesh-settings__subtitle">Mesh policy</h4>
          <p className="inspector__note">Applied by the caller’s sidecar to every call from a meshed service; a link’s own call policy takes precedence.</p>
          <PolicyFields call={mesh.policy} commit={(policy: CallPolicy | undefined, field) => set({ policy: policy ?? MeshSchema.parse({}).policy }, field.replace(/^call\./, 'mesh.policy.'))} />
        </>
      )}
    </fieldset>
  );
}
